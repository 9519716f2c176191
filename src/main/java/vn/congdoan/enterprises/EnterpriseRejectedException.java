package vn.congdoan.enterprises;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** One or more fields of an enterprise were refused; each problem names its field. */
public class EnterpriseRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public EnterpriseRejectedException(List<FieldProblem> problems) {
        super("enterprise.rejected");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
