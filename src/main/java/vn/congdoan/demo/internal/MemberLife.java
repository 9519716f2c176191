package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.congdoan.demo.internal.LaiChauMembers.Person;
import vn.congdoan.demo.internal.LaiChauTree.Kind;
import vn.congdoan.demo.internal.LaiChauTree.Node;
import vn.congdoan.membership.MemberRegister.DemoLeaving;
import vn.congdoan.membership.MemberRegister.DemoReferral;
import vn.congdoan.membership.MemberRegister.DemoTransfer;
import vn.congdoan.membership.NewMember;

/**
 * What happened to members after the 2025 reform, from a fixed seed, dated between the reform and {@link
 * LaiChauMembers#TODAY}: retirements at the statutory age, people leaving on their own request, a few deaths, a few
 * removals by decision (long unpaid dues), transfers between grassroots unions that exist today (accepted ones and
 * three still pending), and introductions to the Party. Members of a unit that was merged in 2026, and the people
 * behind the demo accounts, keep their plain history.
 */
final class MemberLife {

    private static final long SEED = 20260301L;
    private static final LocalDate AFTER_REFORM = LaiChauTree.REFORM.plusDays(9);

    /** The planned history, ready for {@code MemberRegister.recordDemoHistory}. */
    record Plan(List<DemoTransfer> transfers, List<DemoLeaving> leavers, List<DemoReferral> referrals) {}

    private final Random random = new Random(SEED);

    private MemberLife() {}

    /**
     * @param memberIds the database id of each person, in the same order
     * @param unitIds the database id of each node
     * @param keep nodes whose members keep their plain history (merged units)
     * @param pendingInto a node that receives one of the pending transfers (the demo officer's unit)
     * @param pendingFrom the node that sends it
     */
    static Plan plan(
            List<Node> nodes,
            List<Long> unitIds,
            List<Person> people,
            List<Long> memberIds,
            Set<Integer> keep,
            int pendingInto,
            int pendingFrom) {
        return new MemberLife().make(nodes, unitIds, people, memberIds, keep, pendingInto, pendingFrom);
    }

