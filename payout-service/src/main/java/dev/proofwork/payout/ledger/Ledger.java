package dev.proofwork.payout.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes postings and reads balances. Every method runs in the caller's transaction, so a posting commits
 * exactly with the state change that caused it. The database holds the last line of defence: balances may
 * not go negative, postings must balance, and nothing is ever updated or deleted.
 */
@ApplicationScoped
public class Ledger {

    private static final String INSERT_POSTING = """
            insert into posting (id, idempotency_key, kind, org_id, audition_id, learner_id, memo, posted_at)
            values (:id, :key, :kind, :orgId, :auditionId, :learnerId, :memo, :postedAt)
            on conflict (idempotency_key) do nothing""";
    private static final String INSERT_ENTRY = """
            insert into ledger_entry (posting_id, account, currency, amount_minor)
            values (:postingId, :account, :currency, :amount)""";
    // update first: PostgreSQL checks an upsert's proposed row against the non-negative check before it
    // finds the conflict, so an upsert would refuse any debit to a credit-normal account
    private static final String ADD_TO_BALANCE = """
            update account_balance set balance_minor = balance_minor + :amount
             where account = :account and currency = :currency""";
    private static final String OPEN_BALANCE = """
            insert into account_balance (account, currency, normal_side, balance_minor)
            values (:account, :currency, :side, :amount)""";

    public record OrgBalance(String currency, long availableMinor, long escrowMinor, long receivableMinor) {
    }

    public record CurrencyTotals(String currency, long debitsMinor, long creditsMinor) {
        public long netMinor() {
            return debitsMinor - creditsMinor;
        }
    }

    private final Clock clock;

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** @return the new posting's id, or empty when its idempotency key was posted before (nothing changes) */
    public Uni<Optional<UUID>> post(Posting posting) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_POSTING)
                .setParameter("id", id)
                .setParameter("key", posting.idempotencyKey())
                .setParameter("kind", posting.kind())
                .setParameter("orgId", posting.orgId())
                .setParameter("auditionId", posting.auditionId())
                .setParameter("learnerId", posting.learnerId())
                .setParameter("memo", posting.memo())
                .setParameter("postedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(Optional.<UUID> empty())
                        : Multi.createFrom().iterable(posting.entries())
                                .onItem().transformToUniAndConcatenate(entry -> apply(session, id, posting.currency(), entry))
                                .collect().last()
                                .replaceWith(Optional.of(id))));
    }

    private static Uni<Integer> apply(Mutiny.Session session, UUID postingId, String currency, Posting.Entry entry) {
        return session.createNativeQuery(INSERT_ENTRY)
                .setParameter("postingId", postingId)
                .setParameter("account", entry.account())
                .setParameter("currency", currency)
                .setParameter("amount", entry.amountMinor())
                .executeUpdate()
                .chain(() -> session.createNativeQuery(ADD_TO_BALANCE)
                        .setParameter("account", entry.account())
                        .setParameter("currency", currency)
                        .setParameter("amount", entry.amountMinor())
                        .executeUpdate())
                .chain(updated -> updated > 0 ? Uni.createFrom().item(updated)
                        : session.createNativeQuery(OPEN_BALANCE)
                                .setParameter("account", entry.account())
                                .setParameter("currency", currency)
                                .setParameter("side", (short) Accounts.normalSide(entry.account()))
                                .setParameter("amount", entry.amountMinor())
                                .executeUpdate());
    }

    /** The posting made for a business cause, if any. */
    public Uni<Optional<UUID>> postingFor(String idempotencyKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from posting where idempotency_key = :key", UUID.class)
                .setParameter("key", idempotencyKey)
                .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    /** The balance on the account's normal side: what the account holds, never negative. */
    public Uni<Long> balance(String account, String currency) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select balance_minor * normal_side from account_balance where account = :account and currency = :currency",
                        Long.class)
                .setParameter("account", account)
                .setParameter("currency", currency)
                .getSingleResultOrNull())
                .map(balance -> balance == null ? 0L : balance);
    }

    /** An org's money per currency: spendable, reserved in its auditions' escrow, owed beyond its deposits. */
    @WithSession
    public Uni<List<OrgBalance>> orgBalances(String orgId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select b.currency,
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where b.account = :available), 0),
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where a.audition_id is not null), 0),
                               coalesce(sum(b.balance_minor * b.normal_side) filter (where b.account = :receivable), 0)
                          from account_balance b
                          left join audition_account a on a.org_id = :org and b.account = 'audition:' || a.audition_id || ':escrow'
                         where b.account in (:available, :receivable) or a.audition_id is not null
                         group by b.currency order by b.currency""", Object[].class)
                        .setParameter("org", orgId)
                        .setParameter("available", Accounts.available(orgId))
                        .setParameter("receivable", Accounts.receivable(orgId))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new OrgBalance((String) row[0], ((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                        .toList());
    }

    /** Debits and credits of every entry ever posted, per currency; a healthy ledger nets each to zero. */
    @WithSession
    public Uni<List<CurrencyTotals>> trialBalance() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select currency,
                               coalesce(sum(amount_minor) filter (where amount_minor > 0), 0),
                               coalesce(-sum(amount_minor) filter (where amount_minor < 0), 0)
                          from ledger_entry group by currency order by currency""", Object[].class)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CurrencyTotals((String) row[0], ((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue()))
                        .toList());
    }
}
