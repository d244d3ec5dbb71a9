package dev.proofwork.audition.hire;

import java.time.Instant;
import java.util.UUID;

public record HireView(UUID hireId, UUID submissionId, String learnerId, String role, Instant hiredAt) {

    static HireView of(Hire hire) {
        return new HireView(hire.id(), hire.submissionId(), hire.learnerId(), hire.role(), hire.hiredAt());
    }
}
