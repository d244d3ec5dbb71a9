package dev.proofwork.audition.submission;

import java.util.List;

/** A submission without files, as JSON; its limits are checked by {@link SubmissionInput#validate()}. */
public record SubmissionRequest(String content, List<String> links) {
}
