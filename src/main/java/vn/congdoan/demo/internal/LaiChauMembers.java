package vn.congdoan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import vn.congdoan.demo.internal.LaiChauTree.District;
import vn.congdoan.demo.internal.LaiChauTree.Kind;
import vn.congdoan.demo.internal.LaiChauTree.Node;
import vn.congdoan.membership.NewMember;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.PhoneNumbers;

/**
 * The members of the 2024 tree, from a fixed seed: for each grassroots union as many people as {@link Node#members()},
 * with an ethnic group and a name in the group's pattern ({@link DemoNames}), an age of 20 to 60 today (most 25–45), a
 * share of women that depends on the kind of unit, a job from {@code demo/jobs.txt} and with it the qualification,
 * contract and salary, the union offices of the unit (chair, vice-chair, committee, group leaders), Party membership
 * (more often among older members, officials and public staff) and demo CCCDs and phone numbers (DOMAIN.md §2.5).
 * Members of a unit are admitted at a few ceremonies a year, each with its decision number.
 */
final class LaiChauMembers {

    /** "Today" of the demo world's history: ages, retirements and the last events are dated up to here. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private static final long SEED = 23218L;
    /** Demo CCCD and phone serials lie in [0, SERIALS). */
    private static final long SERIALS = 600_000L;
    /** The base salary of the public sector from 01/07/2024 (Nghị định 73/2024/NĐ-CP), VND. */
    private static final long BASE_SALARY = 2_340_000L;

    static final String CHAIR = "Chủ tịch CĐCS";
    static final String VICE_CHAIR = "Phó Chủ tịch";
    static final String COMMITTEE = "Ủy viên BCH";
    static final String GROUP_LEADER = "Tổ trưởng công đoàn";
    static final String DEPARTMENT_CHAIR = "Chủ tịch CĐBP";

    private static final String[] OTHER_PROVINCES = {
        "Tỉnh Hưng Yên",
        "Tỉnh Ninh Bình",
        "Tỉnh Thanh Hóa",
        "Tỉnh Nghệ An",
        "Tỉnh Phú Thọ",
        "Thành phố Hải Phòng",
        "Tỉnh Bắc Ninh",
        "Thành phố Hà Nội",
        "Tỉnh Lào Cai",
        "Tỉnh Điện Biên",
        "Tỉnh Sơn La",
        "Tỉnh Tuyên Quang"
    };

    /**
     * A generated member, with what the later history needs.
     *
     * @param official holds a union office in the unit
     * @param named one of the {@link Named} people
     */
    record Person(int node, NewMember member, boolean official, boolean named) {}

    /**
     * Someone who must be a member of a given unit: the people behind the demo accounts, and the names the acceptance
     * tests search for.
     *
     * @param position the union office they hold (they take the place of whoever drew it), or null for none
     */
    record Named(
            String fullName,
            String sex,
            String ethnicity,
            @Nullable String position) {}

    private record Job(String title, String profile, int weight, boolean once) {}

    /** A member while being drawn. */
    private static final class Draft {
        String name = "";
        String sex = "M";
        LocalDate birth = TODAY;
        String ethnicity = "01";
        Job job = new Job("", "LOW", 1, false);

        @Nullable
        String position;

        boolean named;
    }

    private final Random random = new Random(SEED);
    private final DemoNames names = new DemoNames();
    private final Map<String, List<Job>> jobs = readJobs();
    private final Map<String, String> districtOfCommune = new HashMap<>();
    private final List<String> allCommunes = new ArrayList<>();
    private long serial;

    private LaiChauMembers() {
        for (District d : LaiChauTree.DISTRICTS) {
            for (String c : d.communes()) {
                districtOfCommune.put(c, d.code());
                allCommunes.add(c);
            }
        }
    }

