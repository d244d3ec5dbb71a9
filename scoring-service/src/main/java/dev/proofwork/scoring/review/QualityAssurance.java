package dev.proofwork.scoring.review;

import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.scoring.audition.ScoringAudition;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import dev.proofwork.scoring.duplicate.DuplicateFlagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decides a submission's result once all its reviews are in: the mean when the reviews agree within the
 * audition's tolerance; otherwise one adjudicating review by someone new, and then the median of all.
 * A single invalid mark also calls for that second opinion; the work is invalid (and unpaid) only when
 * two reviewers, or a reviewer and an operator, say so.
 */
@ApplicationScoped
public class QualityAssurance {

    private final ReviewSubmissionRepository submissions;
    private final ReviewTaskRepository tasks;
    private final ScoringAuditionRepository auditions;
    private final DuplicateFlagRepository flags;
    private final ReviewAssigner assigner;
    private final OperatorDecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;

    QualityAssurance(ReviewSubmissionRepository submissions, ReviewTaskRepository tasks,
            ScoringAuditionRepository auditions, DuplicateFlagRepository flags, ReviewAssigner assigner,
            OperatorDecisionRepository decisions, Outbox outbox, Clock clock) {
        this.submissions = submissions;
        this.tasks = tasks;
        this.auditions = auditions;
        this.flags = flags;
        this.decisions = decisions;
        this.assigner = assigner;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Called in the transaction that recorded a review. The submission's lock makes reviews handed in at the same
     * moment wait for each other, so the later one reads the earlier one committed and the decision is never missed.
     */
    public Uni<Void> evaluate(ReviewSubmission submission, ScoringAudition audition) {
        return submissions.lock(submission).chain(locked -> tasks.list("submissionId = ?1 and kind in ?2", locked.id(),
                List.of(TaskKind.REVIEW, TaskKind.ADJUDICATION))).chain(all -> {
            if (all.stream().anyMatch(task -> task.status() != TaskStatus.SUBMITTED)) {
                return Uni.createFrom().voidItem();
            }
            List<Double> scores = all.stream().filter(ReviewTask::scored).map(ReviewTask::weightedScore).sorted().toList();
            long invalidMarks = all.stream().filter(task -> task.invalidReason() != null).count();
            boolean adjudicated = all.stream().anyMatch(ReviewTask::adjudication);
            if (invalidMarks >= 2) {
                return publish(submission, audition, finalScore(scores, adjudicated), all.size(), false);
            }
            if (!adjudicated && (invalidMarks == 1 || spread(scores) > audition.scoreTolerance().doubleValue())) {
                return assigner.addTask(submission, TaskKind.ADJUDICATION);
            }
            return publish(submission, audition, finalScore(scores, adjudicated), all.size(), true);
        });
    }

    /** A submission's QA case: its reviews, flags and the operators' decisions so far. */
    @WithSession
    public Uni<QaView> caseOf(UUID submissionId) {
        return submission(submissionId).chain(submission -> tasks.list("submissionId = ?1 order by createdAt, id", submissionId)
                .chain(reviews -> flags.list("submissionId", submissionId)
                        .chain(raised -> decisions.forSubmission(submissionId)
                                .map(decided -> QaView.of(submission, reviews, raised, decided)))));
    }

    /**
     * An operator agrees with a reviewer's invalid mark: the work is invalid (its pay is withdrawn), a new
     * result says so, and the decision is kept with who made it and why, for the learner to read.
     */
    @WithTransaction
    public Uni<QaView> confirmInvalid(UUID submissionId, String operator, String reason) {
        return submission(submissionId)
                .chain(submission -> auditions.findById(submission.auditionId())
                        .chain(audition -> recordInvalid(submission, audition, operator, reason)))
                .chain(() -> caseOf(submissionId));
    }

    private Uni<ReviewSubmission> submission(UUID submissionId) {
        return submissions.findById(submissionId).onItem().ifNull().failWith(() -> new NotFound("submission " + submissionId));
    }

    private Uni<Void> recordInvalid(ReviewSubmission submission, ScoringAudition audition, String operator,
            String reason) {
        return tasks.list("submissionId = ?1 and invalidReason is not null", submission.id()).chain(marks -> {
            if (marks.isEmpty() || submission.status() == SubmissionStatus.REJECTED) {
                throw new Refused("no-invalid-mark", "Nothing to agree with",
                        "an operator confirms a reviewer's invalid mark; this submission has none");
            }
            double score = submission.finalScore() == null ? 0 : submission.finalScore().doubleValue();
            return decisions.persist(new OperatorDecision(submission.id(), OperatorDecision.Kind.INVALIDATED,
                    reason.strip(), operator, clock.instant()))
                    .chain(() -> publish(submission, audition, score, submission.reviewCount(), false));
        });
    }

    /** Records a new version of the result and publishes it, superseding any earlier version. */
    public Uni<Void> publish(ReviewSubmission submission, ScoringAudition audition, double score, int reviews,
            boolean valid) {
        Instant now = clock.instant();
        boolean passed = valid && score >= audition.passMark().doubleValue();
        submission.scored(score, reviews, passed, valid, now);
        return outbox.add(new SubmissionScored(submission.id(), submission.auditionId(), submission.skill(),
                submission.scoreVersion(), score, reviews, passed, valid, now)).replaceWithVoid();
    }

    private static double finalScore(List<Double> sorted, boolean adjudicated) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return adjudicated ? median(sorted) : mean(sorted);
    }

    static double spread(List<Double> sorted) {
        return sorted.isEmpty() ? 0 : sorted.getLast() - sorted.getFirst();
    }

    static double mean(List<Double> scores) {
        return scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
