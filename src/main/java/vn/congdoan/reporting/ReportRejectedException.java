package vn.congdoan.reporting;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** A target or report change refused for a reason the user can fix; each problem names the field in Vietnamese. */
public class ReportRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public ReportRejectedException(List<FieldProblem> problems) {
        super("report.rejected");
        this.problems = List.copyOf(problems);
    }

    public ReportRejectedException(String field, String messageKey, Object... args) {
        this(List.of(new FieldProblem(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
