package vn.congdoan.directives;

/** A document type; {@code hasTitle} is false for a công văn (no type title, "V/v …" under the number). */
public record DocumentTypeView(String code, String name, String nameEn, String abbreviation, boolean hasTitle) {}
