package vn.congdoan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode only ({@code --demo} and no {@code spring.datasource.url}): the real PostgreSQL binaries, with data kept
 * in {@code ./data/pg}. Boot still builds the connection pool, and closes it before PostgreSQL stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoWithoutDatabaseUrlCondition.class)
class DemoDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${congdoan.demo.data-dir:data}") String dataDir) {
        return EmbeddedPostgresLauncher.startPersistent(Path.of(dataDir).toAbsolutePath());
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres pg) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return pg.getJdbcUrl("postgres", "postgres");
            }
        };
    }
}
