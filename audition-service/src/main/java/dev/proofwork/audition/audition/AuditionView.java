package dev.proofwork.audition.audition;

import java.time.Instant;
import java.util.UUID;

public record AuditionView(UUID id, String orgId, String title, String skill, AuditionStatus status, Instant createdAt) {

    static AuditionView of(Audition audition) {
        return new AuditionView(audition.id(), audition.orgId(), audition.title(), audition.skill(), audition.status(),
                audition.createdAt());
    }
}
