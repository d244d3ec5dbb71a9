package dev.proofwork.audition.hire;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HireRepository implements PanacheRepositoryBase<Hire, UUID> {
}
