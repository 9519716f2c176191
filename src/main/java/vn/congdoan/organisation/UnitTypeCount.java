package vn.congdoan.organisation;

/** How many units of one type a subtree holds (the unit itself not counted). */
public record UnitTypeCount(String typeCode, String typeName, String typeNameEn, long count) {}
