package vn.congdoan.membership;

/** A unit members may be imported into, for the upload form's picker. */
public record ImportUnit(long id, String code, String name, int depth) {}
