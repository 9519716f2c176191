package vn.congdoan.enterprises;

/** An entry of a code list (ownership type, sector, commune): its code and its names. */
public record ReferenceItem(String code, String name, String nameEn) {}
