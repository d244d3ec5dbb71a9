package dev.proofwork.audition.listing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AuditionRepository implements PanacheRepositoryBase<Audition, UUID> {
}
