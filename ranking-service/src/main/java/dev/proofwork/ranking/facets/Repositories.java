package dev.proofwork.ranking.facets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;

/** Persistence for authorship and observations. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class LearnerAttempts implements PanacheRepositoryBase<Authorship.LearnerAttempt, UUID> {
    }

    @ApplicationScoped
    public static class SubmissionAuthors implements PanacheRepositoryBase<Authorship.SubmissionAuthor, UUID> {
    }

    @ApplicationScoped
    public static class Observations implements PanacheRepositoryBase<ReviewObservation, UUID> {

        private static final String COUNT_APPLIED = """
                insert into skill_reviews (skill, applied, first_review_at) values (:skill, 1, :reviewedAt)
                on conflict (skill) do update set applied = skill_reviews.applied + 1,
                    first_review_at = least(skill_reviews.first_review_at, excluded.first_review_at)""";

        /**
         * Counts an applied review towards its skill's refit schedule. Last in its transaction: the skill's row is
         * the one every review of the skill writes, so it is held for as short a time as can be.
         */
        Uni<Void> countApplied(ReviewObservation observation) {
            return Panache.getSession().chain(session -> session.createNativeQuery(COUNT_APPLIED)
                    .setParameter("skill", observation.skill())
                    .setParameter("reviewedAt", observation.observedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate()).replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class ScoreChanges implements PanacheRepositoryBase<ScoreChange, UUID> {
    }
}
