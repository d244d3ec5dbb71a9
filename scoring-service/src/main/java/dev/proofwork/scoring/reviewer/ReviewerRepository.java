package dev.proofwork.scoring.reviewer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReviewerRepository implements PanacheRepositoryBase<Reviewer, UUID> {

    public Uni<Reviewer> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
