package dev.proofwork.ranking.facets;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * How many nodes, and of them learners, a connected component holds. Written by {@link Connectivity} in the
 * transaction that merges components; mapped for the same reason as {@link FacetComponent}.
 */
@Entity
@Table(name = "facet_component_size")
class ComponentSize {

    @Embeddable
    record Root(String skill, String root) {
    }

    @EmbeddedId
    private Root id;
    private int nodes;
    private int learners;

    protected ComponentSize() {
    }
}
