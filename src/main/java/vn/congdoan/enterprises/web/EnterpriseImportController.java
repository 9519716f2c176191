package vn.congdoan.enterprises.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.ImportPreview;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.NotFoundException;

/** Import from XLSX: template, upload and preview, then commit (all rows or none). */
@Controller
@RequestMapping("/enterprises/import")
class EnterpriseImportController {

    private final Enterprises enterprises;

    EnterpriseImportController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    String page(AccessScope scope, Model model) {
        scope.require(Enterprises.WRITE);
        model.addAttribute("maxRows", Enterprises.IMPORT_MAX_ROWS);
        return "enterprises/import";
    }

    @GetMapping("/template")
    void template(AccessScope scope, HttpServletResponse response) throws IOException {
        scope.require(Enterprises.WRITE);
        EnterpriseController.download(response, "mau-nhap-doanh-nghiep.xlsx");
        enterprises.writeTemplate(scope, response.getOutputStream());
    }

    @PostMapping
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            AccessScope scope,
            HttpServletRequest request,
            Model model)
            throws IOException {
        scope.require(Enterprises.WRITE);
        model.addAttribute("maxRows", Enterprises.IMPORT_MAX_ROWS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadProblem", "enterprise.import.noFile");
            return "enterprises/import";
        }
        ImportPreview preview = enterprises.previewImport(
                String.valueOf(file.getOriginalFilename()),
                file.getBytes(),
                scope,
                scope.actor(request.getRemoteAddr()));
        model.addAttribute("preview", preview);
        return "enterprises/import";
    }

    @PostMapping("/commit")
    String commit(
            @RequestParam(required = false) @Nullable String batch,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(Enterprises.WRITE);
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(batch));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "enterprise.import.expired");
            return "redirect:/enterprises/import";
        }
        ImportPreview result;
        try {
            result = enterprises.commitImport(id, scope, scope.actor(request.getRemoteAddr()));
        } catch (NotFoundException e) {
            // Someone else's upload, or an expired one: the same answer, nothing applied.
            flash.addFlashAttribute("problem", "enterprise.import.expired");
            return "redirect:/enterprises/import";
        }
        if (!result.acceptable()) {
            model.addAttribute("maxRows", Enterprises.IMPORT_MAX_ROWS);
            model.addAttribute("preview", result);
            return "enterprises/import";
        }
        // Plain numbers: flash attributes live in the (JDBC) session and must serialise.
        flash.addFlashAttribute("importedCreated", result.created());
        flash.addFlashAttribute("importedUpdated", result.updated());
        return "redirect:/enterprises/import";
    }
}
