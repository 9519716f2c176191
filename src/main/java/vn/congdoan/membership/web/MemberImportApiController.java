package vn.congdoan.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.ImportProblemPage;
import vn.congdoan.membership.ImportRefusedException;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.shared.AccessScope;

/**
 * Member import as JSON: the same jobs as the pages. Upload answers 202 with the job and its address; poll it until
 * READY (or FAILED), read its problems page by page, then commit (202, COMMITTING) or cancel. A job of another user is
 * 404; a commit refused because of the job's state 409, because of rows with errors 422 (problem JSON, RFC 9457).
 */
@RestController
@RequestMapping("/api/v1/members/import")
@Tag(name = "Member import", description = "Nhập đoàn viên từ tệp XLSX/CSV: kiểm tra nền, xem lỗi, xác nhận")
class MemberImportApiController {

    /** A job with one page of its problems. */
    record JobWithProblems(ImportJob job, @Nullable ImportProblemPage problems) {}

    private final MemberImports imports;
    private final MessageSource messages;

    MemberImportApiController(MemberImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload an XLSX or CSV file of members; validation runs in the background",
            description = "The content decides the type (not the name). At most " + MemberImports.MAX_ROWS
                    + " data rows and 100 MB. Poll the Location until the status is READY or FAILED.")
    @ApiResponse(responseCode = "202", description = "Job created (VALIDATING, or FAILED when refused at once)")
    @ApiResponse(responseCode = "404", description = "The unit is not in the caller's member.write scope")
    ResponseEntity<ImportJob> upload(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "Unit the members join; default: the caller's own unit")
                    @RequestParam(required = false)
                    @Nullable
                    Long unitId,
            AccessScope scope,
            HttpServletRequest request)
            throws IOException {
        long unit = unitId != null ? unitId : imports.defaultUnit(scope);
        ImportJob job = imports.start(
                MemberImportController.stage(file),
                String.valueOf(file.getOriginalFilename()),
                unit,
                scope,
                scope.actor(request.getRemoteAddr()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/members/import/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job of the caller: status, counts and one page (200 rows) of its problems")
    JobWithProblems get(@PathVariable long id, @RequestParam(defaultValue = "0") int page, AccessScope scope) {
        ImportJob job = imports.job(id, scope);
        return new JobWithProblems(job, job.status().running() ? null : imports.problems(id, page, scope));
    }

    @PostMapping("/{id}/commit")
    @Operation(summary = "Commit a READY job without errors: all rows or none, in one transaction")
    @ApiResponse(responseCode = "202", description = "Committing")
    @ApiResponse(responseCode = "409", description = "Not READY, or the same file was already imported (use force)")
    @ApiResponse(responseCode = "422", description = "Rows with errors: fix the file and upload it again")
    ResponseEntity<ImportJob> commit(
            @PathVariable long id,
            @Parameter(description = "Commit although the same file was already imported for the unit")
                    @RequestParam(defaultValue = "false")
                    boolean force,
            AccessScope scope,
            HttpServletRequest request) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/members/import/" + id))
                .body(imports.commit(id, force, scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a job that is validating or ready; its staged rows are deleted")
    ImportJob cancel(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return imports.cancel(id, scope, scope.actor(request.getRemoteAddr()));
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setTitle(messages.getMessage("member.import.refused.title", null, locale));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(status).body(problem);
    }
}
