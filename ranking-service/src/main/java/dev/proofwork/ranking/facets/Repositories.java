package dev.proofwork.ranking.facets;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
    }

    @ApplicationScoped
    public static class ScoreChanges implements PanacheRepositoryBase<ScoreChange, UUID> {
    }
}
