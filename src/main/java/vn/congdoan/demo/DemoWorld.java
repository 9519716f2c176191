package vn.congdoan.demo;

/** The synthetic Lai Châu world. Loading is idempotent: a database that already has units is left alone. */
public interface DemoWorld {

    /** Demo account usernames, in the order the README lists them. */
    java.util.List<String> USERNAMES =
            java.util.List.of("admin", "tinh", "xa", "cs1", "cs2", "ketoan", "kiemtra", "doanvien", "huyen");

    /**
     * Loads the tree and the demo accounts in one transaction, all with the given password.
     *
     * @return true when loaded now, false when the database already held data
     */
    boolean load(String password);
}
