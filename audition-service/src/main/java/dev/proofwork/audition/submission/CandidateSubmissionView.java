package dev.proofwork.audition.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submission as the employer sees it: the author under a per-audition pseudonym, revealed
 * ({@code learnerId}) only once they accepted the employer's contact request; the work itself (text, links,
 * files as deliverables) once it is scored, so that no employer reads work before the reviewers judged it.
 */
public record CandidateSubmissionView(UUID submissionId, String candidate, String learnerId, Instant receivedAt,
        String contentSha256, QaStatus qaStatus, BigDecimal finalScore, Boolean passed, Boolean valid,
        String rejection, String content, List<String> links, List<Deliverable> files) {

    /** A file under its deliverable label; download it from {@code .../submissions/{id}/files/{fileId}}. */
    public record Deliverable(UUID fileId, String label, String mediaType, long sizeBytes) {
    }
}
