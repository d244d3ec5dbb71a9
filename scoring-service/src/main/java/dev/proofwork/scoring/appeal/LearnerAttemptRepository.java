package dev.proofwork.scoring.appeal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class LearnerAttemptRepository implements PanacheRepositoryBase<LearnerAttempt, UUID> {
}
