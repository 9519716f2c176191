package vn.congdoan.identity.internal;

import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the API ({@code /api/**}: browser session or bearer token, problem JSON on refusal) and the
 * pages (form login). Both send the same headers (QUALITY.md §4) and require CSRF on every state change, except
 * for bearer-token requests, which no browser sends on its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    @Bean
    ThrottledAuthenticationProvider authenticationProvider(
            AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JdbcClient jdbc, Clock clock, MessageSource messages)
            throws Exception {
        String unauthorized =
                messages.getMessage("api.unauthorized", null, "Unauthorized", Locale.forLanguageTag("vi"));
        String forbidden = messages.getMessage("api.forbidden", null, "Forbidden", Locale.forLanguageTag("vi"));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(jdbc, clock, messages),
                        UsernamePasswordAuthenticationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenAuthenticationFilter::hasBearer))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> Problems.write(res, 401, "Unauthorized", unauthorized))
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden", forbidden)))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, LoginEvents events) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/language",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/verify/*")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(events)
                        .failureHandler(events))
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(events)
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .httpBasic(b -> b.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .cacheControl(Customizer.withDefaults());
    }
}
