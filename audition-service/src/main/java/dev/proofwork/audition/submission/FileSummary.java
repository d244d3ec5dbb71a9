package dev.proofwork.audition.submission;

import io.quarkus.hibernate.reactive.panache.common.ProjectedFieldName;
import java.util.UUID;

/** A stored file without its bytes, for lists: which submission, what type, how large. */
public record FileSummary(@ProjectedFieldName("id") UUID fileId, UUID submissionId, String mediaType, long sizeBytes) {
}
