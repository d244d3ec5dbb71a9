package dev.proofwork.events;

import java.util.UUID;

/** A file attached to a submission; its bytes stay in audition-service, addressed by id and verified by hash. */
public record SubmittedFile(UUID fileId, String name, String mediaType, long sizeBytes, String sha256) {
}
