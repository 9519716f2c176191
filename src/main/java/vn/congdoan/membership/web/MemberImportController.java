package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.ImportRefusedException;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;

/**
 * Member import pages: the upload form with the caller's recent jobs, and a job's page, which polls its progress
 * with htmx while the job works and then shows the preview (totals, problems by row and column) with Commit and
 * Cancel.
 */
@Controller
@RequestMapping("/members/import")
class MemberImportController {

    private final MemberImports imports;

    MemberImportController(MemberImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String form(@RequestParam(required = false) @Nullable Long unitId, AccessScope scope, Model model) {
        scope.require(Members.WRITE);
        fillForm(unitId, scope, model);
        return "membership/import";
    }

    private void fillForm(@Nullable Long unitId, AccessScope scope, Model model) {
        model.addAttribute("units", imports.units(scope));
        model.addAttribute("selectedUnit", unitId != null ? unitId : imports.defaultUnit(scope));
        model.addAttribute("jobs", imports.recent(scope, 10));
        model.addAttribute("maxRows", MemberImports.MAX_ROWS);
        model.addAttribute("maxMegabytes", MemberImports.MAX_FILE_BYTES / (1024 * 1024));
    }

    @GetMapping("/template")
    void template(
            @RequestParam(required = false) @Nullable Long unitId, AccessScope scope, HttpServletResponse response)
            throws IOException {
        scope.require(Members.WRITE);
        long unit = unitId != null ? unitId : imports.defaultUnit(scope);
        download(response, "mau-nhap-doan-vien.xlsx", XLSX);
        imports.writeTemplate(unit, scope, response.getOutputStream());
    }

    @PostMapping
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable Long unitId,
            AccessScope scope,
            HttpServletRequest request,
            Model model)
            throws IOException {
        long unit = unitId != null ? unitId : imports.defaultUnit(scope);
        if (file == null || file.isEmpty()) {
            scope.require(Members.WRITE);
            fillForm(unit, scope, model);
            model.addAttribute("uploadProblem", "member.import.noFile");
            return "membership/import";
        }
        ImportJob job = imports.start(
                stage(file),
                String.valueOf(file.getOriginalFilename()),
                unit,
                scope,
                scope.actor(request.getRemoteAddr()));
        return "redirect:/members/import/" + job.id();
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, @RequestParam(defaultValue = "0") int page, AccessScope scope, Model model) {
        ImportJob job = imports.job(id, scope);
        model.addAttribute("job", job);
        if (!job.status().running()) {
            model.addAttribute("problems", imports.problems(id, page, scope));
        }
        return "membership/import-job";
    }

    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, AccessScope scope, Model model, HttpServletResponse response) {
        ImportJob job = imports.job(id, scope);
        model.addAttribute("job", job);
        if (!job.status().running()) {
            // Finished: htmx reloads the page, which now shows the preview or the outcome.
            response.setHeader("HX-Refresh", "true");
        }
        return "membership/import-job :: progress";
    }

    @GetMapping("/{id}/problems.csv")
    void problemsCsv(@PathVariable long id, AccessScope scope, HttpServletResponse response) throws IOException {
        imports.job(id, scope);
        download(response, "loi-nhap-doan-vien-" + id + ".csv", "text/csv;charset=UTF-8");
        imports.writeProblems(id, scope, response.getOutputStream());
    }

    @PostMapping("/{id}/commit")
    String commit(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean force,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            imports.commit(id, force, scope, scope.actor(request.getRemoteAddr()));
        } catch (ImportRefusedException e) {
            flash.addFlashAttribute("refusal", e.messageKey());
            flash.addFlashAttribute("refusalArg", e.args().length > 0 ? String.valueOf(e.args()[0]) : "");
        }
        return "redirect:/members/import/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        imports.cancel(id, scope, scope.actor(request.getRemoteAddr()));
        return "redirect:/members/import/" + id;
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The upload in a file of our own (the job reads it later, after this request). Never read into memory. */
    static Path stage(MultipartFile file) throws IOException {
        Path tmp = Files.createTempFile("congdoan-import-", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    static void download(HttpServletResponse response, String name, String type) {
        response.setContentType(type);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8));
        response.setHeader("Cache-Control", "no-store");
    }
}
