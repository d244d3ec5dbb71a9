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
import dev.proofwork.payout.payout.Payables;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final AuditionAccountRepository auditions;
    private final EscrowService escrow;
    private final Payables payables;
    private final TransactionLocks locks;

    EarningService(AuditionAccountRepository auditions, EscrowService escrow, Payables payables, TransactionLocks locks) {
        this.auditions = auditions;
        this.escrow = escrow;
        this.payables = payables;
        this.locks = locks;
    }

    public Uni<Void> seatClaimed(SeatClaimed claimed) {
        return Attempt.<Attempt> findById(claimed.attemptId()).chain(known -> known != null ? Uni.createFrom().voidItem()
                : new Attempt(claimed.attemptId(), claimed.auditionId(), claimed.learnerId()).persist().replaceWithVoid());
    }

    public Uni<Void> received(SubmissionReceived received) {
        return Attempt.<Attempt> findById(received.attemptId()).chain(attempt -> {
            if (attempt == null) {
                throw new IllegalStateException("submission " + received.submissionId() + " is for attempt "
                        + received.attemptId() + ", whose seat claim this service never saw");
            }
            return update(received.submissionId(), received.auditionId(),
                    submission -> submission.received(attempt.learnerId, received.receivedAt()));
        });
    }

    public Uni<Void> scored(SubmissionScored scored) {
        return update(scored.submissionId(), scored.auditionId(), submission -> {
            submission.scored(scored.version(), scored.finalScore(), scored.valid());
            if (submission.basePaid && !scored.valid()) {
                LOG.warnf("submission %s was paid, then found invalid in version %d: left for an operator",
                        scored.submissionId(), scored.version());
            }
        });
    }

    public Uni<Void> rejected(SubmissionRejected rejected) {
        return update(rejected.submissionId(), rejected.auditionId(), EarningSubmission::rejected);
    }

    private Uni<Void> update(UUID submissionId, UUID auditionId, Consumer<EarningSubmission> change) {
        return locks.lock(SUBMISSION_LOCK, submissionId)
                .chain(() -> EarningSubmission.<EarningSubmission> findById(submissionId))
                .chain(found -> {
                    EarningSubmission submission = found != null ? found : new EarningSubmission(submissionId, auditionId);
                    change.accept(submission);
                    return submission.<EarningSubmission> persist();
                })
                .chain(submission -> submission.duePay() ? payBase(submission) : Uni.createFrom().voidItem());
    }

    private Uni<Void> payBase(EarningSubmission submission) {
        return auditions.findById(submission.auditionId).chain(audition -> {
            if (audition == null || !audition.isFunded()) {
                throw new IllegalStateException("submission " + submission.submissionId + " is for audition "
                        + submission.auditionId + ", which was never funded here");
            }
            long pay = audition.terms().payMinor();
            return pay(audition, submission, "base-pay", pay, "base pay for a submission to " + audition.title())
                    .invoke(submission::paid);
        });
    }

    /** Moves {@code amountMinor} to the learner's payable, with the employer's commission on it. */
    Uni<Void> pay(AuditionAccount audition, EarningSubmission submission, String kind, long amountMinor, String memo) {
        Map<String, Long> credits = new LinkedHashMap<>();
        credits.put(Accounts.payable(submission.learnerId), amountMinor);
        credits.put(Accounts.revenue(FeeKind.COMMISSION), audition.terms().commissionOn(amountMinor));
        return escrow.charge(audition, kind + ":" + submission.submissionId, kind, memo, submission.learnerId, credits)
                .chain(posting -> posting.isEmpty() ? Uni.createFrom().voidItem()
                        : payables.accrue(submission.learnerId, posting.get(), kind, audition.auditionId(),
                                audition.currency(), amountMinor));
    }
}
