package dev.proofwork.payout.escrow;

import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.Money;
import dev.proofwork.payout.billing.Invoices;
import dev.proofwork.payout.billing.PricePlan;
import dev.proofwork.payout.billing.PricePlans;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.payout.ledger.FeeKind;
import dev.proofwork.payout.ledger.Ledger;
import dev.proofwork.payout.ledger.Posting;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * An audition's escrow: reserved whole or not at all when it is published, drawn on by its pay and fees,
 * released in part when it closes (the seats nobody took) and in full once its appeals can no longer move
 * the bonus. Every method runs in the caller's transaction; money moves hold the org's lock, so two
 * movements on one org never both spend the same balance.
 */
@ApplicationScoped
public class EscrowService {

    private static final Logger LOG = Logger.getLogger(EscrowService.class);
    /** Held by every transaction that moves an org's money. */
    public static final String ORG_LOCK = "org-money";

    private final AuditionAccountRepository accounts;
    private final PricePlans plans;
    private final Ledger ledger;
    private final Outbox outbox;
    private final TransactionLocks locks;
    private final Invoices invoices;
    private final Clock clock;
    private final Duration appealWindow;

    EscrowService(AuditionAccountRepository accounts, PricePlans plans, Ledger ledger, Outbox outbox,
            TransactionLocks locks, Invoices invoices, Clock clock,
            @ConfigProperty(name = "proofwork.appeals.window") Duration appealWindow) {
        this.accounts = accounts;
        this.plans = plans;
        this.ledger = ledger;
        this.outbox = outbox;
        this.locks = locks;
        this.invoices = invoices;
        this.clock = clock;
        this.appealWindow = appealWindow;
    }

    /** An audition's escrow as operators see it. */
    @WithSession
    public Uni<AuditionAccount.View> account(UUID auditionId) {
        return accounts.findById(auditionId)
                .onItem().ifNull().failWith(() -> new NotFound("audition account " + auditionId))
                .map(AuditionAccount::view);
    }

    public Uni<Void> drafted(AuditionDrafted drafted) {
        return accounts.findById(drafted.auditionId()).chain(known -> known != null ? Uni.createFrom().voidItem()
                : accounts.persist(new AuditionAccount(drafted.auditionId(), drafted.orgId(), drafted.title(),
                        drafted.skill(), drafted.draftedAt())).replaceWithVoid());
    }

    public Uni<Void> publishRequested(AuditionPublishRequested request) {
        String currency = request.payPerSubmission().currency();
        return locks.lock(ORG_LOCK, request.orgId())
                .chain(() -> accounts.findById(request.auditionId()))
                .chain(account -> {
                    if (account == null) {
                        throw new IllegalStateException("publish requested for audition " + request.auditionId()
                                + ", whose draft this service never saw");
                    }
                    if (account.isFunded()) {
                        LOG.infof("audition %s asked for escrow again; it was funded already", account.auditionId());
                        return Uni.createFrom().voidItem();
                    }
                    return plans.effective(request.orgId(), currency)
                            .chain(plan -> ledger.balance(Accounts.available(request.orgId()), currency)
                                    .chain(available -> reserveOrRefuse(account, request, plan, available)));
                });
    }

    private Uni<Void> reserveOrRefuse(AuditionAccount account, AuditionPublishRequested request, PricePlan plan,
            long availableMinor) {
        EscrowTerms terms = terms(request, plan);
        String currency = terms.currency();
        long required = terms.totalMinor();
        if (plan == null || availableMinor < required) {
            if (plan == null) {
                LOG.warnf("no price plan in %s for %s or by default: audition %s cannot be funded", currency,
                        request.orgId(), request.auditionId());
            }
            long shortfall = plan == null ? required : required - availableMinor;
            account.refused();
            return outbox.add(new EscrowRefused(request.auditionId(), request.orgId(), new Money(required, currency),
                    new Money(availableMinor, currency), new Money(shortfall, currency), clock.instant())).replaceWithVoid();
        }
        Posting reserve = Posting.builder("escrow-reserve:" + request.auditionId(), "escrow-reserve", currency,
                        "escrow for " + account.title() + ": " + terms.seats() + " seats, listing fee")
                .org(request.orgId()).audition(request.auditionId())
                .debit(Accounts.available(request.orgId()), required)
                .credit(Accounts.revenue(FeeKind.LISTING_FEE), terms.listingFeeMinor())
                .credit(Accounts.escrow(request.auditionId()), required - terms.listingFeeMinor())
                .build();
        account.funded(terms);
        return ledger.post(reserve)
                .chain(() -> outbox.add(new EscrowFunded(request.auditionId(), request.orgId(),
                        new Money(required, currency), clock.instant())))
                .replaceWithVoid();
    }

