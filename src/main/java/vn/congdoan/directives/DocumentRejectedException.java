package vn.congdoan.directives;

import java.util.List;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/** One or more fields of a document were refused; each problem names its field. */
public class DocumentRejectedException extends BusinessException {

    private final transient List<FieldProblem> problems;

    public DocumentRejectedException(List<FieldProblem> problems) {
        super("document.rejected");
        this.problems = List.copyOf(problems);
    }

    public DocumentRejectedException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
