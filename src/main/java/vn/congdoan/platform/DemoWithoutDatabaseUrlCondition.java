package vn.congdoan.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True in demo mode when no database URL is configured: then, and only then, the embedded database starts. Tests
 * that supply their own database set {@code congdoan.demo.embedded-database=false}.
 */
class DemoWithoutDatabaseUrlCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return env.getProperty("congdoan.demo", Boolean.class, false)
                && env.getProperty("congdoan.demo.embedded-database", Boolean.class, true)
                && !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }
}
