package dev.proofwork.scoring.review;

import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.SubmittedFile;
import java.util.List;
import java.util.UUID;

/**
 * One review a reviewer owes. Deliberately without the learner, the submission's id or time, or anything
 * that orders submissions: reviewers have guessed authors from such hints elsewhere.
 */
public record QueueItem(UUID taskId, String skill, List<RubricCriterion> rubric, String content, List<String> links,
        List<FileItem> files) {

    /** A file's description; its bytes stay with audition-service. */
    public record FileItem(String name, String mediaType, long sizeBytes, String sha256) {

        static FileItem of(SubmittedFile file) {
            return new FileItem(file.name(), file.mediaType(), file.sizeBytes(), file.sha256());
        }
    }
}
