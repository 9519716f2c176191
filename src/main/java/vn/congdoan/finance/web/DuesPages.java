package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/** What the dues pages share: the default unit, months and amounts as typed, messages of refused fields. */
@Component
class DuesPages {

    private final FinanceAccess access;
    private final OrgTree tree;
    private final MessageSource messages;
    private final Clock clock;

    DuesPages(FinanceAccess access, OrgTree tree, MessageSource messages, Clock clock) {
        this.access = access;
        this.tree = tree;
        this.messages = messages;
        this.clock = clock;
    }

    /** The caller's home unit when they may read its books, else the first subtree they may read. */
    long defaultUnit(AccessScope scope) {
        if (access.canRead(scope, scope.homeUnitId())) {
            return scope.homeUnitId();
        }
        return scope.roots(FeeRules.READ).stream()
                .findFirst()
                .or(() -> scope.roots(FeeRules.INSPECT).stream().findFirst())
                .orElse(scope.homeUnitId());
    }

    boolean canPost(AccessScope scope, long unitId) {
        return access.holds(scope, FeeRules.POST, unitId);
    }

    String unitName(long unitId) {
        return tree.find(unitId).map(OrgUnitView::name).orElse("");
    }

    Map<Long, String> unitNames(List<Ledger.PostingView> postings) {
        Map<Long, String> names = new HashMap<>();
        for (Ledger.PostingView p : postings) {
            for (Ledger.EntryView e : p.entries()) {
                for (Long id : new Long[] {e.unitId(), e.counterpartyUnitId()}) {
                    if (id != null) {
                        names.computeIfAbsent(id, this::unitName);
                    }
                }
            }
        }
        return names;
    }

    /** {@code 2025-07} or {@code 07/2025}; today's month when blank or unreadable (filters never fail). */
    YearMonth month(@Nullable String text) {
        YearMonth m = parseMonth(text);
        return m != null ? m : YearMonth.from(Dates.today(clock));
    }

    /** A month the user typed into a form field: refused, naming the field, when blank or unreadable. */
    YearMonth monthField(String field, @Nullable String text) {
        YearMonth m = parseMonth(text);
        if (m == null) {
            throw new FinanceRejectedException(new FieldProblem(field, "dues.month.format", text == null ? "" : text));
        }
        return m;
    }

    static @Nullable YearMonth parseMonth(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return YearMonth.of(Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(t);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    String format(YearMonth m) {
        return String.format(Locale.ROOT, "%02d/%04d", m.getMonthValue(), m.getYear());
    }

    /** An amount typed as {@code 10.000.000} or {@code 10000000}; null when blank. */
    @Nullable
    Money amount(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replace("\u0111", "")
                .strip()
                .replace(".", "")
                .replace(",", "")
                .replace(" ", "");
        if (!t.matches("\\d{1,15}")) {
            throw new FinanceRejectedException(new FieldProblem(field, "dues.amount.format", text));
        }
        return Money.of(new BigDecimal(t));
    }

    /** A percentage typed as {@code 1} or {@code 0,8} → the fraction 0.01 / 0.008. */
    BigDecimal percent(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new FinanceRejectedException(new FieldProblem("rate", "dues.unitRate.rate.range"));
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace("%", "")).movePointLeft(2);
        } catch (NumberFormatException e) {
            throw new FinanceRejectedException(new FieldProblem("rate", "dues.unitRate.rate.range"));
        }
    }

    String message(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, RequestContextUtils.getLocale(request));
    }

    List<String> messages(FinanceRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return e.problems().stream()
                .map(p -> messages.getMessage(p.messageKey(), p.args(), locale))
                .toList();
    }

    static final Set<String> METHODS = Set.of("CASH", "BANK", "PAYROLL", "GROUP_CASH");
}
