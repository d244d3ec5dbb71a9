package dev.proofwork.payout.earning;

import dev.proofwork.payout.escrow.AuditionAccount;
import dev.proofwork.payout.escrow.AuditionAccountRepository;
import dev.proofwork.payout.escrow.BonusSplit;
import dev.proofwork.payout.escrow.EscrowService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Once a closed audition's appeal window has passed, its final scores can no longer move: the bonus pool is
 * split among the top N (an appeal's revision before then already counts) and the rest of the escrow goes
 * back to the employer. Each audition settles in its own transaction, once.
 */
@ApplicationScoped
public class AuditionSettlement {

    private static final Logger LOG = Logger.getLogger(AuditionSettlement.class);
    private static final int BATCH = 50;

    private final AuditionAccountRepository auditions;
    private final EarningSubmissionRepository submissions;
    private final EscrowService escrow;
    private final EarningService earnings;
    private final Clock clock;

    AuditionSettlement(AuditionAccountRepository auditions, EarningSubmissionRepository submissions, EscrowService escrow, EarningService earnings, Clock clock) {
        this.auditions = auditions;
        this.submissions = submissions;
        this.escrow = escrow;
        this.earnings = earnings;
        this.clock = clock;
    }

    @Scheduled(every = "${proofwork.settlement.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> settleDue() {
        return due()
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> settle(id)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "settling audition %s failed; it will be tried again", id);
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    @WithSession
    Uni<List<UUID>> due() {
        return auditions.dueForSettlement(clock.instant(), BATCH);
    }

    /** Under the account's row lock: with two instances ticking, the second finds the audition settled. */
    @WithTransaction
    Uni<Void> settle(UUID auditionId) {
        return auditions.findById(auditionId, LockModeType.PESSIMISTIC_WRITE).chain(audition -> {
            if (audition == null || audition.status() != AuditionAccount.Status.CLOSED) {
                return Uni.createFrom().voidItem();
            }
            return submissions.bonusCandidates(auditionId)
                    .chain(candidates -> payBonus(audition, candidates))
                    .chain(() -> escrow.release(audition, Long.MAX_VALUE, "escrow-release-final:" + auditionId,
                            "escrow left after settling " + audition.title()))
                    .invoke(() -> audition.settled(clock.instant()));
        });
    }

    private Uni<Void> payBonus(AuditionAccount audition, List<EarningSubmission> candidates) {
        var terms = audition.terms();
        BonusSplit.Result split = BonusSplit.split(terms.bonusPoolMinor(), terms.bonusTopN(), candidates.stream()
                .map(s -> new BonusSplit.Candidate(s.submissionId(), s.learnerId(), s.finalScore()))
                .toList());
        return Multi.createFrom().iterable(split.shares())
                .onItem().transformToUniAndConcatenate(share -> submissions.findById(share.submissionId())
                        .chain(submission -> earnings.pay(audition, submission, "bonus", share.amountMinor(),
                                "bonus share of " + audition.title()))
                        .replaceWith(share))
                .collect().last().replaceWithVoid();
    }
}
