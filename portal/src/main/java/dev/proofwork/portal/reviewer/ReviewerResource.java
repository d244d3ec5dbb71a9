package dev.proofwork.portal.reviewer;

import dev.proofwork.portal.backend.Backend;
import dev.proofwork.portal.backend.Service;
import dev.proofwork.portal.web.Forms;
import dev.proofwork.portal.web.Pages;
import dev.proofwork.portal.web.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blind review queue: the work, its files and the rubric, and nothing about who wrote it or when. The
 * pages show only what scoring-service puts in the queue.
 */
@Path("/reviewer")
@RolesAllowed("reviewer")
@Produces(MediaType.TEXT_HTML)
public class ReviewerResource {

    private final Backend backend;
    private final Pages pages;
    private final Viewer viewer;
    private final Template queue;

    ReviewerResource(Backend backend, Pages pages, Viewer viewer, @Location("reviewer/queue.html") Template queue) {
        this.backend = backend;
        this.pages = pages;
        this.viewer = viewer;
        this.queue = queue;
    }

    @GET
    public TemplateInstance queue() {
        return pages.render(queue).data("tasks", pages.list(backend.get(Service.SCORING, "/api/v1/reviews/queue")))
                .data("accountId", viewer.subject());
    }

    /** A score per criterion and a comment, or an invalid mark with its reason; or, on an appeal, a decision. */
    @POST
    @Path("tasks/{taskId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("taskId") String taskId, MultivaluedMap<String, String> form) {
        viewer.requireCsrf(form.getFirst("_csrf"));
        Map<String, Object> scores = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("score.") && !values.isEmpty() && !values.getFirst().isBlank()) {
                scores.put(name.substring("score.".length()), Forms.whole(values.getFirst()));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        String invalidReason = form.getFirst("invalidReason");
        String path;
        if (form.getFirst("decision") != null) {
            path = "/api/v1/appeals/" + taskId + "/decision";
            body.put("decision", form.getFirst("decision"));
            body.put("reason", form.getFirst("reason"));
            body.put("scores", scores);
        } else if (invalidReason != null && !invalidReason.isBlank()) {
            path = "/api/v1/reviews/" + taskId;
            body.put("invalidReason", invalidReason.strip());
        } else {
            path = "/api/v1/reviews/" + taskId;
            body.put("scores", scores);
            body.put("comment", form.getFirst("comment"));
        }
        return Forms.postThenRedirect("/reviewer", () -> backend.post(Service.SCORING, path, body), this::queue);
    }

    @POST
    @Path("tasks/{taskId}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("taskId") String taskId, @org.jboss.resteasy.reactive.RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/reviewer",
                () -> backend.post(Service.SCORING, "/api/v1/reviews/" + taskId + "/release", Map.of()), this::queue);
    }

    /** A task's file through the signed link in the queue, fetched with the reviewer's own token. */
    @GET
    @Path("files/{token}")
    public Response file(@PathParam("token") String token) {
        var file = backend.fetch(Service.AUDITION, "/api/v1/files/" + token, "*/*");
        return Response.ok(file.body())
                .type(file.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, file.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION)
                        .orElse("attachment"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
