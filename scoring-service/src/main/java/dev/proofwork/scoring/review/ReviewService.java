package dev.proofwork.scoring.review;

import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.SubmittedFile;
import dev.proofwork.runtime.domain.DomainException.Field;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotAllowed;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.security.FileLinks;
import dev.proofwork.scoring.audition.ScoringAudition;
import dev.proofwork.scoring.reviewer.Reviewer;
import dev.proofwork.scoring.review.ReviewTaskRepository.TaskContext;
import dev.proofwork.scoring.reviewer.ReviewerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ReviewService {

    private final ReviewerRepository reviewers;
    private final ReviewTaskRepository tasks;
    private final ReviewSubmissionRepository submissions;
    private final QualityAssurance qa;
    private final ReviewAssigner assigner;
    private final Outbox outbox;
    private final Clock clock;
    private final RevealDelay revealDelay;
    private final FileLinks fileLinks;
    private final String filesBaseUrl;

    ReviewService(ReviewerRepository reviewers, ReviewTaskRepository tasks, ReviewSubmissionRepository submissions,
            QualityAssurance qa, ReviewAssigner assigner, Outbox outbox, Clock clock,
            ReviewSettings settings, FileLinks fileLinks,
            @ConfigProperty(name = "proofwork.files.base-url") String filesBaseUrl) {
        this.revealDelay = new RevealDelay(settings.revealDelay());
        this.fileLinks = fileLinks;
        this.filesBaseUrl = filesBaseUrl;
        this.reviewers = reviewers;
        this.tasks = tasks;
        this.submissions = submissions;
        this.qa = qa;
        this.assigner = assigner;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The caller's open reviews, in an order that says nothing about when the work arrived. A task shows only
     * after a random delay of up to {@code proofwork.reviews.reveal-delay} from its assignment, so that a
     * reviewer cannot match it with a learner who just submitted. An organisation seen in the caller's token
     * is recorded, and work they must not judge goes back to the pool first.
     */
    @WithTransaction
    public Uni<List<QueueItem>> queue(String subject, Optional<String> claimedOrg) {
        Instant now = clock.instant();
        return reviewers.findBySubject(subject).chain(reviewer -> {
            if (reviewer == null) {
                return Uni.createFrom().item(List.<QueueItem> of());
            }
            claimedOrg.ifPresent(reviewer::affiliate);
            return assigner.recuse(reviewer)
                    .chain(() -> tasks.openContexts(reviewer.id()))
                    .map(open -> open.stream()
                            .filter(c -> revealDelay.revealed(c.task().id(), c.task().assignedAt(), now))
                            .map(this::queueItem)
                            .sorted(Comparator.comparing(QueueItem::taskId))
                            .toList());
        });
    }

    /** Pooled tasks that no eligible reviewer could take yet, oldest first, for an operator to staff. */
    @WithSession
    public Uni<List<WaitingTask>> waiting() {
        return assigner.waiting(WaitingTask.LIMIT).chain(pooled -> {
            if (pooled.isEmpty()) {
                return Uni.createFrom().item(List.<WaitingTask> of());
            }
            return submissions.list("id in ?1", pooled.stream().map(ReviewTask::submissionId).distinct().toList())
                    .map(found -> {
                        Map<UUID, ReviewSubmission> byId = found.stream()
                                .collect(Collectors.toMap(ReviewSubmission::id, Function.identity()));
                        return pooled.stream().map(task -> WaitingTask.of(task, byId.get(task.submissionId()))).toList();
                    });
        });
    }

    /**
     * Records one reviewer's verdict on their own task. A regular review is published and lets QA decide
     * whether the submission is scored, needs another review, or waits for others; a gold review only
     * calibrates the reviewer and is never published as learner work.
     */
    @WithTransaction
    public Uni<ReviewTask> submit(String subject, Optional<String> claimedOrg, UUID taskId, ReviewRequest request) {
        Instant now = clock.instant();
        return reviewers.findBySubject(subject).chain(reviewer -> tasks.context(taskId).chain(context -> {
            if (reviewer == null || context == null || !reviewer.id().equals(context.task().reviewerId())) {
                throw new NotFound("review task " + taskId);
            }
            ReviewTask task = context.task();
            if (task.status() == TaskStatus.SUBMITTED) {
                throw new InvalidState("review-already-submitted", "Review already submitted",
                        "this review was already submitted");
            }
            if (task.kind() == TaskKind.APPEAL) {
                throw new Refused("appeal-task", "This task is an appeal",
                        "decide it with POST /api/v1/appeals/" + taskId + "/decision");
            }
            return assigner.conflicts(reviewer, task).chain(conflict -> {
                ScoringAudition audition = context.audition();
                if (conflict || claimedOrg.filter(org -> org.equals(audition.orgId())).isPresent()) {
                    throw new NotAllowed("conflict-of-interest", "Conflict of interest",
                            "you wrote this work or belong to the organisation that posted it; it goes to"
                                    + " another reviewer when you next open your queue");
                }
                if (request.scores() == null || request.scores().isEmpty()) {
                    task.markInvalid(request.invalidReason().strip(), request.comment(), now);
                } else {
                    task.submit(request.scores(), weightedScore(audition.rubric(), request.scores()),
                            request.comment(), now);
                }
                if (task.kind() == TaskKind.GOLD) {
                    return assigner.assignPooled().replaceWith(task);
                }
                Uni<Void> published = task.scored()
                        ? outbox.add(recorded(task, context.submission(), reviewer, now)).replaceWithVoid()
                        : Uni.createFrom().voidItem();
                return published.chain(() -> qa.evaluate(context.submission(), audition))
                        .call(assigner::assignPooled)
                        .replaceWith(task);
            });
        }));
    }

    /** The reviewer gives their task back; it is offered to someone else. */
    @WithTransaction
    public Uni<Void> release(String subject, UUID taskId) {
        return reviewers.findBySubject(subject).chain(reviewer -> tasks.findById(taskId).chain(task -> {
            if (reviewer == null || task == null || !reviewer.id().equals(task.reviewerId())) {
                throw new NotFound("review task " + taskId);
            }
            if (task.status() != TaskStatus.ASSIGNED) {
                throw new InvalidState("review-already-submitted", "Review already submitted",
                        "a submitted review cannot be released");
            }
            return assigner.release(task).call(assigner::assignPooled);
        }));
    }

    /** Σ weight × score / maxScore, on 0..1; refuses a missing, unknown or out-of-range criterion score. */
    public static double weightedScore(List<RubricCriterion> rubric, Map<String, Integer> scores) {
        List<Field> errors = new ArrayList<>();
        double weighted = 0;
        for (RubricCriterion criterion : rubric) {
            Integer score = scores.get(criterion.key());
            if (score == null) {
                errors.add(new Field("scores." + criterion.key(), "is required"));
            } else if (score < 0 || score > criterion.maxScore()) {
                errors.add(new Field("scores." + criterion.key(), "must be between 0 and " + criterion.maxScore()));
            } else {
                weighted += criterion.weight().doubleValue() * score / criterion.maxScore();
            }
        }
        List<String> known = rubric.stream().map(RubricCriterion::key).toList();
        scores.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add(new Field("scores." + key, "is not a criterion of this rubric")));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return weighted;
    }

    private QueueItem queueItem(TaskContext context) {
        ReviewSubmission submission = context.submission();
        QueueItem.AppealItem appeal = context.appeal() == null ? null
                : new QueueItem.AppealItem(context.appeal().reason(), submission.finalScore());
        return new QueueItem(context.task().id(), submission.skill(), context.audition().rubric(), submission.content(),
                submission.links(), QueueItem.FileItem.deliverables(submission.files(), this::downloadLink), appeal);
    }

    /** A link to the file's bytes at audition-service, signed for a short while; audition-service checks it. */
    private String downloadLink(SubmittedFile file, String label) {
        return filesBaseUrl + "/api/v1/files/" + fileLinks.token(file.fileId(), label, clock.instant());
    }

    public static ReviewRecorded recorded(ReviewTask task, ReviewSubmission submission, Reviewer reviewer,
            Instant now) {
        return new ReviewRecorded(task.id(), submission.id(), submission.auditionId(), submission.skill(),
                reviewer.id().toString(), task.scores(), task.weightedScore(), task.adjudication(), task.assignedAt(),
                now);
    }
}
