package dev.proofwork.audition.submission;

import dev.proofwork.audition.listing.Viewer;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auditions/{auditionId}/submissions")
public class AuditionSubmissionsResource {

    private final SubmissionService submissions;
    private final Caller caller;

    AuditionSubmissionsResource(SubmissionService submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "An audition's scored submissions, by pseudonym, for its employer")
    public Uni<Page<CandidateSubmissionView>> list(@PathParam("auditionId") UUID auditionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return submissions.forEmployer(auditionId, Viewer.of(caller), page, size);
    }

    @GET
    @Path("{submissionId}/files/{fileId}")
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "Download a file of a scored submission, under its deliverable label")
    public Uni<RestResponse<byte[]>> file(@PathParam("auditionId") UUID auditionId,
            @PathParam("submissionId") UUID submissionId, @PathParam("fileId") UUID fileId) {
        return submissions.fileForEmployer(auditionId, submissionId, fileId, Viewer.of(caller))
                .map(DownloadableFile::response);
    }
}
