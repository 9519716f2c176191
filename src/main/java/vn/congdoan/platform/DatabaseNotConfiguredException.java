package vn.congdoan.platform;

/** No database URL and no demo mode: the application cannot start. */
public class DatabaseNotConfiguredException extends RuntimeException {

    public DatabaseNotConfiguredException() {
        super("No database configured: set SPRING_DATASOURCE_URL or pass --demo");
    }
}
