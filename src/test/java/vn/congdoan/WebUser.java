package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for full-application tests: its own cookies, no redirects followed, CSRF aware. */
public final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String bearer;

    private WebUser(int port) {
        this(
                port,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    private WebUser(int port, HttpClient http) {
        this.base = "http://localhost:" + port;
        this.http = http;
    }

    /** The same browser (same cookies, so the same session) talking to another node of the application. */
    public WebUser onPort(int port) {
        WebUser u = new WebUser(port, http);
        u.bearer = bearer;
        return u;
    }

    public static WebUser anonymous(int port) {
        return new WebUser(port);
    }

    public static WebUser withToken(int port, String token) {
        WebUser u = new WebUser(port);
        u.bearer = token;
        return u;
    }

    /** Logs in through the form and asserts the redirect home. */
    public static WebUser login(int port, String username, String password) {
        WebUser u = new WebUser(port);
        HttpResponse<String> r = u.attemptLogin(username, password);
        assertThat(r.statusCode()).as("login of " + username).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse(""))
                .as("login of " + username)
                .doesNotContain("error");
        return u;
    }

    public HttpResponse<String> attemptLogin(String username, String password) {
        String token = csrfFrom(get("/login").body());
        return send("POST", "/login", form(Map.of("username", username, "password", password, "_csrf", token)));
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** A POST with the CSRF token a page of the app would carry. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (bearer == null) {
            all.put("_csrf", csrfFrom(get("/account").body()));
        }
        return send("POST", path, form(all));
    }

    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        return send("POST", path, form(fields));
    }

    /** A GET with one extra request header. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send("GET", path, null, Map.of(header, value));
    }

    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request to the API; a signed-in browser session sends the CSRF token as a header. */
    public HttpResponse<String> json(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        } else {
            b.header("X-CSRF-TOKEN", csrfFrom(get("/account").body()));
        }
        b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return sendRequest(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET whose body is binary (a downloaded file). */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return sendRequest(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart form POST with one file, carrying the CSRF token as a form field. */
    public HttpResponse<String> postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----congdoan" + System.nanoTime();
        String token = csrfFrom(get("/account").body());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + token + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return sendRequest(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> sendRequest(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
