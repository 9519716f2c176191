package vn.congdoan.membership.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.membership.HistoryEntry;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberFilter;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.TransferView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/**
 * The member register as JSON, through the same facade and scope rules as the pages: a member outside the caller's
 * subtree answers 404; refused fields 422 with a problem body naming each field; a stale {@code version} 409. The
 * sensitive part is returned only to holders of {@code member.read-sensitive} who ask for it with {@code
 * include=sensitive}, and each such read is written to the access log.
 */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "Sổ đoàn viên: tìm kiếm, kết nạp, cập nhật, chuyển sinh hoạt, thôi sinh hoạt")
class MemberApiController {

    private final Members members;

    MemberApiController(Members members) {
        this.members = members;
    }

    /** A member as JSON; {@code sensitive} is left out entirely unless it was asked for and allowed. */
    record MemberJson(
            long id,
            String memberCode,
            String fullName,
            String sex,
            LocalDate birthDate,
            String cccdMasked,
            @Nullable String phone,
            @Nullable String email,
            String nationality,
            @Nullable String homeTown,
            @Nullable String residence,
            @Nullable String education,
            @Nullable String qualification,
            @Nullable String theoryLevel,
            @Nullable Long enterpriseId,
            @Nullable String enterpriseName,
            @Nullable String jobTitle,
            @Nullable String contractType,
            LocalDate joinedOn,
            @Nullable String unionPosition,
            @Nullable String admissionDecision,
            String status,
            @Nullable Long unitId,
            long lastUnitId,
            String unitName,
            @Nullable LocalDate leftOn,
            @Nullable String leaveReason,
            int version,
            @Nullable TransferView pendingTransfer,
            @JsonInclude(JsonInclude.Include.NON_NULL) MemberDetail.@Nullable Sensitive sensitive) {

        static MemberJson of(MemberDetail d) {
            return new MemberJson(
                    d.id(),
                    d.memberCode(),
                    d.fullName(),
                    d.sex(),
                    d.birthDate(),
                    d.cccdMasked(),
                    d.phone(),
                    d.email(),
                    d.nationality(),
                    d.homeTown(),
                    d.residence(),
                    d.education(),
                    d.qualification(),
                    d.theoryLevel(),
                    d.enterpriseId(),
                    d.enterpriseName(),
                    d.jobTitle(),
                    d.contractType(),
                    d.joinedOn(),
                    d.unionPosition(),
                    d.admissionDecision(),
                    d.status(),
                    d.unitId(),
                    d.lastUnitId(),
                    d.unitName(),
                    d.leftOn(),
                    d.leaveReason(),
                    d.version(),
                    d.pendingTransfer(),
                    d.sensitive());
        }
    }

    record UpdateRequest(int version, MemberInput member) {}

    record TransferRequest(
            int version,
            long toUnitId,
            @Nullable String on,
            @Nullable String note) {}

    record LeaveRequest(
            int version,
            @Nullable String reason,
            @Nullable String on,
            @Nullable String decision,
            @Nullable String note) {}

    @GetMapping
    @Operation(
            summary = "Search members in scope",
            description = "q: a name fragment (diacritics optional), a 12-digit CCCD or a member code (exact). "
                    + "Vietnamese order (given name first). Pages of 50.")
    MemberPage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sex,
            @Parameter(description = "ethnic group code; ignored without member.read-sensitive")
                    @RequestParam(required = false)
                    @Nullable
                    String ethnicity,
            @RequestParam(required = false) @Nullable Integer ageFrom,
            @RequestParam(required = false) @Nullable Integer ageTo,
            @RequestParam(required = false) @Nullable Long enterpriseId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate joinedTo,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope) {
        return members.search(
                new MemberFilter(
                        unitId,
                        q,
                        status,
                        sex,
                        ethnicity,
                        ageFrom,
                        ageTo,
                        enterpriseId,
                        joinedFrom,
                        joinedTo,
                        sort,
                        page),
                scope);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One member; 404 outside the caller's scope. include=sensitive adds the sensitive part (logged)")
    MemberJson get(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String include,
            AccessScope scope,
            HttpServletRequest request) {
        return MemberJson.of(
                members.get(id, "sensitive".equals(include), scope, scope.actor(request.getRemoteAddr()), "API"));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The member's dated history")
    List<HistoryEntry> history(@PathVariable long id, AccessScope scope) {
        return members.history(id, scope);
    }

    @PostMapping
    @Operation(summary = "Admit a member into a unit in scope; the member code is generated. 422 names each field")
    ResponseEntity<MemberJson> create(@RequestBody MemberInput input, AccessScope scope, HttpServletRequest request) {
        MemberDetail created = members.admit(input, scope, scope.actor(request.getRemoteAddr()));
        return ResponseEntity.created(URI.create("/api/v1/members/" + created.id()))
                .body(MemberJson.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a member; send the version you read (409 when someone saved since)")
    MemberJson update(
            @PathVariable long id, @RequestBody UpdateRequest body, AccessScope scope, HttpServletRequest request) {
        return MemberJson.of(
                members.update(id, body.version(), body.member(), scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/{id}/transfer")
    @Operation(
            summary = "Release the member to another unit (accepted at once when the caller may write in both)",
            description = "on: ISO or dd/MM/yyyy date")
    TransferView transfer(
            @PathVariable long id, @RequestBody TransferRequest body, AccessScope scope, HttpServletRequest request) {
        return members.transfer(
                id,
                body.version(),
                new Members.TransferCommand(body.toUnitId(), date("on", body.on()), body.note()),
                scope,
                scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/{id}/leave")
    @Operation(summary = "The member leaves (RETIRED, VOLUNTARY, DECEASED) or is removed (REMOVED, EXPELLED)")
    MemberJson leave(
            @PathVariable long id, @RequestBody LeaveRequest body, AccessScope scope, HttpServletRequest request) {
        return MemberJson.of(members.leave(
                id,
                body.version(),
                new Members.LeaveCommand(
                        body.reason() == null ? "" : body.reason(),
                        date("on", body.on()),
                        body.decision(),
                        body.note()),
                scope,
                scope.actor(request.getRemoteAddr())));
    }

    private static LocalDate date(String field, @Nullable String text) {
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new MemberRejectedException(new FieldProblem(field, "member.date.format", text == null ? "" : text));
        }
        return d;
    }
}
