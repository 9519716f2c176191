package vn.congdoan.platform;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Production never guesses a database: without {@code SPRING_DATASOURCE_URL} (and without {@code --demo}) the
 * application stops before anything else starts, and {@link DatabaseNotConfiguredFailureAnalyzer} says what to set.
 */
@Component
class DatabaseGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        boolean explicitConnection = Arrays.stream(
                        beanFactory.getBeanNamesForType(JdbcConnectionDetails.class, true, false))
                .map(beanFactory::getType)
                .anyMatch(type -> type != null && !type.getName().endsWith(".PropertiesJdbcConnectionDetails"));
        if (!explicitConnection) {
            throw new DatabaseNotConfiguredException();
        }
    }
}
