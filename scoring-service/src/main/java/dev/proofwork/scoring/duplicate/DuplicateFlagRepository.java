package dev.proofwork.scoring.duplicate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DuplicateFlagRepository implements PanacheRepositoryBase<DuplicateFlag, UUID> {
}
