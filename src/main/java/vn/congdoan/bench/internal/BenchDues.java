package vn.congdoan.bench.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Twelve months of dues charges for the generated world, priced like {@code finance.internal.dues.DuesCharges} does
 * (DOMAIN.md §4.2): the rule of the member's group valid in the month (QĐ 1908/QĐ-TLĐ until 30/06/2025, QĐ 61/QĐ-TLĐ
 * from 01/07/2025) × the base — the salary basis of the member's dues profile, or the base salary for group FLAT (no
 * profile: salary unknown) — rounded half-up to the đồng and capped at the rule's fraction of the month's base
 * salary. The rules are read from the migrated tables, so the world follows them.
 */
final class BenchDues {

    static final int MONTHS = 12;

    record Rule(
            long id,
            String group,
            String baseKind,
            BigDecimal rate,
            @Nullable BigDecimal cap,
            LocalDate from,
            @Nullable LocalDate to) {}

    record BaseSalary(
            long id,
            BigDecimal amount,
            LocalDate from,
            @Nullable LocalDate to) {}

    /** One priced month: the rule and base salary applied, the base, the amount and whether the cap applied. */
    record Charge(Rule rule, BaseSalary baseSalary, long base, long amount, boolean capped) {}

    private final List<Rule> rules;
    private final List<BaseSalary> salaries;
    private final LocalDate[] months;

    private BenchDues(List<Rule> rules, List<BaseSalary> salaries, LocalDate[] months) {
        this.rules = rules;
        this.salaries = salaries;
        this.months = months;
    }

    /** The rules as migrated, and the twelve months before the one of {@code today}. */
    static BenchDues load(Connection c, LocalDate today) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        List<BaseSalary> salaries = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, member_group, base_kind, rate, cap_fraction, valid_from,"
                        + " valid_to from finance.dues_rule")) {
            while (rs.next()) {
                rules.add(new Rule(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class)));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, amount, valid_from, valid_to from finance.base_salary")) {
            while (rs.next()) {
                salaries.add(new BaseSalary(
                        rs.getLong(1),
                        rs.getBigDecimal(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)));
            }
        }
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS);
        LocalDate[] months = new LocalDate[MONTHS];
        for (int i = 0; i < MONTHS; i++) {
            months[i] = first.plusMonths(i);
        }
        return new BenchDues(rules, salaries, months);
    }

    LocalDate[] months() {
        return months;
    }

    /** The month's charge for a member of the group with the salary basis (0 for group FLAT). */
    Charge price(String group, long salaryBasis, LocalDate month) {
        Rule rule = null;
        for (Rule r : rules) {
            if (r.group().equals(group) && !month.isBefore(r.from()) && (r.to() == null || month.isBefore(r.to()))) {
                rule = r;
            }
        }
        BaseSalary salary = null;
        for (BaseSalary b : salaries) {
            if (!month.isBefore(b.from()) && (b.to() == null || month.isBefore(b.to()))) {
                salary = b;
            }
        }
        if (rule == null || salary == null) {
            throw new IllegalStateException("no dues rule or base salary for " + group + " in " + month);
        }
        long base = rule.baseKind().equals("BASE_SALARY") ? salary.amount().longValueExact() : salaryBasis;
        long amount = rule.rate()
                .multiply(BigDecimal.valueOf(base))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        boolean capped = false;
        if (rule.cap() != null) {
            long cap = rule.cap()
                    .multiply(salary.amount())
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            if (amount > cap) {
                amount = cap;
                capped = true;
            }
        }
        return new Charge(rule, salary, base, amount, capped);
    }
}
