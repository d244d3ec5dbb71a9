package dev.proofwork.ranking.facets;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FacetRepository implements PanacheRepositoryBase<Facet, FacetId> {
}
