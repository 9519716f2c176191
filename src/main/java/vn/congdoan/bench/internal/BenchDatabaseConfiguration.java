package vn.congdoan.bench.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import vn.congdoan.platform.EmbeddedPostgresLauncher;

/**
 * {@code bench … --embedded} (or {@code --demo}) without {@code spring.datasource.url}: a throw-away embedded
 * PostgreSQL in a fresh directory under {@code data/bench} (never the demo's {@code data/pg}), deleted when the
 * command ends.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(BenchDatabaseConfiguration.EmbeddedBench.class)
class BenchDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres benchPostgres(@Value("${congdoan.bench.data-dir:data/bench}") String dir) {
        return EmbeddedPostgresLauncher.startTemporary(Path.of(dir).toAbsolutePath());
    }

    @Bean
    JdbcConnectionDetails benchConnectionDetails(EmbeddedPostgres pg) {
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

    /** The bench command, asked for an embedded database, and no database URL configured. */
    static class EmbeddedBench implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return "bench".equals(env.getProperty("congdoan.command"))
                    && env.getProperty("congdoan.bench.embedded", Boolean.class, false)
                    && !StringUtils.hasText(env.getProperty("spring.datasource.url"));
        }
    }
}
