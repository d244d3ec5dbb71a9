package dev.proofwork.ranking.facets;

import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.PublishedScore;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** What the model believes about one learner, task or reviewer in one skill. */
@Entity
@Table(name = "facet")
public class Facet {

    private static final double SECONDS_PER_DAY = 86_400;

    @EmbeddedId
    private FacetId id;
    private double mu;
    private double variance;
    /**
     * A learner's: the part of {@link #variance} that is where their cohort sits, which their own reviews do not
     * shrink; set when they are first seen and by each refit.
     */
    private double placementVariance;
    private int evidence;
    private Instant lastEvidenceAt;
    private Integer publishedScore;
    /** A reviewer's own noise variance, from the last refit; null until one has run. */
    private Double noiseVariance;

    protected Facet() {
    }

    static Facet prior(FacetId id, Belief prior, Instant now) {
        return prior(id, prior, 0, now);
    }

    /** A learner first seen, {@code placement} of whose doubt is where their cohort sits. */
    static Facet prior(FacetId id, Belief prior, double placement, Instant now) {
        Facet facet = new Facet();
        facet.id = id;
        facet.mu = prior.mean();
        facet.variance = prior.variance();
        facet.placementVariance = placement;
        facet.lastEvidenceAt = now;
        return facet;
    }

    /** The belief as of {@code at}: a learner's doubt has grown since their last evidence. */
    public Belief beliefAt(Instant at, double gamma) {
        Belief stored = new Belief(mu, variance);
        return id.kind() != FacetKind.LEARNER ? stored : beliefAt(stored, lastEvidenceAt, at, gamma);
    }

    /** A learner's stored belief, last evidenced at {@code lastEvidenceAt}, as of {@code at}. */
    static Belief beliefAt(Belief stored, Instant lastEvidenceAt, Instant at, double gamma) {
        return stored.decayed(gamma, Duration.between(lastEvidenceAt, at).toSeconds() / SECONDS_PER_DAY);
    }

    void update(Belief belief, Instant at) {
        mu = belief.mean();
        variance = belief.variance();
        evidence++;
        if (at.isAfter(lastEvidenceAt)) {
            lastEvidenceAt = at;
        }
        if (id.kind() == FacetKind.LEARNER) {
            publishedScore = PublishedScore.of(belief);
        }
    }

    /** A learner's doubt about where their cohort sits, part of their variance. */
    public double placement() {
        return placementVariance;
    }

    /** The refit's estimate of this reviewer's noise variance, or null before any refit. */
    public Double estimatedNoise() {
        return noiseVariance;
    }

    public FacetId id() {
        return id;
    }

    public int evidence() {
        return evidence;
    }

    public Instant lastEvidenceAt() {
        return lastEvidenceAt;
    }

    /** The score as of the last evidence; reads decay it further with {@link #beliefAt}. */
    public Integer publishedScore() {
        return publishedScore;
    }
}
