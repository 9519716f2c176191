package vn.congdoan.directives;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** One or more fields of a task, report or cascade were refused; each problem names its field. */
public class TaskRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public TaskRejectedException(List<FieldProblem> problems) {
        super("task.rejected");
        this.problems = List.copyOf(problems);
    }

    public TaskRejectedException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
