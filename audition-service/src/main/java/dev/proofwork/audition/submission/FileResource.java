package dev.proofwork.audition.submission;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Files reviewers must read, fetched with the short-lived links their review queue carries. */
@Path("/api/v1/files/{token}")
public class FileResource {

    private final SubmissionService submissions;

    FileResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @GET
    @RolesAllowed({ Caller.REVIEWER, Caller.OPERATOR })
    @Operation(summary = "Download one file of a review task through the signed link in the reviewer's queue")
    public Uni<RestResponse<byte[]>> download(@PathParam("token") String token) {
        return submissions.fileByLink(token).map(DownloadableFile::response);
    }
}