    private static EscrowTerms terms(AuditionPublishRequested request, PricePlan plan) {
        long bonusPool = request.bonus() == null ? 0 : request.bonus().pool().amountMinor();
        int topN = request.bonus() == null ? 0 : request.bonus().topN();
        return new EscrowTerms(request.payPerSubmission().currency(), request.seats(),
                request.payPerSubmission().amountMinor(), request.reviewersPerSubmission(), bonusPool, topN,
                plan == null ? 0 : plan.listingFeeMinor(), plan == null ? 0 : plan.reviewFeeMinor(),
                plan == null ? 0 : plan.commissionBps());
    }

    /** Releases what the seats nobody took had reserved, and bills the audition. */
    public Uni<Void> closed(AuditionClosed closed) {
        return locks.lock(ORG_LOCK, closed.orgId())
                .chain(() -> accounts.findById(closed.auditionId()))
                .chain(account -> {
                    if (account == null || account.status() != AuditionAccount.Status.FUNDED) {
                        LOG.infof("audition %s closed while %s here: no escrow to release", closed.auditionId(),
                                account == null ? "unknown" : account.status());
                        return Uni.createFrom().voidItem();
                    }
                    account.closed(closed.seatsUsed(), closed.closedAt(), closed.closedAt().plus(appealWindow));
                    return release(account, account.terms().unusedSeatsMinor(closed.seatsUsed()),
                            "escrow-release-unused:" + account.auditionId(), "unused seats of " + account.title())
                            .chain(() -> invoices.issueForAudition(account.orgId(), account.auditionId(),
                                    account.currency(), account.title()));
                });
    }

    /** Returns up to {@code amountMinor} of the audition's escrow to its org's available balance. */
    public Uni<Void> release(AuditionAccount account, long amountMinor, String key, String memo) {
        return ledger.balance(Accounts.escrow(account.auditionId()), account.currency()).chain(escrow -> {
            long released = Math.min(escrow, amountMinor);
            if (released <= 0) {
                return Uni.createFrom().voidItem();
            }
            return ledger.post(Posting.builder(key, "escrow-release", account.currency(), memo)
                    .org(account.orgId()).audition(account.auditionId())
                    .debit(Accounts.escrow(account.auditionId()), released)
                    .credit(Accounts.available(account.orgId()), released)
                    .build()).replaceWithVoid();
        });
    }

    /**
     * Pays for something the audition caused: first from its escrow, then from the org's available balance,
     * and what neither covers becomes a receivable the org is invoiced for. Nothing is ever overdrawn.
     *
     * @param credits where the money goes, in posting order
     * @return the posting, or empty if {@code key} was charged before
     */
    public Uni<Optional<UUID>> charge(AuditionAccount account, String key, String kind, String memo, String learnerId,
            Map<String, Long> credits) {
        long total = credits.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        String currency = account.currency();
        return locks.lock(ORG_LOCK, account.orgId())
                .chain(() -> ledger.balance(Accounts.escrow(account.auditionId()), currency))
                .chain(escrow -> ledger.balance(Accounts.available(account.orgId()), currency).chain(available -> {
                    long fromEscrow = Math.min(escrow, total);
                    long fromAvailable = Math.min(available, total - fromEscrow);
                    Posting.Builder posting = Posting.builder(key, kind, currency, memo)
                            .org(account.orgId()).audition(account.auditionId()).learner(learnerId)
                            .debit(Accounts.escrow(account.auditionId()), fromEscrow)
                            .debit(Accounts.available(account.orgId()), fromAvailable)
                            .debit(Accounts.receivable(account.orgId()), total - fromEscrow - fromAvailable);
                    credits.forEach(posting::credit);
                    return posting.isEmpty() ? Uni.createFrom().item(Optional.<UUID> empty()) : ledger.post(posting.build());
                }));
    }

    /** A review fee for each review performed on the audition's submissions. */
    public Uni<Void> reviewRecorded(UUID reviewId, UUID auditionId) {
        return accounts.findById(auditionId).chain(account -> {
            if (account == null || !account.isFunded()) {
                LOG.warnf("review %s is for audition %s, which was never funded here: not billed", reviewId, auditionId);
                return Uni.createFrom().voidItem();
            }
            Map<String, Long> fee = new LinkedHashMap<>();
            fee.put(Accounts.revenue(FeeKind.REVIEW_FEE), account.terms().reviewFeeMinor());
            return charge(account, "review-fee:" + reviewId, "review-fee", "review " + reviewId + " of " + account.title(),
                    null, fee).replaceWithVoid();
        });
    }
}
