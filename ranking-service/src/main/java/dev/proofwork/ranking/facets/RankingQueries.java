package dev.proofwork.ranking.facets;

import dev.proofwork.ranking.cohort.Cohort;
import dev.proofwork.ranking.cohort.CohortRepository;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.DecayPolicy;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.ranking.model.ModelSettings;
import dev.proofwork.ranking.model.Priors;
import dev.proofwork.ranking.model.PublishedScore;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Pseudonyms;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads of the model for people: cohorts, leaderboards, a learner's own skills and their fit for a task. */
@ApplicationScoped
public class RankingQueries {

    private final FacetRepository facets;
    private final Repositories.SubmissionAuthors authors;
    private final Repositories.ScoreChanges changes;
    private final CohortRepository cohorts;
    private final Leaderboard leaderboard;
    private final Connectivity connectivity;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final FacetModel model;
    private final DecayPolicy decay;
    private final int proofThreshold;
    private final Duration maxProofValidity;

    RankingQueries(FacetRepository facets, Repositories.SubmissionAuthors authors, Repositories.ScoreChanges changes,
            CohortRepository cohorts,
            Leaderboard leaderboard, Connectivity connectivity, Pseudonyms pseudonyms, Clock clock,
            ModelSettings settings,
            DecayPolicy decay,
            @ConfigProperty(name = "proofwork.proofs.threshold") int proofThreshold,
            @ConfigProperty(name = "proofwork.proofs.max-validity") Duration maxProofValidity) {
        this.facets = facets;
        this.authors = authors;
        this.changes = changes;
        this.cohorts = cohorts;
        this.leaderboard = leaderboard;
        this.connectivity = connectivity;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.model = new FacetModel(settings.noiseSigma());
        this.decay = decay;
        this.proofThreshold = proofThreshold;
        this.maxProofValidity = maxProofValidity;
    }

    /**
     * How the model sees a reviewer in each skill they reviewed: severity, and their noise as the last refit
     * estimated it, flagged erratic at twice the variance of the skill's median reviewer.
     */
    @WithSession
    public Uni<List<RankingViews.ReviewerModel>> reviewer(String reviewerId) {
        return facets.list("id.kind = ?1 and id.key = ?2 order by id.skill", FacetKind.REVIEWER, reviewerId)
                .chain(mine -> mine.isEmpty() ? Uni.createFrom().item(List.<RankingViews.ReviewerModel>of())
                        : facets.list("id.kind = ?1 and id.skill in ?2", FacetKind.REVIEWER,
                                mine.stream().map(f -> f.id().skill()).toList())
                                .map(all -> mine.stream().map(facet -> reviewerModel(facet, all)).toList()));
    }

    private RankingViews.ReviewerModel reviewerModel(Facet reviewer, List<Facet> all) {
        double[] noises = all.stream()
                .filter(f -> f.id().skill().equals(reviewer.id().skill()) && f.estimatedNoise() != null)
                .mapToDouble(Facet::estimatedNoise).sorted().toArray();
        Double noise = reviewer.estimatedNoise();
        boolean erratic = noise != null && noises.length >= 3 && noise >= 2 * noises[noises.length / 2];
        Belief severity = reviewer.beliefAt(clock.instant(), decay.gamma(reviewer.id().skill()));
        return new RankingViews.ReviewerModel(reviewer.id().skill(), severity.mean(), severity.sigma(),
                noise == null ? null : Math.sqrt(noise), reviewer.evidence(), erratic);
    }

    /** A cohort as operators see it: whose audition it is and in which skill. */
    @WithSession
    public Uni<Cohort.View> cohortView(UUID auditionId) {
        return cohorts.findById(auditionId)
                .onItem().ifNull().failWith(() -> new NotFound("cohort " + auditionId))
                .map(Cohort::view);
    }

