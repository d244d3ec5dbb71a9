package dev.proofwork.scoring.appeal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    public io.smallrye.mutiny.Uni<Appeal> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResult();
    }
}
