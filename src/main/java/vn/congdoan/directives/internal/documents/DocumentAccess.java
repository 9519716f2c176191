package vn.congdoan.directives.internal.documents;

/**
 * The visibility rule of the register in SQL: a document {@code d} is visible with {@code document.read} over its
 * owning unit or over any of its recipient units (permissions cover subtrees). Bind {@code :roots} to {@code
 * SqlArrays.ofLabels(scope.paths(Documents.READ))}.
 */
final class DocumentAccess {

    static final String VISIBLE = """
            (exists (select 1 from organisation.org_unit ou
                      where ou.id = d.unit_id and ou.path <@ any(cast(:roots as ltree[])))
             or exists (select 1 from directives.document_recipient r
                          join organisation.org_unit ru on ru.id = r.unit_id
                         where r.document_id = d.id and ru.path <@ any(cast(:roots as ltree[]))))
            """;

    private DocumentAccess() {}
}
