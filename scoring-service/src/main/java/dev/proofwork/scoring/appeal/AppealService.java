package dev.proofwork.scoring.appeal;

import dev.proofwork.runtime.domain.DomainException.Conflict;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.scoring.appeal.AppealRepository.OwnedSubmission;
import dev.proofwork.scoring.review.OperatorDecisionRepository;
import dev.proofwork.scoring.review.QualityAssurance;
import dev.proofwork.scoring.review.ReviewAssigner;
import dev.proofwork.scoring.review.ReviewService;
import dev.proofwork.scoring.review.ReviewSubmission;
import dev.proofwork.scoring.review.ReviewTask;
import dev.proofwork.scoring.review.ReviewTaskRepository;
import dev.proofwork.scoring.review.SubmissionStatus;
import dev.proofwork.scoring.review.TaskKind;
import dev.proofwork.scoring.review.TaskStatus;
import dev.proofwork.scoring.reviewer.ReviewerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class AppealService {

    private final AppealRepository appeals;
    private final ReviewTaskRepository tasks;
    private final ReviewerRepository reviewers;
    private final ReviewAssigner assigner;
    private final QualityAssurance qa;
    private final OperatorDecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration window;

    AppealService(AppealRepository appeals, ReviewTaskRepository tasks, ReviewerRepository reviewers,
            ReviewAssigner assigner, QualityAssurance qa, OperatorDecisionRepository decisions, Outbox outbox,
            Clock clock, @ConfigProperty(name = "proofwork.appeals.window") Duration window) {
        this.decisions = decisions;
        this.appeals = appeals;
        this.tasks = tasks;
        this.reviewers = reviewers;
        this.assigner = assigner;
        this.qa = qa;
        this.outbox = outbox;
        this.clock = clock;
        this.window = window;
    }

    @WithSession
    public Uni<LearnerSubmissionView> view(String learnerId, UUID submissionId) {
        return owned(learnerId, submissionId).chain(owned -> tasks
                .list("submissionId = ?1 and kind in ?2 and status = ?3 order by submittedAt", submissionId,
                        List.of(TaskKind.REVIEW, TaskKind.ADJUDICATION, TaskKind.APPEAL), TaskStatus.SUBMITTED)
                .chain(reviews -> decisions.forSubmission(submissionId).map(decided ->
                        LearnerSubmissionView.of(owned.submission(), owned.appeal(), reviews, decided))));
    }

    /** One appeal per submission, within the window after scoring; it goes to a reviewer new to the work. */
    @WithTransaction
    public Uni<Appeal> appeal(String learnerId, UUID submissionId, AppealRequest request) {
        Instant now = clock.instant();
        return owned(learnerId, submissionId).chain(owned -> {
            ReviewSubmission submission = owned.submission();
            if (submission.status() != SubmissionStatus.SCORED) {
                throw new Refused("not-scored", "Not scored yet",
                        "only a final score can be appealed; this submission is " + submission.status());
            }
            Instant closes = submission.scoredAt().plus(window);
            if (now.isAfter(closes)) {
                throw new InvalidState("appeal-window-closed", "The appeal window has closed",
                        "appeals were open until " + closes).with("appealsClosedAt", closes);
            }
            if (owned.appeal() != null) {
                throw new Conflict("already-appealed", "Already appealed", "a score can be appealed once");
            }
            Appeal appeal = new Appeal(submissionId, learnerId, request.reason().strip(), now);
            // a simultaneous appeal of the same submission loses on its unique key
            return appeals.persistAndFlush(appeal)
                    .onFailure(ConstraintViolationException.class).transform(e -> new Conflict(
                            "already-appealed", "Already appealed", "a score can be appealed once"))
                    .call(() -> assigner.addTask(submission, TaskKind.APPEAL))
                    .replaceWith(appeal);
        });
    }

    /** Upholds, or revises and re-publishes the result as a new version that supersedes the earlier one. */
    @WithTransaction
    public Uni<Appeal> decide(String reviewerSubject, UUID taskId, AppealDecision decision) {
        Instant now = clock.instant();
        return reviewers.findBySubject(reviewerSubject).chain(reviewer -> tasks.context(taskId).chain(context -> {
            if (reviewer == null || context == null || context.task().kind() != TaskKind.APPEAL
                    || !reviewer.id().equals(context.task().reviewerId())) {
                throw new NotFound("appeal task " + taskId);
            }
            ReviewTask task = context.task();
            Appeal appeal = context.appeal();
            if (task.status() == TaskStatus.SUBMITTED) {
                throw new InvalidState("appeal-decided", "Appeal already decided",
                        "this appeal was already decided");
            }
            if (decision.decision() == AppealDecision.Outcome.UPHOLD) {
                task.close(decision.reason(), now);
                appeal.decide(Appeal.Status.UPHELD, decision.reason(), now);
                return Uni.createFrom().item(appeal);
            }
            ReviewSubmission submission = context.submission();
            double revised = ReviewService.weightedScore(context.audition().rubric(), decision.scores());
            task.submit(decision.scores(), revised, decision.reason(), now);
            appeal.decide(Appeal.Status.REVISED, decision.reason(), now);
            return outbox.add(ReviewService.recorded(task, submission, reviewer, now))
                    .chain(() -> qa.publish(submission, context.audition(), revised, submission.reviewCount() + 1,
                            Boolean.TRUE.equals(submission.valid())))
                    .replaceWith(appeal);
        }));
    }

    private Uni<OwnedSubmission> owned(String learnerId, UUID submissionId) {
        return appeals.owned(learnerId, submissionId)
                .onItem().ifNull().failWith(() -> new NotFound("submission " + submissionId));
    }
}
