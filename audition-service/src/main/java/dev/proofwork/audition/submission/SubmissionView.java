package dev.proofwork.audition.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the learner gets back on handing in work. */
public record SubmissionView(UUID submissionId, UUID attemptId, UUID auditionId, Instant receivedAt,
        String contentSha256, List<String> links, List<FileView> files, QaStatus qaStatus) {

    public record FileView(UUID fileId, String name, String mediaType, long sizeBytes, String sha256) {

        static FileView of(SubmissionFile file) {
            return new FileView(file.id(), file.name(), file.mediaType(), file.sizeBytes(), file.sha256());
        }
    }

    static SubmissionView of(Submission submission, List<SubmissionFile> files) {
        return new SubmissionView(submission.id(), submission.attemptId(), submission.auditionId(),
                submission.receivedAt(), submission.contentSha256(), submission.links(),
                files.stream().map(FileView::of).toList(), submission.qaStatus());
    }
}
