package dev.proofwork.scoring.review;

import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.scoring.audition.ScoringAudition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Decides a submission's final score once all its reviews are in: the mean when the reviews agree within
 * the audition's tolerance; otherwise one adjudicating review by someone new, and then the median of all.
 */
@ApplicationScoped
public class QualityAssurance {

    private final ReviewTaskRepository tasks;
    private final ReviewAssigner assigner;
    private final Outbox outbox;
    private final Clock clock;

    QualityAssurance(ReviewTaskRepository tasks, ReviewAssigner assigner, Outbox outbox, Clock clock) {
        this.tasks = tasks;
        this.assigner = assigner;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> evaluate(ReviewSubmission submission, ScoringAudition audition) {
        return tasks.list("submissionId", submission.id()).chain(all -> {
            if (all.stream().anyMatch(task -> task.status() != TaskStatus.SUBMITTED)) {
                return Uni.createFrom().voidItem();
            }
            List<Double> scores = all.stream().map(ReviewTask::weightedScore).sorted().toList();
            boolean adjudicated = all.stream().anyMatch(ReviewTask::adjudication);
            if (!adjudicated && spread(scores) > audition.scoreTolerance().doubleValue()) {
                return assigner.addAdjudication(submission);
            }
            double finalScore = adjudicated ? median(scores) : mean(scores);
            Instant now = clock.instant();
            submission.scored(finalScore, scores.size(), now);
            return outbox.add(new SubmissionScored(submission.id(), submission.auditionId(), submission.skill(), 1,
                    finalScore, scores.size(), finalScore >= audition.passMark().doubleValue(), true, now))
                    .replaceWithVoid();
        });
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
