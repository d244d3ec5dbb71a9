package dev.proofwork.scoring.duplicate;

import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import dev.proofwork.scoring.review.ReviewAssigner;
import dev.proofwork.scoring.review.ReviewSubmission;
import dev.proofwork.scoring.review.ReviewSubmissionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DuplicateFlags {

    private final DuplicateFlagRepository flags;
    private final ReviewSubmissionRepository submissions;
    private final ScoringAuditionRepository auditions;
    private final ReviewAssigner assigner;
    private final Outbox outbox;
    private final Clock clock;

    DuplicateFlags(DuplicateFlagRepository flags, ReviewSubmissionRepository submissions,
            ScoringAuditionRepository auditions, ReviewAssigner assigner, Outbox outbox, Clock clock) {
        this.flags = flags;
        this.submissions = submissions;
        this.auditions = auditions;
        this.assigner = assigner;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Runs in the intake's transaction. */
    public Uni<Void> raise(ReviewSubmission held, DuplicateDetector.Match match) {
        return flags.persist(new DuplicateFlag(held.id(), match.original().id(), match.similarity(), clock.instant()))
                .replaceWithVoid();
    }

    /** A confirmed copy is rejected (never ranked or paid); a cleared one goes to review. */
    @WithTransaction
    public Uni<DuplicateFlag> resolve(UUID submissionId, UUID flagId, DuplicateFlag.Verdict verdict, String operator) {
        Instant now = clock.instant();
        return flags.findById(flagId).chain(flag -> {
            if (flag == null || !flag.submissionId().equals(submissionId)) {
                throw new NotFound("flag " + flagId + " of submission " + submissionId);
            }
            flag.resolve(verdict, operator, now);
            return submissions.findById(submissionId).chain(submission -> verdict == DuplicateFlag.Verdict.DUPLICATE
                    ? reject(submission, flag, now)
                    : auditions.findById(submission.auditionId()).chain(audition -> audition != null && audition.isOpen()
                            ? assigner.startReview(submission, audition.reviewersPerSubmission())
                            : Uni.createFrom().voidItem()))
                    .replaceWith(flag);
        });
    }

    private Uni<Void> reject(ReviewSubmission submission, DuplicateFlag flag, Instant now) {
        submission.reject();
        return outbox.add(new SubmissionRejected(submission.id(), submission.auditionId(),
                "duplicate of an earlier submission", now)).replaceWithVoid();
    }
}
