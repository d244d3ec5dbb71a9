package dev.proofwork.scoring.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.SubmittedFile;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One review a reviewer owes. Deliberately without the learner, the submission's id or time, or anything
 * that orders submissions: reviewers have guessed authors from such hints elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueItem(UUID taskId, String skill, List<RubricCriterion> rubric, String content, List<String> links,
        List<FileItem> files, AppealItem appeal) {

    /** Present on appeal tasks only: what the learner contests. */
    public record AppealItem(String reason, BigDecimal currentScore) {
    }

    /** A file's description; its bytes stay with audition-service. */
    public record FileItem(String name, String mediaType, long sizeBytes, String sha256) {

        static FileItem of(SubmittedFile file) {
            return new FileItem(file.name(), file.mediaType(), file.sizeBytes(), file.sha256());
        }
    }
}
