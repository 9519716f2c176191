package vn.congdoan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;
import vn.congdoan.identity.Accounts;
import vn.congdoan.reporting.Targets.Tally;
import vn.congdoan.reporting.Targets.TargetInput;
import vn.congdoan.reporting.Targets.TargetLine;
import vn.congdoan.reporting.Targets.TargetSheet;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.NotFoundException;

/** Issue 6, targets: the demo's "met 10 of 11", assigning over the parent, actuals, locking and refusals. */
@FullApplicationTest
class TargetIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Targets targets;

    @Autowired
    Indicators indicators;

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private AccessScope scope(String username) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single());
    }

    @Test
    void theProvinceMetTenOfItsElevenTargetsIn2025AndSeesItsChildren() {
        TargetSheet sheet = targets.sheet(unit("LCU"), 2025, scope("tinh"));
        assertThat(sheet.own().tally()).isEqualTo(new Tally(10, 11));
        assertThat(sheet.own().lines())
                .filteredOn(l -> !l.met())
                .extracting(TargetLine::indicatorCode)
                .containsExactly("GRASSROOTS_NEW");
        assertThat(sheet.children()).isNotEmpty();
        assertThat(sheet.score().children().total())
                .isGreaterThan(sheet.score().children().met());
        assertThat(sheet.rollUp()).extracting(TargetLine::indicatorCode).contains("MEMBERS_NEW", "AGREEMENTS_SIGNED");
        // Rolled up: the children's targets and actuals summed.
        TargetLine rolled = sheet.rollUp().stream()
                .filter(l -> l.indicatorCode().equals("MEMBERS_NEW"))
                .findFirst()
                .orElseThrow();
        long sumTargets = sheet.children().stream()
                .flatMap(c -> c.lines().stream())
                .filter(l -> l.indicatorCode().equals("MEMBERS_NEW"))
                .mapToLong(TargetLine::target)
                .sum();
        assertThat(rolled.target()).isEqualTo(sumTargets);
        assertThat(targets.score(unit("LCU"), 2025, scope("tinh"))).isEqualTo(sheet.score());
        // The inspector reads; a grassroots officer elsewhere does not see the province.
        assertThat(targets.score(unit("LCU"), 2025, scope("kiemtra")).own()).isEqualTo(new Tally(10, 11));
        assertThatThrownBy(() -> targets.score(unit("LCU"), 2025, scope("cs2"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCommuneUnionAssignsToItsGrassrootsUnionsNotToItself() {
        AccessScope xa = scope("xa");
        long commune = unit("LCU-X01");
        long cs2Unit = jdbc.sql("select home_unit_id from identity.app_user where username = 'cs2'")
                .query(Long.class)
                .single();
        TargetSheet mine = targets.sheet(commune, 2025, xa);
        assertThat(mine.own().lines()).isNotEmpty(); // from the province
        assertThat(mine.canAssign()).isTrue();
        var child = mine.children().stream()
                .filter(c -> c.unitId() == cs2Unit)
                .findFirst()
                .orElseThrow();
        int version = child.version();

        // Refusals: negative value, unknown indicator, stale version; nothing written.
        assertThatThrownBy(() -> targets.assign(
                        cs2Unit, 2025, version, List.of(new TargetInput("MEMBERS_NEW", -3L)), xa, xa.actor(null)))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("targets[MEMBERS_NEW]");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("target.value.range");
                });
        assertThatThrownBy(() -> targets.assign(
                        cs2Unit, 2025, version + 5, List.of(new TargetInput("MEMBERS_NEW", 9L)), xa, xa.actor(null)))
                .isInstanceOf(StaleReportException.class);
        assertThat(targets.sheet(cs2Unit, 2025, xa).own().version()).isEqualTo(version);

        TargetSheet after = targets.assign(
                cs2Unit,
                2025,
                version,
                List.of(new TargetInput("MEMBERS_NEW", 0L), new TargetInput("DIALOGUES", 4L)),
                xa,
                xa.actor(null));
        assertThat(after.own().version()).isEqualTo(version + 1);
        TargetLine dialogues = after.own().lines().stream()
                .filter(l -> l.indicatorCode().equals("DIALOGUES"))
                .findFirst()
                .orElseThrow();
        assertThat(dialogues.met()).isFalse(); // no actual yet
        assertThat(after.own().lines().stream()
                        .filter(l -> l.indicatorCode().equals("MEMBERS_NEW"))
                        .findFirst()
                        .orElseThrow()
                        .met())
                .isTrue(); // a target of 0 is reached

        // The manual actual, with who recorded it.
        TargetSheet recorded = targets.recordActual(cs2Unit, 2025, "DIALOGUES", 0, 5, xa, xa.actor(null));
        TargetLine d = recorded.own().lines().stream()
                .filter(l -> l.indicatorCode().equals("DIALOGUES"))
                .findFirst()
                .orElseThrow();
        assertThat(d.actual()).isEqualTo(5L);
        assertThat(d.met()).isTrue();
        assertThat(d.percent()).isEqualTo(125);
        assertThat(d.actualRecordedBy()).isEqualTo("xa");
        assertThat(d.actualRecordedAt()).isNotNull();
        assertThatThrownBy(() -> targets.recordActual(cs2Unit, 2025, "MEMBERS_NEW", 0, 5, xa, xa.actor(null)))
                .isInstanceOfSatisfying(
                        ReportRejectedException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("target.indicator.computed"));

        // Nobody sets their own unit's targets: the commune union's come from the province.
        assertThatThrownBy(() -> targets.assign(
                        commune, 2025, 1, List.of(new TargetInput("MEMBERS_NEW", 1L)), xa, xa.actor(null)))
                .isInstanceOf(NotFoundException.class);
        AccessScope cs2 = scope("cs2");
        assertThatThrownBy(() -> targets.assign(
                        cs2Unit, 2025, 0, List.of(new TargetInput("MEMBERS_NEW", 1L)), cs2, cs2.actor(null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theApiNamesTheRefusedFieldInVietnamese() {
        long child = jdbc.sql("""
                        select id from organisation.org_unit where parent_id = :p and valid_to is null
                         order by code desc limit 1
                        """).param("p", unit("LCU-X01")).query(Long.class).single();
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        var r = xa.json(
                "PUT",
                "/api/v1/targets/" + child,
                "{\"year\":2025,\"version\":0,\"targets\":[{\"indicatorCode\":\"PARTY_REFERRALS\",\"value\":-1}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("targets[PARTY_REFERRALS]", "Đoàn viên ưu tú giới thiệu cho Đảng");
        var ok = xa.get("/api/v1/targets?unitId=" + unit("LCU-X01") + "&year=2025");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"own\"", "\"rollUp\"");
        var page = xa.get("/targets?year=2025");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chỉ tiêu năm 2025", "Đạt ");
    }
}
