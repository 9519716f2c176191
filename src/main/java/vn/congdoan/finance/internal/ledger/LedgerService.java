package vn.congdoan.finance.internal.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.FieldProblem;

/**
 * The scoped ledger: {@link FinanceAccess} decides, {@link LedgerWriter} writes, {@link LedgerQueries} reads.
 * Writing needs {@link FeeRules#POST} over the unit (404 when the caller cannot even read it, else 403); reading
 * needs {@link FeeRules#READ} or {@link FeeRules#INSPECT}.
 */
@Service
@Transactional(readOnly = true)
class LedgerService implements Ledger {

    private static final Set<String> KINDS = Set.of(RECEIPT, SPENDING, REVERSAL);

    private final FinanceAccess access;
    private final LedgerWriter writer;
    private final LedgerQueries queries;

    LedgerService(FinanceAccess access, LedgerWriter writer, LedgerQueries queries) {
        this.access = access;
        this.writer = writer;
        this.queries = queries;
    }

    @Override
    @Transactional
    public PostingView receive(Receipt receipt, AccessScope scope, Actor actor) {
        if (receipt == null) {
            throw new FinanceRejectedException(new FieldProblem("receipt", "finance.receipt.required"));
        }
        access.require(scope, FeeRules.POST, receipt.unitId(), "unit", receipt.unitId());
        return writer.receive(receipt, actor);
    }

    @Override
    @Transactional
    public PostingView spend(Spending spending, AccessScope scope, Actor actor) {
        if (spending == null) {
            throw new FinanceRejectedException(new FieldProblem("spending", "finance.spending.required"));
        }
        access.require(scope, FeeRules.POST, spending.unitId(), "unit", spending.unitId());
        return writer.spend(spending, actor);
    }

    @Override
    @Transactional
    public PostingView reverse(long postingId, String reason, String idempotencyKey, AccessScope scope, Actor actor) {
        long unitId = writer.unitOf(postingId);
        access.require(scope, FeeRules.POST, unitId, "posting", postingId);
        return writer.reverse(postingId, reason, idempotencyKey, writer.today(), actor);
    }

    @Override
    public PostingView posting(long id, AccessScope scope) {
        PostingView p = queries.load(id, false);
        access.requireRead(scope, p.unitId(), "posting", id);
        return p;
    }

    @Override
    public List<PostingView> postingsFor(String sourceType, long sourceId, AccessScope scope) {
        String[] read = scope.paths(FeeRules.READ);
        String[] inspect = scope.paths(FeeRules.INSPECT);
        String[] paths = new String[read.length + inspect.length];
        System.arraycopy(read, 0, paths, 0, read.length);
        System.arraycopy(inspect, 0, paths, read.length, inspect.length);
        if (paths.length == 0 || sourceType == null) {
            return List.of();
        }
        return queries.bySource(sourceType, sourceId, paths);
    }

    @Override
    public PostingPage journal(JournalFilter filter, AccessScope scope) {
        access.requireRead(scope, filter.unitId(), "unit", filter.unitId());
        if (filter.kind() != null && !KINDS.contains(filter.kind())) {
            throw new FinanceRejectedException(new FieldProblem("kind", "finance.kind.unknown"));
        }
        if (filter.from() != null
                && filter.toExclusive() != null
                && !filter.from().isBefore(filter.toExclusive())) {
            throw new FinanceRejectedException(new FieldProblem("to", "finance.period.order"));
        }
        return queries.journal(filter);
    }

    @Override
    public Totals totals(long unitId, LocalDate from, LocalDate toExclusive, AccessScope scope) {
        access.requireRead(scope, unitId, "unit", unitId);
        if (from == null || toExclusive == null || !from.isBefore(toExclusive)) {
            throw new FinanceRejectedException(new FieldProblem("to", "finance.period.order"));
        }
        return queries.totals(unitId, from, toExclusive);
    }
}
