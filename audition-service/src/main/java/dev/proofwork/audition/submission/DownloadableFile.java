package dev.proofwork.audition.submission;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/** A stored file ready to send under its deliverable label: the learner's own file name never leaves. */
public record DownloadableFile(String label, SubmissionFile file) {

    RestResponse<byte[]> response() {
        return RestResponse.ResponseBuilder.ok(file.data(), file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + label.replace(' ', '-') + "\"")
                // served as a download, never rendered in the API's origin
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }
}
