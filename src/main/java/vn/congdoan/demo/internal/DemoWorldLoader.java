package vn.congdoan.demo.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.demo.DemoWorld;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.ProvisionUserCommand;
import vn.congdoan.identity.ProvisionUserCommand.RoleOnUnit;
import vn.congdoan.organisation.CreateOrgUnitCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.Actor;

/** Loads the demo world through the modules' facades, so it always obeys today's rules. */
@Service
class DemoWorldLoader implements DemoWorld {

    private final OrgTree tree;
    private final Accounts accounts;

    DemoWorldLoader(OrgTree tree, Accounts accounts) {
        this.tree = tree;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public boolean load(String password) {
        if (tree.countUnits() > 0) {
            return false;
        }
        List<LaiChauTree.Node> nodes = LaiChauTree.generate();
        List<Long> ids = new ArrayList<>(nodes.size());
        for (LaiChauTree.Node n : nodes) {
            Long parent = n.parent() < 0 ? null : ids.get(n.parent());
            ids.add(tree.create(
                    new CreateOrgUnitCommand(parent, n.typeCode(), n.code(), n.name(), null, n.validFrom())));
        }
        long root = id(nodes, ids, "TLD");
        long province = id(nodes, ids, "LCU");
        long commune = id(nodes, ids, "LCU-X01");
        // The first two grassroots unions under the first commune union: siblings for cs1 and cs2.
        List<Long> siblings = new ArrayList<>();
        for (int i = 0; i < nodes.size() && siblings.size() < 2; i++) {
            LaiChauTree.Node n = nodes.get(i);
            if (n.typeCode().equals("GRASSROOTS_UNION") && n.parent() >= 0 && ids.get(n.parent()) == commune) {
                siblings.add(ids.get(i));
            }
        }
        long cs1 = siblings.get(0);
        long cs2 = siblings.get(1);
        Actor system = Actor.system();
        user("admin", "Quản trị hệ thống", password, province, system, new RoleOnUnit("SYSTEM_ADMIN", root));
        user("tinh", "Lường Văn Tiến", password, province, system, new RoleOnUnit("FEDERATION_OFFICER", province));
        user("xa", "Tòng Thị Hạnh", password, commune, system, new RoleOnUnit("UNIT_OFFICER", commune));
        user("cs1", "Giàng A Chứ", password, cs1, system, new RoleOnUnit("UNIT_OFFICER", cs1));
        user("cs2", "Tẩn Văn Phin", password, cs2, system, new RoleOnUnit("UNIT_OFFICER", cs2));
        user("ketoan", "Lò Thị Mai", password, cs1, system, new RoleOnUnit("UNIT_ACCOUNTANT", cs1));
        user("kiemtra", "Nguyễn Đức Minh", password, province, system, new RoleOnUnit("INSPECTOR", province));
        user("doanvien", "Vàng Thị Dợ", password, cs1, system, new RoleOnUnit("MEMBER", cs1));
        return true;
    }

    private void user(String username, String name, String password, long home, Actor actor, RoleOnUnit grant) {
        accounts.provision(
                new ProvisionUserCommand(username, name, password.toCharArray(), home, List.of(grant)), actor);
    }

    private static long id(List<LaiChauTree.Node> nodes, List<Long> ids, String code) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).code().equals(code)) {
                return ids.get(i);
            }
        }
        throw new IllegalStateException("demo tree has no unit " + code);
    }
}
