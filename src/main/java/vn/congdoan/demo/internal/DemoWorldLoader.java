package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.demo.DemoWorld;
import vn.congdoan.demo.internal.LaiChauTree.District;
import vn.congdoan.demo.internal.LaiChauTree.Kind;
import vn.congdoan.demo.internal.LaiChauTree.Node;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.ProvisionUserCommand;
import vn.congdoan.identity.ProvisionUserCommand.RoleOnUnit;
import vn.congdoan.membership.MemberRegister;
import vn.congdoan.membership.NewMember;
import vn.congdoan.organisation.CreateOrgUnitCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructuring.Decision;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.shared.Actor;

/**
 * Loads the demo world through the modules' facades, so it always obeys today's rules: the 2024 tree and its
 * members, then the 2025 reform applied as dated restructurings with their (synthetic) decisions, then today's
 * accounts and enterprises.
 */
@Service
class DemoWorldLoader implements DemoWorld {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoWorldLoader.class);

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
    private final Restructurings restructurings;
    private final Accounts accounts;
    private final MemberRegister members;
    private final LaiChauEnterprises enterprises;

    DemoWorldLoader(
            OrgTree tree,
            Restructurings restructurings,
            Accounts accounts,
            MemberRegister members,
            LaiChauEnterprises enterprises) {
        this.tree = tree;
        this.restructurings = restructurings;
        this.accounts = accounts;
        this.members = members;
        this.enterprises = enterprises;
    }

    @Override
    @Transactional
    public boolean load(String password) {
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
        admitMembers(nodes, ids);
        log.info("Demo world: members admitted at {} ms", (System.nanoTime() - t0) / 1_000_000);
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
        // 4. Later ordinary life: a company renamed, two companies merged.
        List<Integer> openEnterprisesX01 = openEnterprises(nodes, "LCU-H01");
        List<Integer> openEnterprisesX02 = openEnterprises(nodes, "LCU-H02");
        int renamed = openEnterprisesX01.get(4);
        restructurings.applyTrusted(
                new Restructuring.Rename(
                        ids.get(renamed),
                        nodes.get(renamed).name() + " Tây Bắc",
                        null,
                        LocalDate.of(2025, 10, 1),
                        new Decision(
                                "27/QĐ-CĐP", LocalDate.of(2025, 9, 25), "Ban Thường vụ Công đoàn phường Tân Phong")),
                system);
        int absorbed = openEnterprisesX02.get(0);
        int survivor = openEnterprisesX02.get(1);
        restructurings.applyTrusted(
                new Restructuring.Merge(
                        List.of(ids.get(absorbed)),
                        ids.get(survivor),
                        null,
                        LocalDate.of(2026, 3, 1),
                        new Decision("12/QĐ-CĐX", LocalDate.of(2026, 2, 20), "Ban Thường vụ Công đoàn xã Bình Lư")),
                system);

        // 5. Today's accounts: cs1 and cs2 officers of two sibling grassroots unions under the first commune union.
        long commune = byCode.get("LCU-X01");
        long cs1 = ids.get(openEnterprisesX01.get(0));
        long cs2 = ids.get(openEnterprisesX01.get(1));
        user("admin", "Quản trị hệ thống", password, province, system, new RoleOnUnit("SYSTEM_ADMIN", root));
        user("tinh", "Lường Văn Tiến", password, province, system, new RoleOnUnit("FEDERATION_OFFICER", province));
        user("xa", "Tòng Thị Hạnh", password, commune, system, new RoleOnUnit("UNIT_OFFICER", commune));
        user("cs1", "Giàng A Chứ", password, cs1, system, new RoleOnUnit("UNIT_OFFICER", cs1));
        user("cs2", "Tẩn Văn Phin", password, cs2, system, new RoleOnUnit("UNIT_OFFICER", cs2));
        user("ketoan", "Lò Thị Mai", password, cs1, system, new RoleOnUnit("UNIT_ACCOUNTANT", cs1));
        user("kiemtra", "Nguyễn Đức Minh", password, province, system, new RoleOnUnit("INSPECTOR", province));
        user("doanvien", "Vàng Thị Dợ", password, cs1, system, new RoleOnUnit("MEMBER", cs1));

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
                covered.add(new CoveredEnterprise(ids.get(i), name, n.ownership(), n.sector(), n.commune()));
            }
        }
        Map<String, Long> managing = new LinkedHashMap<>();
        for (District d : LaiChauTree.DISTRICTS) {
            for (String c : d.communes()) {
                managing.put(c, byCode.get(LaiChauTree.unionOfCommune(c)));
            }
        }
        enterprises.load(covered, managing, province);
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

    private void admitMembers(List<Node> nodes, List<Long> ids) {
        Random random = new Random(23218L);
        DemoNames names = new DemoNames();
        List<NewMember> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            for (int k = 0; k < n.members(); k++) {
                String sex = random.nextInt(100) < (n.kind() == Kind.SCHOOL || n.kind() == Kind.HEALTH ? 68 : 41)
                        ? "F"
                        : "M";
                LocalDate birth =
                        LocalDate.of(1966 + random.nextInt(37), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate earliest = birth.plusYears(18).isAfter(n.validFrom()) ? birth.plusYears(18) : n.validFrom();
                long span = Math.max(1, LaiChauTree.END_2024.toEpochDay() - earliest.toEpochDay());
                LocalDate joined = earliest.plusDays(random.nextLong(span));
                if (joined.isAfter(LaiChauTree.END_2024)) {
                    joined = LaiChauTree.END_2024;
                }
                all.add(new NewMember(names.name(random, sex), sex, birth, joined, ids.get(i)));
            }
        }
        members.admitDemo(all);
    }

    private void user(String username, String name, String password, long home, Actor actor, RoleOnUnit grant) {
        accounts.provision(
                new ProvisionUserCommand(username, name, password.toCharArray(), home, List.of(grant)), actor);
    }
}
