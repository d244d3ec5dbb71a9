package dev.proofwork.audition.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A submission without files, as JSON. Sizes are refused here with the field's name; what only the whole
 * input can tell (the text's size in bytes, each link's form) is checked by {@link SubmissionInput#validate()}.
 */
public record SubmissionRequest(
        @NotBlank @Size(max = SubmissionInput.MAX_CONTENT_BYTES) String content,
        @Size(max = SubmissionInput.MAX_LINKS) List<@NotNull @Size(max = SubmissionInput.MAX_LINK_LENGTH)
        @Pattern(regexp = "(?i)https?://[^\\s/?#@]+[^\\s]*", message = "must be an absolute http or https URL") String> links) {
}
