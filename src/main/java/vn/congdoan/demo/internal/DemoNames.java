package vn.congdoan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.congdoan.demo.internal.LaiChauTree.Kind;
import vn.congdoan.shared.Text;

/**
 * Synthetic Vietnamese names from the per-group pools in {@code demo/name-pools.txt}: an ethnic group drawn from the
 * weights there (more weight in the group's home districts, and for Kinh in the city and in large companies), then the
 * group's own pattern — Mông men usually "Giàng A …", Thái "Lò Văn …", Dao "Tẩn Văn …", La Hủ and many Hà Nhì three
 * syllables without Văn / Thị. Never a real person's full name by construction, and never a name on the deny-list.
 */
final class DemoNames {

    /** How much more a group weighs in its home districts, and how much less elsewhere (assumed). */
    private static final double AT_HOME = 2.2;

    private static final double AWAY = 0.35;

    /** One ethnic group's pools; lists may repeat an entry to weigh it. */
    record Group(
            String code,
            String label,
            double weight,
            Set<String> home,
            List<String> families,
            Map<String, List<String>> middles,
            Map<String, List<String>> given,
            List<String> syllables) {}

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Set<String> denied = new HashSet<>();

    DemoNames() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        boolean denyList = false;
        for (String line : read().split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                String section = l.substring(1, l.length() - 1);
                denyList = section.equals("deny");
                current = new HashMap<>();
                if (!denyList) {
                    sections.put(section, current);
                }
            } else if (current == null) {
                throw new IllegalStateException("demo/name-pools.txt: text before the first section: " + l);
            } else if (denyList) {
                denied.add(Text.searchKey(l));
            } else {
                int eq = l.indexOf('=');
                current.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        }
        sections.forEach((label, keys) -> groups.put(label, group(label, keys)));
    }

    private Group group(String label, Map<String, String> keys) {
        Map<String, List<String>> middles = new HashMap<>();
        Map<String, List<String>> given = new HashMap<>();
        for (String sex : new String[] {"M", "F"}) {
            middles.put(sex, list(keys.getOrDefault("middle." + sex, "-")));
            String g = keys.getOrDefault("given." + sex, "");
            given.put(
                    sex, g.startsWith("@") ? groups.get(g.substring(1)).given().get(sex) : list(g));
        }
        return new Group(
                keys.get("code"),
                label,
                Double.parseDouble(keys.get("weight")),
                Set.copyOf(list(keys.getOrDefault("home", ""))),
                list(keys.get("family")),
                middles,
                given,
                list(keys.getOrDefault("syllables", "")));
    }

    /** An ethnic group for a member of a unit of this kind in this former district. */
    Group pick(Random random, String district, Kind kind) {
        double[] weights = new double[groups.size()];
        double total = 0;
        int i = 0;
        for (Group g : groups.values()) {
            double w = g.weight();
            if (!g.home().isEmpty()) {
                w *= g.home().contains(district) ? AT_HOME : AWAY;
            }
            if (g.code().equals("01")) {
                w *= kinhFactor(district, kind);
            }
            weights[i++] = w;
            total += w;
        }
        double pick = random.nextDouble() * total;
        i = 0;
        for (Group g : groups.values()) {
            pick -= weights[i++];
            if (pick < 0) {
                return g;
            }
        }
        return groups.values().iterator().next();
    }

    /**
     * Kinh members are many in the provincial city, among teachers, health and office staff and in large companies
     * (many came from the lowlands), few in cooperatives and village trades (assumed, DOMAIN.md §2.4).
     */
    private static double kinhFactor(String district, Kind kind) {
        double byKind =
                switch (kind) {
                    case FDI, STATE_COMPANY -> 1.9;
                    case HEALTH, AGENCY -> 1.4;
                    case SCHOOL, PUBLIC_SELF_FUNDED, ENTERPRISE -> 1.1;
                    case INFORMAL -> 0.8;
                    case COOPERATIVE -> 0.4;
                    case NONE -> 1.0;
                };
        return district.equals("LCU-H01") ? byKind * 2.2 : byKind;
    }

    /** A full name in the group's pattern for the sex ("M" or "F"); never one on the deny-list. */
    String name(Random random, Group group, String sex) {
        while (true) {
            String name = compose(random, group, sex);
            if (!denied.contains(Text.searchKey(name))) {
                return name;
            }
        }
    }

    private static String compose(Random random, Group group, String sex) {
        StringBuilder name = new StringBuilder(pickOne(random, group.families()));
        String middle = pickOne(random, group.middles().get(sex));
        if (!middle.equals("-")) {
            name.append(' ').append(middle);
        }
        List<String> given = group.given().get(sex);
        if (middle.equals("-") && !group.syllables().isEmpty()) {
            // Family name and two syllables, no Văn / Thị: "Lý Xà Pá".
            String first = pickOne(random, group.syllables());
            String second = pickOne(random, group.syllables());
            while (second.equals(first)) {
                second = pickOne(random, group.syllables());
            }
            return name.append(' ').append(first).append(' ').append(second).toString();
        }
        String g = pickOne(random, given);
        while (middle.endsWith(g)) {
            g = pickOne(random, given);
        }
        return name.append(' ').append(g).toString();
    }

    private static String pickOne(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A comma-separated cell; "X*3" stands for X three times. */
    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int star = p.lastIndexOf('*');
            int times = star < 0 ? 1 : Integer.parseInt(p.substring(star + 1).strip());
            String value = star < 0 ? p : p.substring(0, star).strip();
            for (int i = 0; i < times; i++) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    private static String read() {
        try (InputStream in = DemoNames.class.getResourceAsStream("/demo/name-pools.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo/name-pools.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
