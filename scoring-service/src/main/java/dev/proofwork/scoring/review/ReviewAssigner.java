package dev.proofwork.scoring.review;

import dev.proofwork.runtime.persistence.TransactionLocks;
import dev.proofwork.scoring.audition.ScoringAuditionRepository;
import dev.proofwork.scoring.reviewer.Reviewer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Places pooled review tasks with reviewers: qualified for the skill, active, under their capacity, never
 * twice on one submission, never on their own work or on an audition of an organisation they belong to,
 * least loaded first, and preferring, until a submission has one, a reviewer who
 * has reviewed another cohort of the same skill (the bridges that make cohorts comparable). A task no one
 * can take stays pooled and is placed when capacity frees. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ReviewAssigner {

    /**
     * Whether reviewer {@code r} may take a task of skill %1$s on submission %2$s of audition %3$s: qualified,
     * active, under capacity, not already on it nor released from it, not its author, not of the audition's org.
     */
    private static final String ELIGIBLE = """
            r.active
              and jsonb_exists(cast(r.skills as jsonb), %1$s)
              and (select count(*) from review_task t where t.reviewer_id = r.id and t.status = 'ASSIGNED')
                  < r.max_open_reviews
              and not exists (select 1 from review_task t where t.submission_id = %2$s and t.reviewer_id = r.id)
              and not exists (select 1 from task_release x where x.submission_id = %2$s and x.reviewer_id = r.id)
              and not exists (select 1 from submission own join learner_attempt la on la.attempt_id = own.attempt_id
                              where own.id = %2$s and la.learner_id = r.subject)
              and not jsonb_exists(cast(r.affiliations as jsonb),
                                   coalesce((select a.org_id from audition a where a.audition_id = %3$s), ''))""";

    private static final String PICK_REVIEWER = """
            select r.id from reviewer r
            where %s
            order by
              case when not exists (
                       select 1 from review_task mine join review_task other on other.reviewer_id = mine.reviewer_id
                       join submission s on s.id = other.submission_id
                       where mine.submission_id = :submission and s.skill = :skill and s.audition_id <> :audition)
                    and exists (
                       select 1 from review_task other join submission s on s.id = other.submission_id
                       where other.reviewer_id = r.id and s.skill = :skill and s.audition_id <> :audition)
                   then 0 else 1 end,
              (select count(*) from review_task t where t.reviewer_id = r.id and t.status = 'ASSIGNED'),
              r.created_at, r.id
            limit 1""".formatted(ELIGIBLE.formatted(":skill", ":submission", ":audition"));

    /**
     * The oldest pooled tasks someone could take now. Tasks no one can take (a skill without reviewers, an
     * audition whose reviewers all belong to its org) stay pooled without holding up the rest behind them.
     */
    private static final String PLACEABLE = """
            select pooled.id from review_task pooled join submission s on s.id = pooled.submission_id
            where pooled.status = 'POOLED'
              and exists (select 1 from reviewer r where %s)
            order by pooled.created_at, pooled.id
            limit :window""".formatted(ELIGIBLE.formatted("s.skill", "pooled.submission_id", "s.audition_id"));
    /** Pooled tasks tried per placement round, oldest first. */
    private static final int PLACEMENT_WINDOW = 200;

    private static final String ANYONE_HAS_ROOM = """
            select exists (select 1 from reviewer r where r.active
              and (select count(*) from review_task t where t.reviewer_id = r.id and t.status = 'ASSIGNED')
                  < r.max_open_reviews)""";

    /** The reviewer's open tasks that they wrote or that come from an organisation they belong to. */
    private static final String CONFLICTING_TASKS = """
            select t.id from review_task t
            join reviewer r on r.id = t.reviewer_id
            join submission s on s.id = t.submission_id
            left join learner_attempt la on la.attempt_id = s.attempt_id
            left join audition a on a.audition_id = s.audition_id
            where t.reviewer_id = :reviewer and t.status = 'ASSIGNED'
              and (la.learner_id = r.subject or jsonb_exists(cast(r.affiliations as jsonb), coalesce(a.org_id, '')))""";

    /** A gold item of the skill this reviewer has not seen yet. */
    private static final String PICK_GOLD = """
            select s.id from submission s
            where s.gold and s.skill = :skill
              and not exists (select 1 from review_task t where t.submission_id = s.id and t.reviewer_id = :reviewer)
            order by random() limit 1""";

    private static final Comparator<ReviewTask> OLDEST_FIRST = Comparator.comparing(ReviewTask::createdAt)
            .thenComparing(ReviewTask::id);

    private final ReviewTaskRepository tasks;
    private final ReviewSubmissionRepository submissions;
    private final ScoringAuditionRepository auditions;
    private final TransactionLocks locks;
    private final Clock clock;
    private final double goldRate;

    ReviewAssigner(ReviewTaskRepository tasks, ReviewSubmissionRepository submissions,
            ScoringAuditionRepository auditions, TransactionLocks locks, Clock clock,
            @ConfigProperty(name = "proofwork.gold.rate") double goldRate) {
        this.tasks = tasks;
        this.submissions = submissions;
        this.auditions = auditions;
        this.locks = locks;
        this.clock = clock;
        this.goldRate = goldRate;
    }

    /** Opens review for a submission: as many pooled tasks as its audition wants reviewers, then placement. */
    public Uni<Void> startReview(ReviewSubmission submission, int reviewers) {
        submission.inReview();
        Instant now = clock.instant();
        List<ReviewTask> created = IntStream.range(0, reviewers)
                .mapToObj(i -> ReviewTask.pooled(submission.id(), TaskKind.REVIEW, now)).toList();
        return tasks.persist(created).call(this::assignPooled);
    }

    /** One more review of the submission, by a reviewer not yet on it. */
    public Uni<Void> addTask(ReviewSubmission submission, TaskKind kind) {
        return tasks.persist(ReviewTask.pooled(submission.id(), kind, clock.instant())).replaceWithVoid()
                .call(this::assignPooled);
    }

    /** Submissions that arrived before their audition opened here start review now. */
    public Uni<Void> createTasksForWaiting(UUID auditionId) {
        return auditions.findById(auditionId).chain(audition -> submissions
                .list("auditionId = ?1 and status = ?2", auditionId, SubmissionStatus.WAITING_FOR_AUDITION)
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(s -> startReview(s, audition.reviewersPerSubmission()))
                        .collect().last()))
                .replaceWithVoid();
    }

    /** Gives a task back to the pool; its reviewer is not offered that submission again. */
    public Uni<Void> release(ReviewTask task) {
        UUID reviewer = task.reviewerId();
        task.backToPool();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into task_release (submission_id, reviewer_id, released_at) values (:submission, :reviewer, :now)
                        on conflict do nothing""")
                .setParameter("submission", task.submissionId())
                .setParameter("reviewer", reviewer)
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Tasks held longer than the timeout go back to the pool for someone else. */
    @WithTransaction
    public Uni<Integer> releaseOverdue(Duration timeout) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(timeout), ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select id from review_task where status = 'ASSIGNED' and assigned_at < :cutoff", UUID.class)
                        .setParameter("cutoff", cutoff)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReviewTask> of()) : tasks.list("id in ?1", ids))
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(this::release)
                        .collect().last()
                        .call(this::assignPooled)
                        .replaceWith(overdue.size()));
    }

    /**
     * Takes back the reviewer's tasks that they must not judge (assigned before a conflict was known) and
     * never offers those submissions to them again; true if any was taken back.
     */
    public Uni<Boolean> recuse(Reviewer reviewer) {
        return conflictingTasks(reviewer)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReviewTask> of()) : tasks.list("id in ?1", ids))
                .chain(conflicting -> conflicting.isEmpty() ? Uni.createFrom().item(false)
                        : Multi.createFrom().iterable(conflicting)
                                .onItem().transformToUniAndConcatenate(this::release)
                                .collect().last()
                                .call(this::assignPooled)
                                .replaceWith(true));
    }

    /** Whether this task is one the reviewer must not judge. */
    public Uni<Boolean> conflicts(Reviewer reviewer, ReviewTask task) {
        return conflictingTasks(reviewer).map(ids -> ids.contains(task.id()));
    }

    private Uni<List<UUID>> conflictingTasks(Reviewer reviewer) {
        // flushed first, so an affiliation just learned counts
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(CONFLICTING_TASKS, UUID.class)
                        .setParameter("reviewer", reviewer.id())
                        .getResultList()));
    }

    /** Pooled tasks nobody eligible could take yet, oldest first: what an operator must find reviewers for. */
    public Uni<List<ReviewTask>> waiting(int limit) {
        return tasks.find("status = ?1 order by createdAt, id", TaskStatus.POOLED).page(0, limit).list();
    }

    public Uni<Void> releaseAllOf(UUID reviewerId) {
        return tasks.list("reviewerId = ?1 and status = ?2", reviewerId, TaskStatus.ASSIGNED)
                .invoke(open -> open.forEach(ReviewTask::backToPool))
                .call(this::assignPooled)
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> assignPooled() {
        // assignments are serialised per database, so two instances cannot both fill a reviewer's last slot
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> locks.lock("review-assignment", "pool"))
                .chain(this::placeable)
                .chain(pooled -> placeWhileAnyoneHasRoom(pooled.iterator()));
    }

    private Uni<List<ReviewTask>> placeable() {
        return Panache.getSession().chain(session -> session.createNativeQuery(PLACEABLE, UUID.class)
                        .setParameter("window", PLACEMENT_WINDOW).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReviewTask> of()) : tasks.list("id in ?1", ids))
                .map(found -> found.stream().sorted(OLDEST_FIRST).toList());
    }

    /**
     * Places pooled tasks oldest first until no active reviewer has a free slot: after a review frees one slot,
     * one task is placed, not two hundred tried against a full house.
     */
    private Uni<Void> placeWhileAnyoneHasRoom(Iterator<ReviewTask> pooled) {
        if (!pooled.hasNext()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(ANYONE_HAS_ROOM, Boolean.class)
                .getSingleResult())
                .chain(room -> room ? place(pooled.next()).chain(() -> placeWhileAnyoneHasRoom(pooled))
                        : Uni.createFrom().voidItem());
    }

    @Scheduled(every = "${proofwork.reviews.assign-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> assignPooledOnSchedule() {
        return assignPooled();
    }

    private Uni<Void> place(ReviewTask task) {
        return submissions.findById(task.submissionId()).chain(submission -> Panache.getSession()
                .chain(session -> session.createNativeQuery(PICK_REVIEWER, UUID.class)
                        .setParameter("skill", submission.skill())
                        .setParameter("submission", submission.id())
                        .setParameter("audition", submission.auditionId())
                        .getResultList()
                        .chain(picked -> {
                            if (picked.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            task.assignTo(picked.getFirst(), clock.instant());
                            // the next pick must count this assignment
                            return session.flush().call(() -> task.kind() == TaskKind.REVIEW
                                    && ThreadLocalRandom.current().nextDouble() < goldRate
                                            ? mixInGold(picked.getFirst(), submission.skill())
                                            : Uni.createFrom().voidItem());
                        })));
    }

    /** Gives the reviewer a calibration item beside real work; in the queue it looks like any other. */
    private Uni<Void> mixInGold(UUID reviewerId, String skill) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PICK_GOLD, UUID.class)
                .setParameter("skill", skill)
                .setParameter("reviewer", reviewerId)
                .getResultList()
                .chain(gold -> {
                    if (gold.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    ReviewTask task = ReviewTask.pooled(gold.getFirst(), TaskKind.GOLD, clock.instant());
                    task.assignTo(reviewerId, clock.instant());
                    return tasks.persist(task).chain(session::flush);
                }));
    }
}