    /** The audition's learners ranked by their current score in its skill, for its own employer or an operator. */
    @WithSession
    public Uni<Page<RankingViews.CohortEntry>> cohort(UUID auditionId, String orgId, int page, int size) {
        Instant now = clock.instant();
        return cohorts.findById(auditionId).chain(cohort -> {
            if (cohort == null || (orgId != null && !orgId.equals(cohort.orgId()))) {
                throw new NotFound("audition " + auditionId);
            }
            String skill = cohort.skill();
            // a fixed number of reads however many seats and however large the skill: the members' facets, the
            // skill's score distribution, which members are comparable; then one page of them
            return authors.list("auditionId", auditionId)
                    .map(members -> members.stream().map(member -> member.learnerId()).distinct().toList())
                    .chain(members -> members.isEmpty() ? Uni.createFrom().item(List.<Facet> of())
                            : facets.list("id.skill = ?1 and id.kind = ?2 and id.key in ?3", skill, FacetKind.LEARNER,
                                    members))
                    .chain(found -> leaderboard.distribution(skill).chain(scores -> connectivity
                            .comparableAmong(skill, found.stream().map(facet -> facet.id().key()).toList())
                            .map(comparable -> ranked(found.stream().map(facet -> entry(auditionId, skill, facet, now,
                                    scores, comparable.contains(facet.id().key()))).toList(), page, size))));
        });
    }

    @WithSession
    public Uni<Page<RankingViews.LeaderboardEntry>> skill(String skill, int page, int size) {
        Instant now = clock.instant();
        AtomicInteger rank = new AtomicInteger(page * size);
        return connectivity.largestRoot(skill).chain(root -> root == null
                ? Uni.createFrom().item(new Page<RankingViews.LeaderboardEntry>(List.of(), page, size, 0))
                : leaderboard.page(skill, root, page, size).chain(found -> connectivity.learnersIn(skill, root)
                        .map(total -> new Page<>(found.stream().map(facet -> {
                            Belief belief = facet.beliefAt(now, decay.gamma(skill));
                            return new RankingViews.LeaderboardEntry(rank.incrementAndGet(),
                                    pseudonyms.handle(skill, facet.id().key()), PublishedScore.of(belief), belief.sigma(),
                                    facet.evidence());
                        }).toList(), page, size, total))));
    }

    @WithSession
    public Uni<List<RankingViews.MySkill>> mine(String learnerId) {
        Instant now = clock.instant();
        return facets.list("id.kind = ?1 and id.key = ?2", FacetKind.LEARNER, learnerId)
                .chain(own -> Multi.createFrom().iterable(own)
                        .onItem().transformToUniAndConcatenate(facet -> mySkill(facet, now))
                        .collect().asList());
    }

    /**
     * The chance a learner's work passes QA on this audition, from their ability and the task's difficulty;
     * only for an audition open to learners, so a draft's existence does not leak.
     */
    @WithSession
    public Uni<RankingViews.Fit> fit(UUID auditionId, String learnerId) {
        Instant now = clock.instant();
        return cohorts.findById(auditionId).chain(cohort -> {
            if (cohort == null || !cohort.openToLearners()) {
                throw new NotFound("audition " + auditionId);
            }
            return facets.findById(new FacetId(cohort.skill(), FacetKind.LEARNER, learnerId))
                    .chain(learner -> facets.findById(new FacetId(cohort.skill(), FacetKind.TASK, auditionId.toString()))
                            .map(task -> fit(cohort.skill(), learner, task, now)));
        });
    }

    /**
     * The fits of a page of auditions in three queries, for a list a learner browses; auditions that are not
     * open are left out, as {@link #fit} would answer 404 for them.
     */
    @WithSession
    public Uni<List<RankingViews.AuditionFit>> fits(List<UUID> auditionIds, String learnerId) {
        Instant now = clock.instant();
        return cohorts.list("auditionId in ?1", auditionIds).chain(found -> {
            List<Cohort> open = found.stream().filter(Cohort::openToLearners).toList();
            if (open.isEmpty()) {
                return Uni.createFrom().item(List.<RankingViews.AuditionFit> of());
            }
            return facets.list("id.skill in ?1 and ((id.kind = ?2 and id.key = ?3) or (id.kind = ?4 and id.key in ?5))",
                    open.stream().map(Cohort::skill).distinct().toList(), FacetKind.LEARNER, learnerId, FacetKind.TASK,
                    open.stream().map(cohort -> cohort.auditionId().toString()).toList()).map(rows -> {
                        Map<FacetId, Facet> byId = rows.stream().collect(Collectors.toMap(Facet::id, facet -> facet));
                        return open.stream().map(cohort -> new RankingViews.AuditionFit(cohort.auditionId(),
                                fit(cohort.skill(), byId.get(new FacetId(cohort.skill(), FacetKind.LEARNER, learnerId)),
                                        byId.get(new FacetId(cohort.skill(), FacetKind.TASK,
                                                cohort.auditionId().toString())), now))).toList();
                    });
        });
    }

