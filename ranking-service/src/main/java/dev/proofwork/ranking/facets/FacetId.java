package dev.proofwork.ranking.facets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;

@Embeddable
public record FacetId(String skill, @Enumerated(EnumType.STRING) FacetKind kind, @Column(name = "facet_key") String key)
        implements Serializable {
}
