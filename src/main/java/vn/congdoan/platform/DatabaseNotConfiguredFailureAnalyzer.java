package vn.congdoan.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing database configuration into guidance, in Vietnamese and English. */
public class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis("""
                Chưa cấu hình cơ sở dữ liệu PostgreSQL. / No PostgreSQL database is configured.""", """
                Đặt các biến môi trường / Set the environment variables:
                    SPRING_DATASOURCE_URL=jdbc:postgresql://<máy chủ/host>:5432/<tên CSDL/database>
                    SPRING_DATASOURCE_USERNAME=<người dùng/user>
                    SPRING_DATASOURCE_PASSWORD=<mật khẩu/password>
                hoặc chạy bản trình diễn với CSDL nhúng / or run the demo on the embedded database:
                    java -jar congdoan.jar --demo""", cause);
    }
}