    private Plan make(
            List<Node> nodes,
            List<Long> unitIds,
            List<Person> people,
            List<Long> memberIds,
            Set<Integer> keep,
            int pendingInto,
            int pendingFrom) {
        List<Integer> open = new ArrayList<>();
        Map<String, List<Integer>> openByDistrict = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.members() > 0 && !n.kind().stateFunded && !keep.contains(i)) {
                open.add(i);
                openByDistrict
                        .computeIfAbsent(nodes.get(n.parent()).code(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<DemoTransfer> transfers = new ArrayList<>();
        List<DemoLeaving> leavers = new ArrayList<>();
        List<DemoReferral> referrals = new ArrayList<>();
        int pendingLeft = 2;
        boolean pendingIntoDone = false;
        for (int p = 0; p < people.size(); p++) {
            Person person = people.get(p);
            NewMember m = person.member();
            Node n = nodes.get(person.node());
            if (keep.contains(person.node()) || person.named()) {
                continue;
            }
            long id = memberIds.get(p);
            boolean inOpenUnit = !n.kind().stateFunded;
            LocalDate retires = retirement(m.birthDate(), m.sex());
            if (retires != null && retires.isAfter(LaiChauTree.REFORM) && !retires.isAfter(LaiChauMembers.TODAY)) {
                leavers.add(new DemoLeaving(id, "RETIRED", retires, null, "Nghỉ hưu theo chế độ"));
                continue;
            }
            int age = (int) ChronoUnit.YEARS.between(m.birthDate(), LaiChauMembers.TODAY);
            if (m.sex().equals("M") && age >= 57 && random.nextInt(100) < 12) {
                leavers.add(new DemoLeaving(id, "RETIRED", day(AFTER_REFORM, LaiChauMembers.TODAY), null, null));
                continue;
            }
            if (!inOpenUnit || person.official()) {
                continue;
            }
            int roll = random.nextInt(10_000);
            int voluntary = privateSector(n.kind()) ? 180 : 50;
            int removed = n.kind() == Kind.INFORMAL || n.kind() == Kind.COOPERATIVE ? 90 : 25;
            if (roll < voluntary) {
                leavers.add(new DemoLeaving(
                        id,
                        "VOLUNTARY",
                        day(AFTER_REFORM, LaiChauMembers.TODAY),
                        null,
                        "Thôi việc, xin thôi sinh hoạt"));
            } else if (roll < voluntary + removed) {
                LocalDate on = day(LocalDate.of(2025, 9, 1), LaiChauMembers.TODAY);
                leavers.add(new DemoLeaving(
                        id,
                        "REMOVED",
                        on,
                        (1 + random.nextInt(9)) + (n.kind() == Kind.INFORMAL ? "/QĐ-NĐCS" : "/QĐ-CĐCS"),
                        "Không đóng đoàn phí 6 tháng liên tục không có lý do chính đáng"));
            } else if (roll < voluntary + removed + 6) {
                leavers.add(new DemoLeaving(id, "DECEASED", day(AFTER_REFORM, LaiChauMembers.TODAY), null, null));
            } else if (roll < voluntary + removed + 6 + 90) {
                List<Integer> near =
                        openByDistrict.getOrDefault(nodes.get(n.parent()).code(), open);
                List<Integer> from = random.nextInt(100) < 60 && near.size() > 1 ? near : open;
                int to = from.get(random.nextInt(from.size()));
                if (to != person.node()) {
                    LocalDate released = day(LaiChauTree.REFORM.plusDays(14), LocalDate.of(2026, 10, 5));
                    LocalDate accepted = released.plusDays(3 + random.nextInt(20));
                    transfers.add(new DemoTransfer(id, unitIds.get(to), released, accepted, "Chuyển nơi làm việc"));
                }
            } else if (pendingLeft > 0 && roll >= 9_990) {
                int to = open.get(random.nextInt(open.size()));
                if (to != person.node()) {
                    transfers.add(new DemoTransfer(
                            id,
                            unitIds.get(to),
                            LocalDate.of(2026, 10, 20 + pendingLeft),
                            null,
                            "Chuyển nơi làm việc"));
                    pendingLeft--;
                }
            } else if (!pendingIntoDone && person.node() == pendingFrom) {
                transfers.add(new DemoTransfer(
                        id,
                        unitIds.get(pendingInto),
                        LocalDate.of(2026, 10, 26),
                        null,
                        "Chuyển sang công ty cùng phường"));
                pendingIntoDone = true;
            } else if (!m.sensitive().partyMember() && age >= 22 && age <= 45 && random.nextInt(1000) < 30) {
                referrals.add(referral(id, m, unitIds.get(person.node())));
            }
        }
        return new Plan(transfers, leavers, referrals);
    }

    private DemoReferral referral(long memberId, NewMember m, long unitId) {
        LocalDate from = m.joinedOn().plusYears(1);
        if (from.isBefore(LocalDate.of(2023, 6, 1))) {
            from = LocalDate.of(2023, 6, 1);
        }
        LocalDate introduced = day(from, LocalDate.of(2026, 10, 15));
        LocalDate outcomeOn = introduced.plusDays(120 + random.nextInt(245));
        if (outcomeOn.isAfter(LaiChauMembers.TODAY)) {
            return new DemoReferral(memberId, unitId, introduced, "PENDING", null);
        }
        return new DemoReferral(
                memberId, unitId, introduced, random.nextInt(100) < 78 ? "ADMITTED" : "NOT_ADMITTED", outcomeOn);
    }

    private static boolean privateSector(Kind kind) {
        return kind == Kind.ENTERPRISE
                || kind == Kind.FDI
                || kind == Kind.COOPERATIVE
                || kind == Kind.INFORMAL
                || kind == Kind.STATE_COMPANY;
    }

    /**
     * The first day of the month after the statutory retirement age (Bộ luật Lao động 2019 Art. 169, NĐ 135/2020):
     * from 2021 men 60 years 3 months, plus 3 months a year up to 62; women 55 years 4 months, plus 4 months a year up
     * to 60.
     */
    static @Nullable LocalDate retirement(LocalDate birth, String sex) {
        for (int year = 2021; year <= 2040; year++) {
            int months = sex.equals("F")
                    ? Math.min(60 * 12, 55 * 12 + 4 * (year - 2020))
                    : Math.min(62 * 12, 60 * 12 + 3 * (year - 2020));
            LocalDate reached = birth.plusMonths(months);
            if (reached.getYear() <= year) {
                return reached.withDayOfMonth(1).plusMonths(1);
            }
        }
        return null;
    }

    /** A day in [from, to). */
    private LocalDate day(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to)));
    }
}
