package dev.proofwork.scoring.audition;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Auditions as scoring knows them: rubric, tolerance and pass mark, for operators to read. */
@ApplicationScoped
public class ScoringAuditions {

    private final ScoringAuditionRepository auditions;

    ScoringAuditions(ScoringAuditionRepository auditions) {
        this.auditions = auditions;
    }

    @WithSession
    public Uni<ScoringAudition.View> view(UUID id) {
        return auditions.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("audition " + id))
                .map(ScoringAudition::view);
    }
}
