package dev.proofwork.scoring.reviewer;

import java.util.List;
import java.util.UUID;

public record ReviewerView(UUID id, String subject, List<String> skills, List<String> affiliations,
        int maxOpenReviews, boolean active) {

    static ReviewerView of(Reviewer r) {
        return new ReviewerView(r.id(), r.subject(), r.skills(), r.affiliations(), r.maxOpenReviews(), r.active());
    }
}
