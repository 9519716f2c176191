package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.demo.DemoWorld;
import vn.congdoan.demo.internal.LaiChauMembers.Named;
import vn.congdoan.demo.internal.LaiChauMembers.Person;
import vn.congdoan.demo.internal.LaiChauTree.District;
import vn.congdoan.demo.internal.LaiChauTree.Kind;
import vn.congdoan.demo.internal.LaiChauTree.Node;
import vn.congdoan.directives.DemoDocuments;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.ProvisionUserCommand;
import vn.congdoan.identity.ProvisionUserCommand.RoleOnUnit;
import vn.congdoan.membership.MemberRegister;
import vn.congdoan.organisation.CreateOrgUnitCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructuring.Decision;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.reporting.ReportingDemo;
import vn.congdoan.shared.Actor;

/**
 * Loads the demo world through the modules' facades, so it always obeys today's rules: the 2024 tree and its
 * members, then the 2025 reform applied as dated restructurings with their (synthetic) decisions, then the members'
 * later history (retirements, transfers, Party referrals), then today's accounts and enterprises.
 */
@Service
class DemoWorldLoader implements DemoWorld {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoWorldLoader.class);

    /** The demo member account's holder, a member of cs1's unit. */
    private static final String DOANVIEN = "Vàng Thị Dợ";

    private static final String STANDING_COMMITTEE = "Ban Thường vụ LĐLĐ tỉnh Lai Châu";
    static final Decision CLOSE_STATE_FUNDED =
            new Decision("86/QĐ-LĐLĐ", LocalDate.of(2025, 5, 29), STANDING_COMMITTEE);
    static final Decision FOUND_COMMUNE_UNIONS =
            new Decision("102/QĐ-LĐLĐ", LocalDate.of(2025, 6, 27), STANDING_COMMITTEE);
    static final Decision TRANSFER_GRASSROOTS =
            new Decision("103/QĐ-LĐLĐ", LocalDate.of(2025, 6, 27), STANDING_COMMITTEE);
    static final Decision END_DISTRICT_LEVEL =
            new Decision("104/QĐ-LĐLĐ", LocalDate.of(2025, 6, 27), STANDING_COMMITTEE);

    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final Restructurings restructurings;
    private final Accounts accounts;
    private final MemberRegister members;
    private final LaiChauEnterprises enterprises;
    private final DemoDocuments demoDocuments;
    private final vn.congdoan.directives.TaskDemo taskDemo;
    private final ReportingDemo reporting;
    private final vn.congdoan.finance.DuesDemo duesDemo;
    private final vn.congdoan.finance.FundDemo fundDemo;
    private final vn.congdoan.finance.BudgetDemo budgetDemo;
    /**
     * Twelve months of dues for every union of the province (the demo a user starts), or only for the first commune
     * union's grassroots unions (tests: every test context loads the demo world, and the whole province's ~200,000
     * charges would add seconds to each).
     */
    private final boolean duesWholeProvince;

    DemoWorldLoader(
            OrgTree tree,
            JdbcClient jdbc,
            Restructurings restructurings,
            Accounts accounts,
            MemberRegister members,
            LaiChauEnterprises enterprises,
            DemoDocuments demoDocuments,
            vn.congdoan.directives.TaskDemo taskDemo,
            ReportingDemo reporting,
            vn.congdoan.finance.DuesDemo duesDemo,
            vn.congdoan.finance.FundDemo fundDemo,
            vn.congdoan.finance.BudgetDemo budgetDemo,
            @org.springframework.beans.factory.annotation.Value("${congdoan.demo.dues-whole-province:true}")
                    boolean duesWholeProvince) {
        this.duesWholeProvince = duesWholeProvince;
        this.tree = tree;
        this.jdbc = jdbc;
        this.restructurings = restructurings;
        this.accounts = accounts;
        this.members = members;
        this.enterprises = enterprises;
        this.demoDocuments = demoDocuments;
        this.taskDemo = taskDemo;
        this.reporting = reporting;
        this.duesDemo = duesDemo;
        this.fundDemo = fundDemo;
        this.budgetDemo = budgetDemo;
    }

    @Override
    @Transactional
    public boolean load(String password) {
        // Nodes started together on a fresh database take turns: the first loads, the others then find the world.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('congdoan.demo-world'))")
                .query((rs, i) -> 1)
                .list();
        if (tree.countUnits() > 0) {
            return false;
        }
        Actor system = Actor.system();
        // 1. The tree of 31/12/2024 and its members.
        long t0 = System.nanoTime();
        List<Node> nodes = LaiChauTree.generate();
        List<Long> ids = new ArrayList<>(nodes.size());
        Map<String, Long> byCode = new HashMap<>();
        for (Node n : nodes) {
            Long parent = n.parent() < 0 ? null : ids.get(n.parent());
            long id = tree.create(
                    new CreateOrgUnitCommand(parent, n.typeCode(), n.code(), n.name(), null, n.validFrom()));
            ids.add(id);
            byCode.put(n.code(), id);
        }
        log.info("Demo world: {} units of 2024 created in {} ms", nodes.size(), (System.nanoTime() - t0) / 1_000_000);
        // The units today's accounts work in, and the units a later restructuring renames or merges.
        List<Integer> openEnterprisesX01 = openEnterprises(nodes, "LCU-H01");
        List<Integer> openEnterprisesX02 = openEnterprises(nodes, "LCU-H02");
        int cs1Node = openEnterprisesX01.get(0);
        int cs2Node = openEnterprisesX01.get(1);
        int renamed = openEnterprisesX01.get(4);
        int absorbed = openEnterprisesX02.get(0);
        int survivor = openEnterprisesX02.get(1);
        List<Person> people = LaiChauMembers.generate(nodes, ids, namedPeople(cs1Node, cs2Node));
        List<Long> memberIds =
                members.admitDemo(people.stream().map(Person::member).toList());
        log.info("Demo world: {} members admitted at {} ms", memberIds.size(), (System.nanoTime() - t0) / 1_000_000);
        long root = byCode.get("TLD");
        long province = byCode.get("LCU");
        // A district officer whose grant the reform will put in review.
        user(
                "huyen",
                "Sùng A Dính",
                password,
                byCode.get("LCU-H01"),
                system,
                new RoleOnUnit("UNIT_OFFICER", byCode.get("LCU-H01")));

        // 2. 01/06/2025: unions of fully state-funded bodies close; their members wait "without unit".
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.kind().stateFunded) {
                restructurings.applyTrusted(
                        new Restructuring.Close(ids.get(i), LaiChauTree.BOOKS_CLOSED, CLOSE_STATE_FUNDED), system);
            }
        }
        log.info("Demo world: state-funded unions closed at {} ms", (System.nanoTime() - t0) / 1_000_000);
        // 3. 01/07/2025: commune/ward unions founded; grassroots units move; district and sector unions end.
        for (LaiChauTree.CommuneUnion c : LaiChauTree.COMMUNE_UNIONS) {
            long id = restructurings
                    .applyTrusted(
                            new Restructuring.Create(
                                    new Restructuring.NewUnit(province, "COMMUNE_UNION", c.code(), c.name(), null),
                                    LaiChauTree.REFORM,
                                    FOUND_COMMUNE_UNIONS),
                            system)
                    .createdUnitIds()
                    .get(0);
            byCode.put(c.code(), id);
        }
        Map<String, String> unionOfDistrict = new HashMap<>();
        for (District d : LaiChauTree.DISTRICTS) {
            unionOfDistrict.put(d.code(), d.union().isEmpty() ? "LCU" : d.union());
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!n.typeCode().equals("GRASSROOTS_UNION") || n.kind().stateFunded) {
                continue;
            }
            String parentCode = nodes.get(n.parent()).code();
            String to = unionOfDistrict.getOrDefault(parentCode, "LCU");
            restructurings.applyTrusted(
                    new Restructuring.Move(ids.get(i), byCode.get(to), LaiChauTree.REFORM, TRANSFER_GRASSROOTS),
                    system);
        }
        for (Node n : nodes) {
            if (n.typeCode().equals("DISTRICT_FEDERATION")
                    || n.typeCode().equals("SECTOR_UNION")
                    || n.typeCode().equals("PUBLIC_SERVANTS_UNION")) {
                restructurings.applyTrusted(
                        new Restructuring.Dissolve(
                                byCode.get(n.code()), province, false, LaiChauTree.REFORM, END_DISTRICT_LEVEL),
                        system);
            }
        }
        log.info("Demo world: 2025 reform applied at {} ms", (System.nanoTime() - t0) / 1_000_000);
        // 4. Later ordinary life: a company renamed, two companies merged; members retire, leave, move, join the Party.
        restructurings.applyTrusted(
                new Restructuring.Rename(
                        ids.get(renamed),
                        nodes.get(renamed).name() + " Tây Bắc",
                        null,
                        LocalDate.of(2025, 10, 1),
                        new Decision(
                                "27/QĐ-CĐP", LocalDate.of(2025, 9, 25), "Ban Thường vụ Công đoàn phường Tân Phong")),
                system);
        restructurings.applyTrusted(
                new Restructuring.Merge(
                        List.of(ids.get(absorbed)),
                        ids.get(survivor),
                        null,
                        LocalDate.of(2026, 3, 1),
                        new Decision("12/QĐ-CĐX", LocalDate.of(2026, 2, 20), "Ban Thường vụ Công đoàn xã Bình Lư")),
                system);
        MemberLife.Plan life =
                MemberLife.plan(nodes, ids, people, memberIds, Set.of(absorbed, survivor), cs1Node, cs2Node);
        members.recordDemoHistory(life.transfers(), life.leavers(), life.referrals());
        log.info(
                "Demo world: {} transfers, {} leavers, {} Party referrals at {} ms",
                life.transfers().size(),
                life.leavers().size(),
                life.referrals().size(),
                (System.nanoTime() - t0) / 1_000_000);

        // 5. Today's accounts: cs1 and cs2 officers of two sibling grassroots unions under the first commune union.
        long commune = byCode.get("LCU-X01");
        long cs1 = ids.get(cs1Node);
        long cs2 = ids.get(cs2Node);
        user("admin", "Quản trị hệ thống", password, province, system, new RoleOnUnit("SYSTEM_ADMIN", root));
        user("tinh", "Lường Văn Tiến", password, province, system, new RoleOnUnit("FEDERATION_OFFICER", province));
        user("xa", "Tòng Thị Hạnh", password, commune, system, new RoleOnUnit("UNIT_OFFICER", commune));
        user("cs1", "Giàng A Chứ", password, cs1, system, new RoleOnUnit("UNIT_OFFICER", cs1));
        user("cs2", "Tẩn Văn Phin", password, cs2, system, new RoleOnUnit("UNIT_OFFICER", cs2));
        user("ketoan", "Lò Thị Mai", password, cs1, system, new RoleOnUnit("UNIT_ACCOUNTANT", cs1));
        user("kiemtra", "Nguyễn Đức Minh", password, province, system, new RoleOnUnit("INSPECTOR", province));
        long doanvien = user("doanvien", DOANVIEN, password, cs1, system, new RoleOnUnit("MEMBER", cs1));
        members.linkDemoAccount(memberIds.get(indexOf(people, cs1Node, DOANVIEN)), doanvien);

        // 6. Enterprises: the employers of today's grassroots unions, and many without a union yet.
        List<CoveredEnterprise> covered = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            boolean employer = n.typeCode().equals("GRASSROOTS_UNION")
                    && !n.kind().stateFunded
                    && n.kind() != Kind.INFORMAL
                    && i != absorbed;
            if (employer) {
                String name = i == renamed ? n.employer() + " Tây Bắc" : n.employer();
                int unionMembers =
                        n.members() + (i == survivor ? nodes.get(absorbed).members() : 0);
                covered.add(
                        new CoveredEnterprise(ids.get(i), name, n.ownership(), n.sector(), n.commune(), unionMembers));
            }
        }
        Map<String, Long> managing = new LinkedHashMap<>();
        for (District d : LaiChauTree.DISTRICTS) {
            for (String c : d.communes()) {
                managing.put(c, byCode.get(LaiChauTree.unionOfCommune(c)));
            }
        }
        members.linkDemoEnterprises(enterprises.load(covered, managing, province));
        // 7. Documents: 108/TB-LĐLĐ and a few around it (directives module).
        demoDocuments.seedDemoDocuments();
        // 8. The tasks of 108/TB-LĐLĐ, after the document is registered.
        taskDemo.load(List.of(cs1, cs2));
        // 9. Reporting: 2025 targets and the 2025 six-month report.
        reporting.seed(system);
        // 10. Finance: twelve months of member dues (2025) for the province (tests: the first commune union), cs2's
        // union at its own higher rate.
        duesDemo.seed(duesWholeProvince ? province : commune, cs2);
        // 11. Finance: the enterprises' union fund (KPCĐ) of 2025 and the collection bank accounts.
        fundDemo.load(List.of(cs1, cs2));
        // 11. Finance: 2025 budgets and settlements, their disclosures (one overdue), a charity drive.
        budgetDemo.seed(cs1, cs2);
        log.info("Demo world loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /** Grassroots units of enterprises under a former district that are still open today, in creation order. */
    private static List<Integer> openEnterprises(List<Node> nodes, String districtCode) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.kind() == Kind.ENTERPRISE && nodes.get(n.parent()).code().equals(districtCode)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The people behind the accounts of cs1's and cs2's units, and a name the acceptance tests search for. */
    private static Map<Integer, List<Named>> namedPeople(int cs1Node, int cs2Node) {
        return Map.of(
                cs1Node,
                List.of(
                        new Named("Giàng A Chứ", "M", "08", LaiChauMembers.CHAIR),
                        new Named("Lò Thị Mai", "F", "03", LaiChauMembers.COMMITTEE),
                        new Named(DOANVIEN, "F", "08", null),
                        new Named("Nguyễn Thị Ánh", "F", "01", null)),
                cs2Node,
                List.of(new Named("Tẩn Văn Phin", "M", "09", LaiChauMembers.CHAIR)));
    }

    private static int indexOf(List<Person> people, int node, String name) {
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            if (p.node() == node && p.named() && p.member().fullName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name + " is not a member of node " + node);
    }

    private long user(String username, String name, String password, long home, Actor actor, RoleOnUnit grant) {
        return accounts.provision(
                new ProvisionUserCommand(username, name, password.toCharArray(), home, List.of(grant)), actor);
    }
}
