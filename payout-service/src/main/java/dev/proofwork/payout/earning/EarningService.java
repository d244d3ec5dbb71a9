package dev.proofwork.payout.earning;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.payout.escrow.AuditionAccount;
import dev.proofwork.payout.escrow.AuditionAccountRepository;
import dev.proofwork.payout.escrow.EscrowService;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.payout.ledger.FeeKind;
import dev.proofwork.payout.ledger.Ledger;
import dev.proofwork.payout.ledger.Posting;
import dev.proofwork.payout.transfer.Payables;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Base pay: every valid, on-time submission earns the audition's pay whatever its score. A submission's
 * receipt (who made it) and its score arrive on different topics in either order, so each side takes the
 * submission's lock and pays when it finds the other side already there. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class EarningService {

    private static final Logger LOG = Logger.getLogger(EarningService.class);
    private static final String SUBMISSION_LOCK = "payout-submission";

    private final AttemptRepository attempts;
    private final EarningSubmissionRepository submissions;
    private final AuditionAccountRepository auditions;
    private final EscrowService escrow;
    private final Payables payables;
    private final TransactionLocks locks;
    private final Ledger ledger;

    EarningService(AttemptRepository attempts, EarningSubmissionRepository submissions,
            AuditionAccountRepository auditions, EscrowService escrow, Payables payables, TransactionLocks locks,
            Ledger ledger) {
        this.attempts = attempts;
        this.submissions = submissions;
        this.auditions = auditions;
        this.escrow = escrow;
        this.payables = payables;
        this.locks = locks;
        this.ledger = ledger;
    }

    public Uni<Void> seatClaimed(SeatClaimed claimed) {
        return attempts.findById(claimed.attemptId()).chain(known -> known != null ? Uni.createFrom().voidItem()
                : attempts.persist(new Attempt(claimed.attemptId(), claimed.auditionId(), claimed.learnerId()))
                        .replaceWithVoid());
    }

    public Uni<Void> received(SubmissionReceived received) {
        return attempts.findById(received.attemptId()).chain(attempt -> {
            if (attempt == null) {
                throw new IllegalStateException("submission " + received.submissionId() + " is for attempt "
                        + received.attemptId() + ", whose seat claim this service never saw");
            }
            return update(received.submissionId(), received.auditionId(),
                    submission -> submission.received(attempt.learnerId(), received.receivedAt()));
        });
    }

    public Uni<Void> scored(SubmissionScored scored) {
        return update(scored.submissionId(), scored.auditionId(),
                submission -> submission.scored(scored.version(), scored.finalScore(), scored.valid()));
    }

    public Uni<Void> rejected(SubmissionRejected rejected) {
        return update(rejected.submissionId(), rejected.auditionId(), EarningSubmission::rejected);
    }

    private Uni<Void> update(UUID submissionId, UUID auditionId, Consumer<EarningSubmission> change) {
        return locks.lock(SUBMISSION_LOCK, submissionId)
                .chain(() -> submissions.findById(submissionId))
                .chain(found -> {
                    EarningSubmission submission = found != null ? found : new EarningSubmission(submissionId, auditionId);
                    change.accept(submission);
                    return submissions.persist(submission);
                })
                .chain(submission -> submission.duePay() ? payBase(submission)
                        : submission.paidButInvalid() ? cancelBasePay(submission)
                        : Uni.createFrom().voidItem());
    }

    /**
     * Work found invalid after it was paid (an operator agreed with an invalid mark): the pay and its
     * commission go back to the audition's escrow, or to the org once the audition has settled, provided
     * the money has not left yet; otherwise it is left for an operator.
     */
    private Uni<Void> cancelBasePay(EarningSubmission submission) {
        return ledger.postingFor("base-pay-cancelled:" + submission.submissionId()).chain(done -> done.isPresent()
                ? Uni.createFrom().voidItem() : cancelUnlessSent(submission));
    }

    private Uni<Void> cancelUnlessSent(EarningSubmission submission) {
        return ledger.postingFor("base-pay:" + submission.submissionId())
                .chain(posting -> posting.isEmpty() ? Uni.createFrom().item(Optional.<Long> empty())
                        : payables.cancel(posting.get()))
                .chain(cancelled -> {
                    if (cancelled.isEmpty()) {
                        LOG.warnf("submission %s was found invalid after its pay left for the learner: left for an operator",
                                submission.submissionId());
                        return Uni.createFrom().voidItem();
                    }
                    return auditions.findById(submission.auditionId()).chain(audition -> refund(audition, submission, cancelled.get()));
                });
    }

    private Uni<Void> refund(AuditionAccount audition, EarningSubmission submission, long payMinor) {
        long commission = audition.terms().commissionOn(payMinor);
        String refundTo = audition.status() == AuditionAccount.Status.SETTLED
                ? Accounts.available(audition.orgId()) : Accounts.escrow(audition.auditionId());
        return locks.lock(EscrowService.ORG_LOCK, audition.orgId())
                .chain(() -> ledger.post(Posting.builder("base-pay-cancelled:" + submission.submissionId(), "base-pay-cancelled",
                                audition.currency(), "pay cancelled: the work was found invalid")
                        .org(audition.orgId()).audition(audition.auditionId()).learner(submission.learnerId())
                        .debit(Accounts.payable(submission.learnerId()), payMinor)
                        .debit(Accounts.revenue(FeeKind.COMMISSION), commission)
                        .credit(refundTo, payMinor + commission)
                        .build()))
                .replaceWithVoid();
    }

    private Uni<Void> payBase(EarningSubmission submission) {
        return auditions.findById(submission.auditionId()).chain(audition -> {
            if (audition == null || !audition.isFunded()) {
                throw new IllegalStateException("submission " + submission.submissionId() + " is for audition "
                        + submission.auditionId() + ", which was never funded here");
            }
            long pay = audition.terms().payMinor();
            return pay(audition, submission, "base-pay", pay, "base pay for a submission to " + audition.title())
                    .invoke(submission::paid);
        });
    }

    /** Moves {@code amountMinor} to the learner's payable, with the employer's commission on it. */
    Uni<Void> pay(AuditionAccount audition, EarningSubmission submission, String kind, long amountMinor, String memo) {
        Map<String, Long> credits = new LinkedHashMap<>();
        credits.put(Accounts.payable(submission.learnerId()), amountMinor);
        credits.put(Accounts.revenue(FeeKind.COMMISSION), audition.terms().commissionOn(amountMinor));
        return escrow.charge(audition, kind + ":" + submission.submissionId(), kind, memo, submission.learnerId(), credits)
                .chain(posting -> posting.isEmpty() ? Uni.createFrom().voidItem()
                        : payables.accrue(submission.learnerId(), posting.get(), kind, audition.auditionId(),
                                audition.currency(), amountMinor));
    }
}
