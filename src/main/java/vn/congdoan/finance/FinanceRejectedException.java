package vn.congdoan.finance;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** One or more fields of a finance request were refused; each problem names its field (message keys). */
public class FinanceRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public FinanceRejectedException(List<FieldProblem> problems) {
        super("finance.rejected");
        this.problems = List.copyOf(problems);
    }

    public FinanceRejectedException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
