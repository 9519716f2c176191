package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congdoan.platform.ClusterJobs;

/**
 * Two application nodes on two ports against one PostgreSQL database, as behind a load balancer without sticky
 * sessions (docs/operations.md, "Deployment: several nodes"): a session made on node 1 serves node 2 and logging out
 * on node 2 ends it on node 1; the monthly dues job, fired by both nodes every two seconds here, runs each slot on
 * one node only; the event of an import committed on node 1 is processed once, and nothing is left for node 2 to
 * process again; the import's progress and result show on node 2. The demo world is loaded once, by node 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CSV_HEADER =
            "Họ và tên;Giới tính;Ngày sinh;Số CCCD;Điện thoại;Ngày vào công đoàn;Công việc;Loại hợp đồng\r\n";

    private ConfigurableApplicationContext node1;
    private ConfigurableApplicationContext node2;
    private int port1;
    private int port2;
    private JdbcClient db;
    private long started;

    @BeforeAll
    void startTwoNodes() throws Exception {
        started = System.nanoTime();
        String url = TestDatabase.newDatabase();
        // Started together, as after a deployment: both migrate (Flyway takes turns), one loads the demo world.
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> first = starter.submit(() -> start("node-1", url));
            Future<ConfigurableApplicationContext> second = starter.submit(() -> start("node-2", url));
            node1 = first.get();
            node2 = second.get();
        } finally {
            starter.shutdown();
        }
        System.out.printf("TwoNodesIT: both nodes up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        port1 = port(node1);
        port2 = port(node2);
        db = JdbcClient.create(node1.getBean(DataSource.class));
    }

    @AfterAll
    void stopNodes() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        System.out.printf("TwoNodesIT: %d ms in all%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(1)
    void theDemoWorldIsLoadedOnceThoughBothNodesStartedOnAnEmptyDatabase() {
        assertThat(db.sql("select count(*) from identity.app_user where username = 'cs1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.sql("select count(*) from organisation.org_unit where code = 'LCU'")
                        .query(Long.class)
                        .single())
                .as("one province, not two")
                .isEqualTo(1);
        assertThat(port1).isNotEqualTo(port2);
    }

    @Test
    @Order(2)
    void aSessionMadeOnNodeOneServesNodeTwoAndEndsEverywhereOnLogout() {
        WebUser onNode1 = WebUser.login(port1, "cs1", FullApplicationTest.PASSWORD);
        WebUser onNode2 = onNode1.onPort(port2);
        assertThat(WebUser.anonymous(port2).get("/account").statusCode())
                .as("node 2 without a session sends to the login page")
                .isEqualTo(302);
        HttpResponse<String> page = onNode2.get("/account");
        assertThat(page.statusCode()).as("node 2 with node 1's session cookie").isEqualTo(200);
        assertThat(page.body()).contains("cs1");

        HttpResponse<String> logout = onNode2.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = onNode1.get("/account");
        assertThat(after.statusCode())
                .as("logged out on node 2, so gone on node 1")
                .isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    @Order(3)
    void theMonthlyDuesJobRunsEachSlotOnOneNodeOnly() {
        // Both nodes fire the job every two seconds (cron */2). Wait until at least three slots have run and the
        // charges the runs report adding are exactly the charges in the database (none counted twice).
        List<Map<String, Object>> runs = waitFor("three runs of the dues job", () -> {
            List<Map<String, Object>> r = db.sql("""
                            select slot, node, outcome, cast(substring(summary from 'charges=([0-9]+)') as int) as added
                              from platform.job_run where job = 'dues-charges' and outcome <> 'RUNNING' order by slot
                            """).query().listOfRows();
            long added = r.stream()
                    .mapToLong(x -> x.get("added") == null ? 0 : (Integer) x.get("added"))
                    .sum();
            return r.size() >= 3 && added > 0 && added == novemberCharges() ? Optional.of(r) : Optional.empty();
        });
        assertThat(runs).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("SUCCEEDED"));
        assertThat(runs).allSatisfy(r -> assertThat((String) r.get("node")).isIn("node-1", "node-2"));
        // The last run found November 2026 (the test clock's month) complete and added nothing.
        assertThat((Integer) runs.get(runs.size() - 1).get("added")).isZero();
        // Every run left one audit entry: as many entries as runs, so no slot ran twice.
        long slots = db.sql(
                        "select count(*) from platform.job_run where job = 'dues-charges' and outcome = 'SUCCEEDED'")
                .query(Long.class)
                .single();
        long audited = db.sql("select count(*) from audit.audit_entry where action = 'FINANCE_DUES_CHARGES_DRAWN_UP'")
                .query(Long.class)
                .single();
        assertThat(audited).isBetween(slots, slots + 2);
        System.out.printf(
                "TwoNodesIT: %d dues-charges slots, run by node-1: %d, node-2: %d%n",
                runs.size(),
                runs.stream().filter(r -> "node-1".equals(r.get("node"))).count(),
                runs.stream().filter(r -> "node-2".equals(r.get("node"))).count());
    }

    @Test
    @Order(4)
    void twoNodesRacingForTheSameSlotRunItOnce() throws Exception {
        ClusterJobs jobs1 = node1.getBean(ClusterJobs.class);
        ClusterJobs jobs2 = node2.getBean(ClusterJobs.class);
        AtomicInteger ranOn1 = new AtomicInteger();
        AtomicInteger ranOn2 = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                Instant slot = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Boolean> a = () -> {
                    go.await();
                    return jobs1.runSlot("two-nodes-probe", slot, s -> "ran " + ranOn1.incrementAndGet())
                            .isPresent();
                };
                Callable<Boolean> b = () -> {
                    go.await();
                    return jobs2.runSlot("two-nodes-probe", slot, s -> "ran " + ranOn2.incrementAndGet())
                            .isPresent();
                };
                Future<Boolean> fa = pool.submit(a);
                Future<Boolean> fb = pool.submit(b);
                go.countDown();
                assertThat(fa.get() ^ fb.get())
                        .as("slot " + slot + " claimed by exactly one node")
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ranOn1.get() + ranOn2.get()).isEqualTo(20);
        assertThat(jobs1.recentRuns("two-nodes-probe", 50)).hasSize(20).allSatisfy(r -> assertThat(r.succeeded())
                .isTrue());
    }

    @Test
    @Order(5)
    void anImportOnNodeOneShowsOnNodeTwoAndItsEventIsProcessedOnce() throws IOException {
        long unit = db.sql("select home_unit_id from identity.app_user where username = 'cs1'")
                .query(Long.class)
                .single();
        // The accountant has drawn up October 2026 by hand; the monthly job only ever draws up the current month.
        WebUser accountant = WebUser.login(port1, "ketoan", FullApplicationTest.PASSWORD);
        HttpResponse<String> drawn =
                accountant.post("/finance/dues/charges", Map.of("unitId", String.valueOf(unit), "month", "2026-10"));
        assertThat(drawn.statusCode()).isEqualTo(302);
        assertThat(octoberCharges(unit)).isPositive();

        WebUser onNode1 = WebUser.login(port1, "cs1", FullApplicationTest.PASSWORD);
        WebUser onNode2 = onNode1.onPort(port2);
        String[] cccds = {cccd(1990, true, 1), cccd(1988, false, 2), cccd(1995, true, 3)};
        byte[] file = (CSV_HEADER
                        + "Lò Thị Hai Nút;Nữ;05/09/1990;" + cccds[0]
                        + ";;01/10/2026;Công nhân;Không xác định thời hạn\r\n"
                        + "Vàng A Hai Nút;Nam;12/12/1988;" + cccds[1]
                        + ";;01/10/2026;Công nhân;Không xác định thời hạn\r\n"
                        + "Tòng Thị Hai Nút;Nữ;01/01/1995;" + cccds[2] + ";;01/10/2026;Kế toán;Dưới 12 tháng\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload =
                onNode1.postFile("/api/v1/members/import?unitId=" + unit, "file", "hai-nut.csv", file);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long job = JSON.readTree(upload.body()).get("id").asLong();

        // Validation runs on node 1; node 2 reads its progress and result from the database.
        JsonNode ready = awaitJob(onNode2, job);
        assertThat(ready.get("status").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.get("rowsValid").asInt()).isEqualTo(3);
        HttpResponse<String> commit =
                onNode1.postFile("/api/v1/members/import/" + job + "/commit", "x", "x", new byte[0]);
        assertThat(commit.statusCode()).as(commit.body()).isEqualTo(202);
        JsonNode done = awaitJob(onNode2, job);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(3);
        HttpResponse<String> page = onNode2.get("/members/import/" + job);
        assertThat(page.statusCode()).isEqualTo(200);

        // MembersJoined, published on node 1 in the commit's transaction: finance adds the newcomers' October charges.
        waitFor("the newcomers' October charges", () -> {
            long n = db.sql("""
                            select count(*) from finance.dues_charge c join membership.member m on m.id = c.member_id
                             where m.cccd in (:a, :b, :c) and c.period = date '2026-10-01'
                            """)
                    .param("a", cccds[0])
                    .param("b", cccds[1])
                    .param("c", cccds[2])
                    .query(Long.class)
                    .single();
            return n == 3 ? Optional.of(n) : Optional.empty();
        });
        waitFor("the publication completed", () -> outstandingPublications() == 0 ? Optional.of(0) : Optional.empty());
        // What a restart of node 2 does with republish-outstanding-events-on-restart: nothing is left to claim.
        node2.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(p -> true);
        assertThat(outstandingPublications()).isZero();
        assertThat(db.sql("""
                        select count(*) from audit.audit_entry
                         where action = 'FINANCE_DUES_NEWCOMERS_CHARGED' and target_id = :unit
                        """)
                        .param("unit", String.valueOf(unit))
                        .query(Long.class)
                        .single())
                .as("the listener ran once")
                .isEqualTo(1);
        // The accountant sees the newcomers in October's list, on the other node.
        HttpResponse<String> october = accountant.onPort(port2).get("/finance/dues?unitId=" + unit + "&month=2026-10");
        assertThat(october.statusCode()).isEqualTo(200);
        assertThat(october.body()).contains("Vàng A Hai Nút");
    }

    private long novemberCharges() {
        return db.sql("select count(*) from finance.dues_charge where period = date '2026-11-01'")
                .query(Long.class)
                .single();
    }

    private long octoberCharges(long unit) {
        return db.sql("select count(*) from finance.dues_charge where org_unit_id = :u and period = date '2026-10-01'")
                .param("u", unit)
                .query(Long.class)
                .single();
    }

    private long outstandingPublications() {
        return db.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    /** Polls the job's API (on the given node) until it stops working; returns the job. */
    private JsonNode awaitJob(WebUser user, long id) {
        return waitFor("import job " + id, () -> {
            HttpResponse<String> r = user.get("/api/v1/members/import/" + id);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode j = JSON.readTree(r.body()).get("job");
            String status = j.get("status").asString();
            return status.equals("VALIDATING") || status.equals("COMMITTING") ? Optional.empty() : Optional.of(j);
        });
    }

    private static <T> T waitFor(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("gave up waiting for " + what);
    }

    /** A demo-style CCCD (prefix 099) agreeing with the birth year and sex; this test's serials start at 930000. */
    private static String cccd(int year, boolean female, int serial) {
        int digit = (year - 1900) / 100 * 2 + (female ? 1 : 0);
        return "099" + digit + String.format("%02d", year % 100) + String.format("%06d", 930_000 + serial);
    }

    private static ConfigurableApplicationContext start(String name, String url) {
        return new SpringApplicationBuilder(UnionApplication.class, FullApplicationTest.Clocks.class)
                .profiles("test")
                // The other test configurations (one fresh database per context) must not be scanned in.
                .initializers(c -> c.getBeanFactory().registerSingleton("twoNodesExclude", new TestComponents()))
                // Arguments, not default properties: they must win over application.properties (server.port).
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--congdoan.node-name=" + name,
                        "--congdoan.jobs.dues-charges.cron=*/2 * * * * *");
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Keeps {@code @TestConfiguration} classes out of the nodes' component scan, as {@code @SpringBootTest} does. */
    static final class TestComponents extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestComponents;
        }

        @Override
        public int hashCode() {
            return TestComponents.class.hashCode();
        }
    }
}
