package dev.proofwork.ranking.cohort;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CohortRepository implements PanacheRepositoryBase<Cohort, UUID> {
}
