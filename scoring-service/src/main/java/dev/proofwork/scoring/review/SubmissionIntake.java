package dev.proofwork.scoring.review;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import dev.proofwork.scoring.appeal.LearnerAttempt;
import dev.proofwork.scoring.appeal.LearnerAttemptRepository;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import dev.proofwork.scoring.duplicate.DuplicateDetector;
import dev.proofwork.scoring.duplicate.DuplicateFlags;
import dev.proofwork.scoring.duplicate.MinHash;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Records who holds each attempt (for the learner's own views and appeals, never for reviewers) and takes
 * each received submission into review: held for an operator if it nearly copies an earlier one of
 * its audition, waiting if its audition has not opened here yet, otherwise pooled for its reviewers.
 * "Earlier" is the learners' order of handing in, not the order the events arrive in: after a restart the
 * partitions' backlogs drain in any order, and a copy that arrived first is held when its original turns up.
 */
@ApplicationScoped
public class SubmissionIntake {

    private final EventInbox inbox;
    private final ReviewSubmissionRepository submissions;
    private final ScoringAuditionRepository auditions;
    private final DuplicateDetector detector;
    private final DuplicateFlags flags;
    private final ReviewAssigner assigner;
    private final LearnerAttemptRepository learners;
    private final TransactionLocks locks;
    private final ReviewTaskRepository tasks;
    private final Clock clock;

    SubmissionIntake(EventInbox inbox, ReviewSubmissionRepository submissions, ScoringAuditionRepository auditions,
            DuplicateDetector detector, DuplicateFlags flags, ReviewAssigner assigner, LearnerAttemptRepository learners,
            TransactionLocks locks, ReviewTaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.learners = learners;
        this.locks = locks;
        this.inbox = inbox;
        this.submissions = submissions;
        this.auditions = auditions;
        this.detector = detector;
        this.flags = flags;
        this.assigner = assigner;
    }

    @Incoming(Topics.ATTEMPTS)
    Uni<Void> onAttemptEvent(Message<byte[]> record) {
        return inbox.consume(record, "scoring.submissions", envelope -> switch (envelope.data()) {
            case SeatClaimed claimed -> learners.persist(new LearnerAttempt(claimed.attemptId(), claimed.learnerId()))
                    .replaceWithVoid();
            case SubmissionReceived received -> intake(received);
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> intake(SubmissionReceived received) {
        ReviewSubmission submission = ReviewSubmission.received(received, MinHash.signature(received.content()));
        // the audition may be opening on the other topic right now: one of the two sees the other's row
        return locks.lock("audition", received.auditionId()).chain(() -> submissions.list("auditionId = ?1 and status <> ?2 and gold = false", received.auditionId(),
                        SubmissionStatus.REJECTED)
                .chain(earlier -> submissions.persist(submission).chain(() -> detector.mostSimilar(submission, earlier)
                        .map(match -> match.original().receivedAt().isAfter(submission.receivedAt())
                                ? holdLaterCopy(match.original(), new DuplicateDetector.Match(submission, match.similarity()))
                                : holdAsCopy(submission, match))
                        .orElseGet(() -> review(submission)))));
    }

    private Uni<Void> holdAsCopy(ReviewSubmission copy, DuplicateDetector.Match original) {
        copy.hold();
        return flags.raise(copy, original);
    }

    /**
     * The original arrived after its copy: the copy is held and flagged now, its open review tasks closed,
     * unless it is already scored (then the flag is for an operator to decide), and the original goes to review.
     */
    private Uni<Void> holdLaterCopy(ReviewSubmission copy, DuplicateDetector.Match original) {
        Uni<Void> held = copy.status() == SubmissionStatus.SCORED ? Uni.createFrom().voidItem()
                : tasks.list("submissionId = ?1 and status <> ?2", copy.id(), TaskStatus.SUBMITTED)
                        .invoke(open -> {
                            copy.hold();
                            open.forEach(task -> task.close("held: an earlier submission it nearly copies turned up",
                                    clock.instant()));
                        })
                        .replaceWithVoid();
        return held.chain(() -> flags.raise(copy, original)).chain(() -> review(original.original()));
    }

    private Uni<Void> review(ReviewSubmission submission) {
        return auditions.findById(submission.auditionId()).chain(audition -> audition != null && audition.isOpen()
                ? assigner.startReview(submission, audition.reviewersPerSubmission())
                : Uni.createFrom().voidItem());
    }
}
