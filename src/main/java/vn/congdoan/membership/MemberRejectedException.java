package vn.congdoan.membership;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** One or more fields of a member were refused; each problem names its field. */
public class MemberRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public MemberRejectedException(List<FieldProblem> problems) {
        super("member.rejected");
        this.problems = List.copyOf(problems);
    }

    public MemberRejectedException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
