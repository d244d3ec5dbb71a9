package dev.proofwork.ranking.facets;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.ranking.cohort.CohortRepository;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.DecayPolicy;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.ranking.model.ModelSettings;
import dev.proofwork.ranking.model.Priors;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Feeds reviews into the facets model. Every method runs inside the consuming transaction, so a review's
 * effect on the model and its ranking-updated event commit together, once.
 */
@ApplicationScoped
public class RankingService {

    private final FacetRepository facets;
    private final Repositories.Observations observations;
    private final Repositories.SubmissionAuthors authors;
    private final Repositories.LearnerAttempts attempts;
    private final Repositories.ScoreChanges changes;
    private final CohortRepository cohorts;
    private final Connectivity connectivity;
    private final Leaderboard leaderboard;
    private final Outbox outbox;
    private final TransactionLocks locks;
    private final Clock clock;
    private final FacetModel model;
    private final DecayPolicy decay;

    RankingService(FacetRepository facets, Repositories.Observations observations,
            Repositories.SubmissionAuthors authors, Repositories.LearnerAttempts attempts,
            Repositories.ScoreChanges changes, CohortRepository cohorts, Connectivity connectivity,
            Leaderboard leaderboard, Outbox outbox, TransactionLocks locks, Clock clock,
            ModelSettings settings,
            DecayPolicy decay) {
        this.facets = facets;
        this.observations = observations;
        this.authors = authors;
        this.attempts = attempts;
        this.changes = changes;
        this.cohorts = cohorts;
        this.connectivity = connectivity;
        this.leaderboard = leaderboard;
        this.outbox = outbox;
        this.locks = locks;
        this.clock = clock;
        this.model = new FacetModel(settings.noiseSigma());
        this.decay = decay;
    }

    public Uni<Void> seatClaimed(SeatClaimed claimed) {
        return attempts.persist(new Authorship.LearnerAttempt(claimed.attemptId(), claimed.learnerId())).replaceWithVoid();
    }

    /** Learns the author, then applies any review that arrived first (reviews travel on another topic). */
    public Uni<Void> submissionReceived(SubmissionReceived received) {
        return locks.lock("submission", received.submissionId())
                .chain(() -> attempts.findById(received.attemptId()))
                .chain(attempt -> {
            if (attempt == null) {
                throw new IllegalStateException("seat claim of attempt " + received.attemptId() + " not seen yet");
            }
            var author = new Authorship.SubmissionAuthor(received.submissionId(), attempt.learnerId,
                    received.auditionId());
            return authors.persist(author)
                    .chain(() -> observations.list("submissionId = ?1 and appliedAt is null", received.submissionId()))
                    .chain(pending -> Multi.createFrom().iterable(pending)
                            .onItem().transformToUniAndConcatenate(observation -> apply(observation, author.learnerId()))
                            .collect().last())
                    .replaceWithVoid();
        });
    }

    public Uni<Void> reviewRecorded(ReviewRecorded review) {
        ReviewObservation observation = new ReviewObservation(review);
        // the author may be arriving on the other topic right now: one of the two sees the other's row
        return locks.lock("submission", review.submissionId())
                .chain(() -> observations.persist(observation))
                .chain(() -> authors.findById(review.submissionId()))
                .chain(author -> author == null ? Uni.createFrom().voidItem() : apply(observation, author.learnerId()));
    }

    private Uni<Void> apply(ReviewObservation observation, String learnerId) {
        String skill = observation.skill();
        Instant at = observation.observedAt();
        String reviewerId = observation.reviewerId();
        // a refit writing this skill waits for this update, or this update for the refit: never both at once
        return locks.lockShared(Refit.WRITING, skill).chain(() -> scoreRead(observation))
                .chain(score -> facet(skill, FacetKind.TASK, observation.taskId().toString(), Priors.TASK, at)
                .chain(task -> learner(skill, learnerId, task, at)
                        .chain(learner -> facet(skill, FacetKind.REVIEWER, reviewerId, Priors.REVIEWER, at)
                                .chain(reviewer -> {
                                    double gamma = decay.gamma(skill);
                                    Belief before = learner.beliefAt(at, gamma);
                                    FacetModel.Update update = model.observe(before, learner.placement(),
                                            task.beliefAt(at, gamma), reviewer.beliefAt(at, gamma), score,
                                            reviewer.estimatedNoise());
                                    learner.update(update.ability(), at);
                                    task.update(update.difficulty(), at);
                                    reviewer.update(update.severity(), at);
                                    observation.applied(clock.instant());
                                    return changes.persist(ScoreChange.review(observation.reviewId(), learner.id(), at,
                                            observation.taskId(), before, update.ability()))
                                            // facets are written before the link may wait its turn to merge
                                            // components, so no transaction waits for a facet while holding it
                                            .chain(facets::flush)
                                            .chain(() -> connectivity.link(skill, learnerId, observation.taskId().toString(),
                                            reviewerId))
                                            .chain(() -> announce(learner, update.ability()))
                                            .chain(() -> observations.countApplied(observation));
                                }))));
    }

    /** The review's criteria as the last refit weighed them for its task, or else the rubric's weighted score. */
    private Uni<Double> scoreRead(ReviewObservation observation) {
        return cohorts.findById(observation.taskId()).map(cohort -> cohort == null ? observation.score()
                : cohort.scoreRead(observation.criterionScores()).orElse(observation.score()));
    }

    private Uni<Void> announce(Facet learner, Belief ability) {
        String skill = learner.id().skill();
        String learnerId = learner.id().key();
        return leaderboard.percentile(skill, learner)
                .chain(percentile -> connectivity.comparable(skill, learnerId)
                        .chain(comparable -> outbox.add(new RankingUpdated(learnerId, skill,
                                dev.proofwork.ranking.model.PublishedScore.of(ability), ability.mean(), ability.sigma(),
                                percentile, comparable, clock.instant()))))
                .replaceWithVoid();
    }

    /**
     * A learner new to the skill starts where the last refit put the takers of this, their first task, as unsure
     * of them as that refit was, or as unsure as the task's difficulty hides of a cohort no refit has placed.
     */
    private Uni<Facet> learner(String skill, String learnerId, Facet task, Instant at) {
        FacetId id = new FacetId(skill, FacetKind.LEARNER, learnerId);
        return facets.findById(id).chain(found -> found != null ? Uni.createFrom().item(found)
                : facets.findById(new FacetId(skill, FacetKind.TAKERS, task.id().key())).chain(placed -> {
                    Belief takers = placed == null ? null : placed.beliefAt(at, 0);
                    Belief difficulty = task.beliefAt(at, 0);
                    return facets.persist(Facet.prior(id, Priors.newLearner(takers, difficulty),
                            Priors.placement(takers, difficulty), at));
                }));
    }

    private Uni<Facet> facet(String skill, FacetKind kind, String key, Belief prior, Instant at) {
        FacetId id = new FacetId(skill, kind, key);
        return facets.findById(id).chain(found -> found != null ? Uni.createFrom().item(found)
                : facets.persist(Facet.prior(id, prior, at)));
    }
}
