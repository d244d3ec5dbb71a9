package dev.proofwork.ranking.facets;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Which connected component of a skill's design graph a node (learner, task or reviewer) sits in. Written by
 * {@link Connectivity} with set-based SQL; mapped so that reads go through HQL, whose query plans Hibernate
 * caches once per query (a native select adds a plan to the cache on every call).
 */
@Entity
@Table(name = "facet_component")
class FacetComponent {

    @Embeddable
    record Node(String skill, String node) {
    }

    @EmbeddedId
    private Node id;
    private String root;

    protected FacetComponent() {
    }
}