    private RankingViews.Fit fit(String skill, Facet learner, Facet task, Instant now) {
        double gamma = decay.gamma(skill);
        Belief ability = learner == null ? Priors.LEARNER : learner.beliefAt(now, gamma);
        Belief difficulty = task == null ? Priors.TASK : task.beliefAt(now, gamma);
        return new RankingViews.Fit(skill, model.passProbability(ability, difficulty, 0.5),
                Math.sqrt(ability.variance() + difficulty.variance()), learner == null ? 0 : learner.evidence());
    }

    /** The refusal for a learner who asks about a skill none of their work has been reviewed in. */
    public static NotFound noWorkIn(String skill) {
        return new NotFound("not-found", "Not found", "you have no reviewed work in skill " + skill + " yet");
    }

    /** Every move of a learner's score in a skill, oldest first, and its decay from now until the proof lapses. */
    @WithSession
    public Uni<RankingViews.SkillHistory> history(String learnerId, String skill) {
        Instant now = clock.instant();
        return facets.findById(new FacetId(skill, FacetKind.LEARNER, learnerId)).chain(facet -> {
            if (facet == null) {
                throw noWorkIn(skill);
            }
            return changes.list("learnerId = ?1 and skill = ?2 order by changedAt, id", learnerId, skill)
                    .chain(moves -> mySkill(facet, now).map(current -> new RankingViews.SkillHistory(current,
                            moves.stream().map(ScoreChange::view).toList(), decay(facet, now, current.proofValidUntil()))));
        });
    }

    /** Eight steps of the published score from now to the proof's lapse (at least a month ahead). */
    private List<RankingViews.ProjectedScore> decay(Facet facet, Instant now, Instant lapse) {
        double gamma = decay.gamma(facet.id().skill());
        Duration horizon = Duration.between(now, lapse).compareTo(Duration.ofDays(30)) < 0 ? Duration.ofDays(30)
                : Duration.between(now, lapse);
        List<RankingViews.ProjectedScore> points = new ArrayList<>();
        for (int step = 0; step <= 8; step++) {
            Instant at = now.plus(horizon.multipliedBy(step).dividedBy(8));
            points.add(new RankingViews.ProjectedScore(at, PublishedScore.of(facet.beliefAt(at, gamma))));
        }
        return points;
    }

    public Uni<RankingViews.MySkill> mySkill(Facet facet, Instant now) {
        double gamma = decay.gamma(facet.id().skill());
        Belief belief = facet.beliefAt(now, gamma);
        double days = Math.min(PublishedScore.daysAboveThreshold(belief, gamma, proofThreshold),
                maxProofValidity.toDays());
        Instant validUntil = now.plusSeconds((long) (days * 86_400));
        String skill = facet.id().skill();
        return leaderboard.percentile(skill, facet).chain(percentile -> connectivity.comparable(skill, facet.id().key())
                .map(comparable -> new RankingViews.MySkill(skill, PublishedScore.of(belief), belief.mean(),
                        belief.sigma(), percentile, facet.evidence(), facet.lastEvidenceAt(), validUntil, comparable)));
    }

    private RankingViews.CohortEntry entry(UUID auditionId, String skill, Facet facet, Instant now,
            ScoreDistribution scores, boolean comparable) {
        Belief belief = facet.beliefAt(now, decay.gamma(skill));
        return new RankingViews.CohortEntry(0, pseudonyms.of(auditionId, facet.id().key()), PublishedScore.of(belief),
                belief.sigma(), scores.percentile(facet.publishedScore()), comparable, facet.evidence());
    }

    /** Every member ranked by their score now, best first; one page of them. */
    private static Page<RankingViews.CohortEntry> ranked(List<RankingViews.CohortEntry> entries, int page, int size) {
        List<RankingViews.CohortEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(RankingViews.CohortEntry::score).reversed()
                .thenComparing(RankingViews.CohortEntry::candidate));
        List<RankingViews.CohortEntry> ranked = new ArrayList<>();
        for (int i = page * size; i < Math.min(sorted.size(), (page + 1) * size); i++) {
            RankingViews.CohortEntry e = sorted.get(i);
            ranked.add(new RankingViews.CohortEntry(i + 1, e.candidate(), e.score(), e.sigma(), e.percentile(),
                    e.comparable(), e.evidence()));
        }
        return new Page<>(ranked, page, size, sorted.size());
    }
}