    /**
     * Members of every grassroots union of the tree, unit by unit in tree order.
     *
     * @param unitIds the database id of each node
     * @param named people who must be members of a unit, by node index
     */
    static List<Person> generate(List<Node> nodes, List<Long> unitIds, Map<Integer, List<Named>> named) {
        LaiChauMembers generator = new LaiChauMembers();
        int[] groups = new int[nodes.size()];
        int[] departments = new int[nodes.size()];
        for (Node n : nodes) {
            if (n.typeCode().equals("UNION_GROUP")) {
                groups[n.parent()]++;
            } else if (n.typeCode().equals("DEPARTMENT_UNION")) {
                departments[n.parent()]++;
            }
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.members() > 0) {
                generator.unit(
                        i, n, unitIds.get(i), groups[i], departments[i], named.getOrDefault(i, List.of()), people);
            }
        }
        return people;
    }

    private void unit(
            int index, Node n, long unitId, int groups, int departments, List<Named> named, List<Person> out) {
        String district = districtOfCommune.getOrDefault(n.commune(), "LCU-H01");
        List<Draft> drafts = new ArrayList<>();
        Set<String> onceTaken = new HashSet<>();
        for (int k = 0; k < n.members(); k++) {
            Draft d = new Draft();
            d.sex = random.nextInt(100) < femalePercent(n.kind()) ? "F" : "M";
            d.birth = birthDate(n.kind(), d.sex);
            DemoNames.Group group = names.pick(random, district, n.kind());
            d.ethnicity = group.code();
            d.name = names.name(random, group, d.sex);
            d.job = job(n, onceTaken, d.birth);
            drafts.add(d);
        }
        assignOffices(drafts, n, groups, departments);
        for (Named p : named) {
            // The holder of the office they hold, else the last member of working age without one (so that "the
            // unit's first member" stays an ordinary member, not the demo account's own record).
            Draft d = drafts.stream()
                    .filter(x ->
                            !x.named && p.position() != null && p.position().equals(x.position))
                    .findFirst()
                    .orElseGet(() -> drafts.stream()
                            .filter(x -> !x.named && x.position == null && age(x.birth) >= 25 && age(x.birth) <= 50)
                            .reduce((first, later) -> later)
                            .orElseThrow(() ->
                                    new IllegalStateException("no place for " + p.fullName() + " in " + n.code())));
            d.name = p.fullName();
            d.sex = p.sex();
            d.ethnicity = p.ethnicity();
            d.position = p.position();
            d.named = true;
        }
        Map<LocalDate, Integer> decisions = new TreeMap<>();
        Map<Integer, List<LocalDate>> ceremonies = new HashMap<>();
        List<LocalDate> joined = new ArrayList<>();
        for (Draft d : drafts) {
            LocalDate j = joinedOn(d, n, ceremonies);
            joined.add(j);
            decisions.put(j, 0);
        }
        // A unit numbers all its decisions through the year; admissions are some of them, in date order.
        int number = 0;
        int year = 0;
        for (Map.Entry<LocalDate, Integer> e : decisions.entrySet()) {
            number = (e.getKey().getYear() == year ? number : 0) + 1 + random.nextInt(4);
            year = e.getKey().getYear();
            e.setValue(number);
        }
        String issuer = n.kind() == Kind.INFORMAL ? "/QĐ-NĐCS" : "/QĐ-CĐCS";
        for (int k = 0; k < drafts.size(); k++) {
            Draft d = drafts.get(k);
            LocalDate j = joined.get(k);
            out.add(new Person(
                    index, member(d, n, unitId, district, j, decisions.get(j) + issuer), d.position != null, d.named));
        }
    }

    private NewMember member(Draft d, Node n, long unitId, String district, LocalDate joined, String decision) {
        long s = serial++;
        String qualification = qualification(d.job);
        boolean party = party(d, n.kind());
        String theory = theoryLevel(d, party);
        return new NewMember(
                d.name,
                d.sex,
                d.birth,
                joined,
                unitId,
                Cccd.demoNumber(d.birth, d.sex, demoSerial(s, 7919, 104_729)),
                PhoneNumbers.demoNumber(demoSerial(s, 3571, 271_828)),
                homeTown(d.ethnicity, district),
                residence(n.commune(), district),
                education(d.job.profile(), d.birth),
                qualification,
                theory,
                d.job.title(),
                contract(n.kind(), d.job.title()),
                d.position,
                decision,
                new NewMember.Sensitive(
                        d.ethnicity,
                        religion(d.ethnicity),
                        party,
                        party ? partyJoinedOn(d.birth) : null,
                        salary(n.kind(), d.job.profile(), d.birth)));
    }

    /**
     * A serial below {@link #SERIALS} for the n-th member: unique (the multiplier is coprime to the range) and less like
     * a counter. Tests that admit members of their own use serials from 700,000 up, so they never meet a demo number.
     */
    private static long demoSerial(long n, long multiplier, long offset) {
        return Math.floorMod(n * multiplier + offset, SERIALS);
    }

    private static int femalePercent(Kind kind) {
        return switch (kind) {
            case SCHOOL -> 66;
            case HEALTH -> 62;
            case COOPERATIVE -> 50;
            case INFORMAL -> 44;
            case AGENCY -> 42;
            case PUBLIC_SELF_FUNDED -> 38;
            case ENTERPRISE -> 33;
            case STATE_COMPANY -> 25;
            case FDI -> 14;
            case NONE -> 50;
        };
    }

    /**
     * Age today from buckets 20–24, 25–34, 35–44, 45–54, 55–60 weighted by kind. Women are at most 57 today, so that
     * nobody reached the retirement age (NĐ 135/2020/NĐ-CP) before the 2025 reform; those who reach it after are
     * retired by {@link MemberLife}.
     */
    private LocalDate birthDate(Kind kind, String sex) {
        int[] weights =
                switch (kind) {
                    case FDI -> new int[] {15, 40, 30, 12, 3};
                    case INFORMAL, COOPERATIVE -> new int[] {4, 20, 32, 30, 14};
                    case SCHOOL, AGENCY, HEALTH, PUBLIC_SELF_FUNDED -> new int[] {4, 28, 36, 24, 8};
                    default -> new int[] {9, 33, 32, 19, 7};
                };
        int[] from = {20, 25, 35, 45, 55};
        int[] to = {24, 34, 44, 54, 60};
        int pick = random.nextInt(100);
        int b = 0;
        while (pick >= weights[b]) {
            pick -= weights[b];
            b++;
        }
        int maxAge = sex.equals("F") && b == 4 ? 57 : to[b];
        int age = from[b] + random.nextInt(maxAge - from[b] + 1);
        LocalDate birth = TODAY.minusYears(age).minusDays(1 + random.nextInt(364));
        LocalDate oldest = sex.equals("F") ? LocalDate.of(1968, 11, 1) : LocalDate.of(1966, 11, 2);
        return birth.isBefore(oldest) ? oldest.plusDays(random.nextInt(300)) : birth;
    }

    /** A job of the unit's kind that the person is old enough to have trained for by the end of 2024. */
    private Job job(Node n, Set<String> onceTaken, LocalDate birth) {
        int ageIn2024 = (int) ChronoUnit.YEARS.between(birth, LaiChauTree.END_2024);
        for (int attempt = 0; ; attempt++) {
            Job j = anyJob(n, onceTaken);
            int needs = j.profile().equals("HIGH") ? 23 : j.profile().equals("MID") ? 20 : 18;
            if (ageIn2024 >= needs || attempt >= 30) {
                return j;
            }
            onceTaken.remove(j.title());
        }
    }

    private Job anyJob(Node n, Set<String> onceTaken) {
        String key = n.kind().name();
        if (n.kind() == Kind.INFORMAL) {
            key = key + "/"
                    + n.employer()
                            .substring(0, n.employer().length() - n.commune().length() - 1);
        }
        List<Job> pool = jobs.get(key);
        if (pool == null) {
            throw new IllegalStateException("demo/jobs.txt has no jobs for " + key);
        }
        int total = pool.stream().mapToInt(Job::weight).sum();
        while (true) {
            int pick = random.nextInt(total);
            for (Job j : pool) {
                pick -= j.weight();
                if (pick < 0) {
                    if (!j.once() || onceTaken.add(j.title())) {
                        return j;
                    }
                    break;
                }
            }
        }
    }

    /**
     * The executive committee (3 members under 30, 5 under 100, 7 under 200, else 9; only a chair and a vice-chair
     * under 10), a leader for each union group and a chair for each department union, from members aged 28–54.
     */
    private void assignOffices(List<Draft> drafts, Node n, int groups, int departments) {
        int size = drafts.size();
        int committee = size < 10 ? 2 : size < 30 ? 3 : size < 100 ? 5 : size < 200 ? 7 : 9;
        List<String> offices = new ArrayList<>();
        offices.add(n.kind() == Kind.INFORMAL ? "Chủ tịch NĐCS" : CHAIR);
        offices.add(VICE_CHAIR);
        if (committee >= 7) {
            offices.add(VICE_CHAIR);
        }
        while (offices.size() < committee) {
            offices.add(COMMITTEE);
        }
        for (int g = 0; g < groups; g++) {
            offices.add(GROUP_LEADER);
        }
        for (int g = 0; g < departments; g++) {
            offices.add(DEPARTMENT_CHAIR);
        }
        List<Draft> eligible = new ArrayList<>();
        List<Draft> others = new ArrayList<>();
        for (Draft d : drafts) {
            int age = age(d.birth);
            (age >= 28 && age <= 54 ? eligible : others).add(d);
        }
        java.util.Collections.shuffle(eligible, random);
        java.util.Collections.shuffle(others, random);
        eligible.addAll(others);
        for (int k = 0; k < offices.size() && k < eligible.size(); k++) {
            eligible.get(k).position = offices.get(k);
        }
    }

    /** Admitted at a ceremony of the unit: one to three a year, the first one on or after the person could join. */
    private LocalDate joinedOn(Draft d, Node n, Map<Integer, List<LocalDate>> ceremonies) {
        int startAge =
                switch (d.job.profile()) {
                    case "HIGH" -> 22;
                    case "MID" -> 20;
                    default -> 18;
                };
        LocalDate earliest = max(d.birth.plusYears(startAge), n.validFrom());
        if (earliest.isAfter(LaiChauTree.END_2024)) {
            earliest = max(d.birth.plusYears(18), n.validFrom());
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(earliest, LaiChauTree.END_2024));
        LocalDate raw = earliest.plusDays(random.nextLong(span));
        List<LocalDate> dates = ceremonies.computeIfAbsent(raw.getYear(), y -> {
            List<LocalDate> list = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int c = 0; c < count; c++) {
                list.add(LocalDate.of(y, 1, 1).plusDays(random.nextInt(360)));
            }
            list.sort(null);
            return list;
        });
        for (LocalDate c : dates) {
            if (!c.isBefore(raw) && !c.isAfter(LaiChauTree.END_2024)) {
                return c;
            }
        }
        return raw;
    }

    private String homeTown(String ethnicity, String district) {
        if (ethnicity.equals("01") && random.nextInt(100) < 55) {
            // Many Kinh members came from the lowlands (assumed).
            return OTHER_PROVINCES[random.nextInt(OTHER_PROVINCES.length)];
        }
        String commune = random.nextInt(100) < 65 ? communeOf(district) : pick(allCommunes);
        return capitalise(communeWord(commune)) + " " + commune + ", tỉnh Lai Châu";
    }

    private String residence(String unitCommune, String district) {
        String commune = random.nextInt(100) < 70 ? unitCommune : communeOf(district);
        String place = communeWord(commune).equals("phường")
                ? "Tổ dân phố số " + (1 + random.nextInt(20))
                : "Bản " + LaiChauEnterprises.VILLAGES[random.nextInt(LaiChauEnterprises.VILLAGES.length)];
        return place + ", " + communeWord(commune) + " " + commune + ", tỉnh Lai Châu";
    }

    private String communeOf(String district) {
        for (District d : LaiChauTree.DISTRICTS) {
            if (d.code().equals(district)) {
                return pick(d.communes());
            }
        }
        return pick(allCommunes);
    }

    private static String communeWord(String commune) {
        return commune.equals("Tân Phong") || commune.equals("Đoàn Kết") ? "phường" : "xã";
    }

    /** General education: 12/12, some 9/12 among manual and own-account workers; 10/10 for some born before 1973. */
    private String education(String profile, LocalDate birth) {
        int nine =
                switch (profile) {
                    case "LOW" -> 28;
                    case "SELF" -> 40;
                    default -> 0;
                };
        if (random.nextInt(100) < nine) {
            return "9/12";
        }
        return birth.getYear() < 1973 && random.nextInt(100) < 40 ? "10/10" : "12/12";
    }

    private @Nullable String qualification(Job job) {
        int r = random.nextInt(100);
        if (job.title().startsWith("Bác sĩ")
                || job.title().startsWith("Kỹ sư")
                || job.title().equals("Giảng viên")) {
            return r < 88 ? "Đại học" : "Thạc sĩ";
        }
        return switch (job.profile()) {
            case "HIGH" -> r < 84 ? "Đại học" : r < 89 ? "Thạc sĩ" : "Cao đẳng";
            case "MID" -> r < 40 ? "Cao đẳng" : r < 93 ? "Trung cấp" : "Đại học";
            case "LOW" -> r < 55 ? null : r < 85 ? "Sơ cấp" : "Trung cấp";
            default -> r < 80 ? null : r < 95 ? "Sơ cấp" : "Trung cấp";
        };
    }

    /** Political theory: officials and Party members usually hold the elementary or intermediate certificate. */
    private @Nullable String theoryLevel(Draft d, boolean party) {
        int r = random.nextInt(100);
        if (CHAIR.equals(d.position) || "Chủ tịch NĐCS".equals(d.position)) {
            return r < 45 ? "Trung cấp" : r < 90 ? "Sơ cấp" : null;
        }
        boolean head = d.job.title().startsWith("Trưởng") || d.job.title().equals("Hiệu trưởng");
        if (head) {
            return r < 50 ? "Trung cấp" : r < 60 ? "Cao cấp" : "Sơ cấp";
        }
        if (party) {
            return r < 75 ? "Sơ cấp" : r < 90 ? "Trung cấp" : null;
        }
        if (d.position != null) {
            return r < 40 ? "Sơ cấp" : null;
        }
        return null;
    }

    /** Civil servants and public employees mostly indefinite; company staff often on fixed terms. */
    private String contract(Kind kind, String title) {
        if (title.equals("Nhân viên hợp đồng")) {
            return "FIXED_12_36";
        }
        int r = random.nextInt(100);
        return switch (kind) {
            case INFORMAL -> "NONE";
            case AGENCY -> r < 90 ? "INDEFINITE" : "FIXED_12_36";
            case SCHOOL, HEALTH, PUBLIC_SELF_FUNDED -> r < 75 ? "INDEFINITE" : "FIXED_12_36";
            case STATE_COMPANY -> r < 70 ? "INDEFINITE" : r < 95 ? "FIXED_12_36" : "FIXED_UNDER_12";
            case FDI -> r < 40 ? "INDEFINITE" : r < 85 ? "FIXED_12_36" : "FIXED_UNDER_12";
            case COOPERATIVE -> r < 50 ? "INDEFINITE" : r < 85 ? "FIXED_12_36" : "FIXED_UNDER_12";
            default -> r < 55 ? "INDEFINITE" : r < 90 ? "FIXED_12_36" : "FIXED_UNDER_12";
        };
    }

    private boolean party(Draft d, Kind kind) {
        if (d.position != null) {
            int pct =
                    switch (d.position) {
                        case CHAIR -> 55;
                        case VICE_CHAIR -> 35;
                        default -> 15;
                    };
            return random.nextInt(100) < pct * Math.min(1.0, partyFactor(kind) + 0.4);
        }
        int age = age(d.birth);
        double base = age < 26 ? 1 : age < 36 ? 3.5 : age < 46 ? 6.5 : 10;
        return random.nextDouble() * 100 < base * partyFactor(kind);
    }

    private static double partyFactor(Kind kind) {
        return switch (kind) {
            case AGENCY -> 2.4;
            case SCHOOL -> 1.5;
            case HEALTH, PUBLIC_SELF_FUNDED -> 1.4;
            case STATE_COMPANY -> 1.0;
            case ENTERPRISE, COOPERATIVE -> 0.45;
            case FDI, INFORMAL -> 0.25;
            case NONE -> 1.0;
        };
    }

    private LocalDate partyJoinedOn(LocalDate birth) {
        LocalDate from = birth.plusYears(21);
        if (!from.isBefore(LaiChauTree.END_2024)) {
            from = birth.plusYears(18);
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(from, LaiChauTree.END_2024));
        return from.plusDays(random.nextLong(span));
    }

    /**
     * Religion, mostly none; some Protestants among Mông, some Buddhists and Catholics among Kinh (assumed shares,
     * unverified).
     */
    private @Nullable String religion(String ethnicity) {
        int r = random.nextInt(1000);
        return switch (ethnicity) {
            case "08" -> r < 100 ? "Tin lành" : r < 110 ? "Công giáo" : null;
            case "01" -> r < 50 ? "Phật giáo" : r < 80 ? "Công giáo" : null;
            case "04" -> r < 300 ? "Phật giáo" : null;
            case "09" -> r < 20 ? "Tin lành" : null;
            default -> r < 10 ? "Phật giáo" : null;
        };
    }

    /**
     * The salary dues are computed on. Public staff: their grade's coefficient (A1 from 2.34, A0 from 2.10, B from
     * 1.86, one step every three years) times the base salary; companies: a range by training; own-account workers: none
     * (they pay a fixed amount).
     */
    private @Nullable Long salary(Kind kind, String profile, LocalDate birth) {
        int age = age(birth);
        switch (kind) {
            case SCHOOL, HEALTH, AGENCY, PUBLIC_SELF_FUNDED -> {
                double start =
                        switch (profile) {
                            case "HIGH" -> 2.34;
                            case "MID" -> 2.10;
                            default -> 1.86;
                        };
                double step = profile.equals("LOW") ? 0.18 : 0.33;
                double max = profile.equals("LOW") ? 4.06 : 4.98;
                int steps = Math.max(0, (age - (profile.equals("HIGH") ? 23 : 21)) / 3);
                double coefficient = Math.min(max, start + steps * step);
                return Math.round(coefficient * 100) * BASE_SALARY / 100;
            }
            case INFORMAL -> {
                return null;
            }
            default -> {
                long low =
                        switch (profile) {
                            case "HIGH" -> 9_000_000L;
                            case "MID" -> 6_000_000L;
                            default -> 4_200_000L;
                        };
                long width = profile.equals("HIGH") ? 5_000_000L : profile.equals("MID") ? 3_500_000L : 3_000_000L;
                long pay = low + random.nextLong(width) + Math.min(25, Math.max(0, age - 22)) * 40_000L;
                if (kind == Kind.FDI) {
                    pay = pay * 115 / 100;
                }
                return Math.min(15_000_000L, pay / 50_000 * 50_000);
            }
        }
    }

    private static int age(LocalDate birth) {
        return (int) ChronoUnit.YEARS.between(birth, TODAY);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, List<Job>> readJobs() {
        try (InputStream in = LaiChauMembers.class.getResourceAsStream("/demo/jobs.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo/jobs.txt is missing");
            }
            Map<String, List<Job>> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\\|");
                out.computeIfAbsent(c[0].strip(), k -> new ArrayList<>())
                        .add(new Job(
                                c[1].strip(),
                                c[2].strip(),
                                Integer.parseInt(c[3].strip()),
                                c.length > 4 && c[4].strip().equals("once")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
