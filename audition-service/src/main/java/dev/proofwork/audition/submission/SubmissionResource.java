package dev.proofwork.audition.submission;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/attempts/{attemptId}/submission")
public class SubmissionResource {

    private final SubmissionService submissions;
    private final Caller caller;
    private final Vertx vertx;

    SubmissionResource(SubmissionService submissions, Caller caller, Vertx vertx) {
        this.submissions = submissions;
        this.caller = caller;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "Submit the attempt's work as JSON (text and links), before the deadline")
    @APIResponse(responseCode = "201", description = "Received; reviews follow",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "The attempt is expired, submitted already, or not the caller's to submit")
    @APIResponse(responseCode = "413", description = "The work is larger than allowed")
    public Uni<RestResponse<SubmissionView>> submit(@PathParam("attemptId") UUID attemptId,
            @Valid @NotNull SubmissionInput input) {
        return submissions.submit(attemptId, caller.subject(), input).map(SubmissionResource::created);
    }

    /** The same, with files: form fields {@code content}, {@code links} (repeated) and {@code files} (repeated). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "Submit the attempt's work with files, as multipart form data")
    @APIResponse(responseCode = "201", description = "Received; reviews follow",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "The attempt is expired, submitted already, or not the caller's to submit")
    @APIResponse(responseCode = "413", description = "The work or its files are larger than allowed")
    public Uni<RestResponse<SubmissionView>> submitWithFiles(@PathParam("attemptId") UUID attemptId,
            @RestForm String content, @RestForm("links") List<String> links, @RestForm("files") List<FileUpload> files) {
        return Multi.createFrom().iterable(files == null ? List.<FileUpload> of() : files)
                .onItem().transformToUniAndConcatenate(upload -> vertx.fileSystem()
                        .readFile(upload.uploadedFile().toString())
                        .map(buffer -> new SubmissionInput.File(upload.fileName(), mediaTypeOf(upload),
                                buffer.getBytes())))
                .collect().asList()
                .chain(read -> submissions.submit(attemptId, caller.subject(), new SubmissionInput(content, links, read)))
                .map(SubmissionResource::created);
    }

    /** The learner's own submission for this attempt: its id, files and where QA stands. */
    @GET
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "The caller's submission for this attempt: its files and where QA stands")
    public Uni<SubmissionView> mine(@PathParam("attemptId") UUID attemptId) {
        return submissions.ownSubmission(attemptId, caller.subject());
    }

    private static RestResponse<SubmissionView> created(SubmissionView view) {
        return RestResponse.status(RestResponse.Status.CREATED, view);
    }

    private static String mediaTypeOf(FileUpload upload) {
        String type = upload.contentType();
        return type == null || type.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : type;
    }
}
