package dev.proofwork.scoring.audition;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ScoringAuditionRepository implements PanacheRepositoryBase<ScoringAudition, UUID> {
}
