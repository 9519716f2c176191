package vn.congdoan.finance.internal.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * The bank accounts units collect into ({@code finance.collection_account}), one per purpose: {@link #DUES} and
 * {@link #FUND}. A unit without an account of its own collects through the nearest unit above it that has one
 * (DOMAIN.md §4.7: a commune union may work through the LĐLĐ's account; KPCĐ is collected by the provincial LĐLĐ,
 * §4.3). Used by the payment QR codes of dues and KPCĐ.
 */
@Component
public class CollectionAccounts {

    public static final String DUES = "DUES";
    public static final String FUND = "FUND";
    public static final List<String> PURPOSES = List.of(DUES, FUND);

    private static final Pattern BIN = Pattern.compile("[0-9]{6}");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9A-Za-z]{1,19}");

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final FinanceAccess access;
    private final AuditTrail audit;

    CollectionAccounts(JdbcClient jdbc, OrgTree tree, FinanceAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
    }

    /**
     * A unit's collection account.
     *
     * @param unitId the unit that owns the account (for an inherited account: the unit above)
     */
    public record Account(
            long id,
            long unitId,
            String unitName,
            String purpose,
            String bin,
            String bankName,
            String accountNo,
            String accountName,
            boolean demo,
            int version) {}

    /** A new or corrected account; {@code version} null for a new one. */
    public record SaveAccount(
            long unitId,
            String purpose,
            @Nullable String bin,
            @Nullable String bankName,
            @Nullable String accountNo,
            @Nullable String accountName,
            @Nullable Integer version) {}

    /**
     * The account money of this purpose for the unit goes to: the unit's own, else the nearest unit above it with
     * one. Unscoped: the caller has checked that the payer may see the unit (a member's own unit, an enterprise in
     * scope).
     */
    @Transactional(readOnly = true)
    public Optional<Account> forUnit(long unitId, String purpose) {
        List<Long> chain = ancestry(unitId);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + """
                         where a.purpose = :purpose and a.org_unit_id = any(cast(:ids as bigint[]))
                         order by array_position(cast(:ids as bigint[]), a.org_unit_id) desc limit 1
                        """)
                .param("purpose", purpose)
                .param("ids", SqlArrays.ofLongs(chain))
                .query(this::row)
                .optional()
                .map(this::withUnitName);
    }

    /** The accounts set on units of the caller's {@link FeeRules#READ} subtrees, by unit then purpose. */
    @Transactional(readOnly = true)
    public List<Account> inScope(AccessScope scope) {
        Set<Long> roots = scope.roots(FeeRules.READ);
        if (roots.isEmpty()) {
            return List.of();
        }
        List<Account> all = jdbc.sql(SELECT + " order by a.org_unit_id, a.purpose")
                .query(this::row)
                .list();
        List<Account> out = new ArrayList<>();
        for (Account a : all) {
            if (tree.isWithin(a.unitId(), roots)) {
                out.add(withUnitName(a));
            }
        }
        return out;
    }

    /** The unit's own account of the purpose, if the caller may read the unit's books. */
    @Transactional(readOnly = true)
    public Optional<Account> own(long unitId, String purpose, AccessScope scope) {
        access.requireRead(scope, unitId, "ORG_UNIT", unitId);
        return jdbc.sql(SELECT + " where a.org_unit_id = :unit and a.purpose = :purpose")
                .param("unit", unitId)
                .param("purpose", purpose)
                .query(this::row)
                .optional()
                .map(this::withUnitName);
    }

    /**
     * Sets a unit's account of a purpose (creates it, or corrects it when {@code version} matches). Needs
     * {@link FeeRules#POST} over the unit.
     *
     * @throws FinanceRejectedException for any refused field (BIN not 6 digits, account number not 1–19 letters or
     *     digits, empty or too long names), or {@code finance.stale} when the version is not the stored one
     */
    @Transactional
    public Account save(SaveAccount command, AccessScope scope, Actor actor) {
        access.require(scope, FeeRules.POST, command.unitId(), "ORG_UNIT", command.unitId());
        String bin = clean(command.bin());
        String accountNo = clean(command.accountNo()).replace(" ", "");
        String bankName = clean(command.bankName());
        String accountName = clean(command.accountName());
        List<FieldProblem> problems = new ArrayList<>();
        if (!PURPOSES.contains(command.purpose())) {
            problems.add(new FieldProblem("purpose", "fund.account.purpose.invalid"));
        }
        if (!BIN.matcher(bin).matches()) {
            problems.add(new FieldProblem("bin", "fund.account.bin.invalid"));
        }
        if (!ACCOUNT_NO.matcher(accountNo).matches()) {
            problems.add(new FieldProblem("accountNo", "fund.account.accountNo.invalid"));
        }
        if (bankName.isEmpty() || bankName.length() > 200) {
            problems.add(new FieldProblem("bankName", "fund.account.bankName.invalid"));
        }
        if (accountName.isEmpty() || accountName.length() > 200) {
            problems.add(new FieldProblem("accountName", "fund.account.accountName.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        Optional<Account> existing = jdbc.sql(
                        SELECT + " where a.org_unit_id = :unit and a.purpose = :purpose for update")
                .param("unit", command.unitId())
                .param("purpose", command.purpose())
                .query(this::row)
                .optional();
        if (existing.isPresent()) {
            if (command.version() == null || command.version() != existing.get().version()) {
                throw new FinanceRejectedException(new FieldProblem("version", "fund.stale"));
            }
            jdbc.sql("""
                            update finance.collection_account
                               set bin = :bin, bank_name = :bank, account_no = :no, account_name = :name,
                                   demo = false, version = version + 1, updated_at = now(), updated_by_name = :by
                             where id = :id
                            """)
                    .param("bin", bin)
                    .param("bank", bankName)
                    .param("no", accountNo)
                    .param("name", accountName)
                    .param("by", actor.name())
                    .param("id", existing.get().id())
                    .update();
        } else {
            if (command.version() != null) {
                throw new FinanceRejectedException(new FieldProblem("version", "fund.stale"));
            }
            insert(command.unitId(), command.purpose(), bin, bankName, accountNo, accountName, false, actor.name());
        }
        Map<Long, String> paths = tree.paths(Set.of(command.unitId()));
        audit.record(AuditRecord.of(actor, "FINANCE_COLLECTION_ACCOUNT_SET", paths.get(command.unitId()))
                .target("ORG_UNIT", command.unitId(), null)
                .detail(command.purpose()));
        return own(command.unitId(), command.purpose(), scope).orElseThrow();
    }

    /** Seeds an account for demo data (no scope, no audit); an existing one of the unit and purpose is kept. */
    @Transactional
    public void seed(long unitId, String purpose, String bin, String bankName, String accountNo, String accountName) {
        jdbc.sql("""
                        insert into finance.collection_account
                            (org_unit_id, purpose, bin, bank_name, account_no, account_name, demo, updated_by_name)
                        values (:unit, :purpose, :bin, :bank, :no, :name, true, 'demo')
                        on conflict (org_unit_id, purpose) do nothing
                        """)
                .param("unit", unitId)
                .param("purpose", purpose)
                .param("bin", bin)
                .param("bank", bankName)
                .param("no", accountNo)
                .param("name", accountName)
                .update();
    }

    private void insert(
            long unitId,
            String purpose,
            String bin,
            String bankName,
            String accountNo,
            String accountName,
            boolean demo,
            String by) {
        jdbc.sql("""
                        insert into finance.collection_account
                            (org_unit_id, purpose, bin, bank_name, account_no, account_name, demo, updated_by_name)
                        values (:unit, :purpose, :bin, :bank, :no, :name, :demo, :by)
                        """)
                .param("unit", unitId)
                .param("purpose", purpose)
                .param("bin", bin)
                .param("bank", bankName)
                .param("no", accountNo)
                .param("name", accountName)
                .param("demo", demo)
                .param("by", by)
                .update();
    }

    private static String clean(@Nullable String s) {
        String c = Text.clean(s);
        return c == null ? "" : c;
    }

    /** The unit and its ancestors, root first (from the tree path, labels {@code u<id>}). */
    private List<Long> ancestry(long unitId) {
        String path = tree.paths(Set.of(unitId)).get(unitId);
        List<Long> ids = new ArrayList<>();
        if (path == null) {
            return ids;
        }
        for (String label : path.split("\\.")) {
            ids.add(Long.parseLong(label.substring(1)));
        }
        return ids;
    }

    private static final String SELECT = """
            select a.id, a.org_unit_id, a.purpose, a.bin, a.bank_name, a.account_no, a.account_name, a.demo,
                   a.version
              from finance.collection_account a
            """;

    private Account row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getLong("org_unit_id"),
                "",
                rs.getString("purpose"),
                rs.getString("bin"),
                rs.getString("bank_name"),
                rs.getString("account_no"),
                rs.getString("account_name"),
                rs.getBoolean("demo"),
                rs.getInt("version"));
    }

    private Account withUnitName(Account a) {
        String name = tree.find(a.unitId()).map(u -> u.name()).orElse("");
        return new Account(
                a.id(),
                a.unitId(),
                name,
                a.purpose(),
                a.bin(),
                a.bankName(),
                a.accountNo(),
                a.accountName(),
                a.demo(),
                a.version());
    }
}
