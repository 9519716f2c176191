package vn.congdoan;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Counts the SQL statements one HTTP request sends to PostgreSQL. Every full-application context carries it (the
 * overhead is a thread-local look-up per statement): the data source is wrapped so that each statement executed on a
 * thread inside a measured request is recorded, and a filter ahead of all others (Spring Session's included) measures
 * the requests that carry the {@link #HEADER} header. A batch counts as one statement (one round trip).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

    /** A request carrying this header, with a token as its value, is measured. */
    public static final String HEADER = "X-Test-Sql-Count";

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, Recorded> RESULTS = new ConcurrentHashMap<>();

    /**
     * The statements of one request, in order.
     *
     * @param session those reading or writing Spring Session's tables (the same for every page)
     * @param application all others: what the page itself costs
     */
    public record Recorded(List<String> session, List<String> application) {

        static Recorded of(List<String> all) {
            List<String> session = new ArrayList<>();
            List<String> application = new ArrayList<>();
            for (String sql : all) {
                (sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION") ? session : application).add(sql);
            }
            return new Recorded(List.copyOf(session), List.copyOf(application));
        }
    }

    /** The statements of the request that carried the token; waits briefly for the server to finish the request. */
    public static Recorded take(String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Recorded r = RESULTS.remove(token);
            if (r != null) {
                return r;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no SQL count recorded for request " + token);
    }

    @Bean
    static BeanPostProcessor sqlStatementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds ? counting(ds) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> sqlStatementCountingFilter() {
        Filter filter = (request, response, chain) -> {
            String token = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
            if (token == null) {
                chain.doFilter(request, response);
                return;
            }
            List<String> statements = new ArrayList<>();
            CURRENT.set(statements);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                RESULTS.put(token, Recorded.of(statements));
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("sqlStatementCounting");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The pool behind a proxy with all its interfaces (Closeable included, so the context still closes it). */
    static DataSource counting(DataSource target) {
        After wrapConnections = (method, args, result) -> result instanceof Connection c ? connection(c) : result;
        return proxy(DataSource.class, ClassUtils.getAllInterfaces(target), target, wrapConnections, (m, a) -> {});
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (result instanceof CallableStatement s) {
                return statement(CallableStatement.class, s, (String) args[0]);
            }
            if (result instanceof PreparedStatement s) {
                return statement(PreparedStatement.class, s, (String) args[0]);
            }
            if (result instanceof Statement s) {
                return statement(Statement.class, s, null);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S target, String prepared) {
        return proxy(type, target, (method, args, result) -> result, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                List<String> statements = CURRENT.get();
                if (statements != null) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                    statements.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
                }
            }
        });
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private interface Before {
        void accept(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return proxy(type, new Class<?>[] {type}, target, after, (method, args) -> {});
    }

    private static <T> T proxy(Class<T> type, T target, After after, Before before) {
        return proxy(type, new Class<?>[] {type}, target, after, before);
    }

    /** A proxy that unwraps to its own type as itself; other unwraps (pgjdbc's COPY) reach the driver. */
    private static <T> T proxy(Class<T> type, Class<?>[] interfaces, T target, After after, Before before) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object self, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("unwrap") && type.equals(args[0])) {
                    return self;
                }
                before.accept(method, args);
                try {
                    return after.apply(method, args, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return type.cast(Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), interfaces, handler));
    }
}
