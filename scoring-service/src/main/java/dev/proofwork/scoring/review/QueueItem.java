package dev.proofwork.scoring.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.SubmittedFile;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

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

    /**
     * A file as "deliverable n" with its type, size and a download link: a file name or a hash could name its
     * author (a user name in a path, a hash looked up elsewhere), so neither reaches the reviewer.
     */
    public record FileItem(String label, String mediaType, long sizeBytes, String downloadUrl) {

        /** Each file under its label, with a short-lived link to its bytes made by {@code link(file, label)}. */
        static List<FileItem> deliverables(List<SubmittedFile> files, BiFunction<SubmittedFile, String, String> link) {
            return IntStream.range(0, files.size()).mapToObj(i -> {
                String label = "deliverable " + (i + 1);
                return new FileItem(label, files.get(i).mediaType(), files.get(i).sizeBytes(), link.apply(files.get(i), label));
            }).toList();
        }
    }
}
