package dev.proofwork.ranking.ranking;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Where learners stand within a skill, among learners with at least one review. */
@ApplicationScoped
public class Leaderboard {

    private final FacetRepository facets;

    Leaderboard(FacetRepository facets) {
        this.facets = facets;
    }

    /** Mid-rank percentile of the learner's published score: the share below, plus half the share level with it. */
    public Uni<Double> percentile(String skill, Facet learner) {
        Integer score = learner.publishedScore();
        return facets.count("id.skill = ?1 and id.kind = ?2", skill, FacetKind.LEARNER)
                .chain(total -> facets.count("id.skill = ?1 and id.kind = ?2 and publishedScore < ?3", skill,
                        FacetKind.LEARNER, score)
                        .chain(below -> facets.count("id.skill = ?1 and id.kind = ?2 and publishedScore = ?3", skill,
                                FacetKind.LEARNER, score)
                                .map(level -> total == 0 ? 0 : 100.0 * (below + 0.5 * level) / total)));
    }

    public Uni<List<Facet>> page(String skill, int page, int size) {
        return facets.find("id.skill = ?1 and id.kind = ?2", Sort.by("publishedScore", Sort.Direction.Descending)
                .and("id.key"), skill, FacetKind.LEARNER).page(page, size).list();
    }

    public Uni<Long> size(String skill) {
        return facets.count("id.skill = ?1 and id.kind = ?2", skill, FacetKind.LEARNER);
    }
}
