package dev.proofwork.portal.learner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofwork.portal.backend.Backend;
import dev.proofwork.portal.backend.Service;
import dev.proofwork.portal.backend.ServiceProblem;
import dev.proofwork.portal.web.Forms;
import dev.proofwork.portal.web.Pages;
import dev.proofwork.portal.web.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A learner's whole job: find an audition that fits, claim a seat, hand in work on time, follow results and pay. */
@Path("/learner")
@RolesAllowed("learner")
@Produces(MediaType.TEXT_HTML)
public class LearnerResource {

    private final Backend backend;
    private final Pages pages;
    private final Viewer viewer;
    private final Template auditions;
    private final Template audition;
    private final Template attempt;
    private final Template attempts;
    private final Template skills;
    private final Template skillPage;
    private final Template payouts;
    private final Template requests;

    LearnerResource(Backend backend, Pages pages, Viewer viewer,
            @Location("learner/auditions.html") Template auditions, @Location("learner/audition.html") Template audition,
            @Location("learner/attempt.html") Template attempt, @Location("learner/attempts.html") Template attempts,
            @Location("learner/skills.html") Template skills, @Location("learner/skill.html") Template skillPage,
            @Location("learner/payouts.html") Template payouts,
            @Location("learner/requests.html") Template requests) {
        this.requests = requests;
        this.backend = backend;
        this.pages = pages;
        this.viewer = viewer;
        this.auditions = auditions;
        this.audition = audition;
        this.attempt = attempt;
        this.attempts = attempts;
        this.skills = skills;
        this.skillPage = skillPage;
        this.payouts = payouts;
    }

    /** Open auditions, each with the learner's chance of passing its QA (all fits in one call). */
    @GET
    public TemplateInstance openAuditions(@QueryParam("skill") String skill) {
        String filter = skill == null || skill.isBlank() ? "" : "&skill=" + URLEncoder.encode(skill.strip(), StandardCharsets.UTF_8);
        JsonNode page = backend.get(Service.AUDITION, "/api/v1/auditions?status=OPEN&size=50" + filter);
        Map<String, Object> fits = fits(page.path("items"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            Map<String, Object> row = new LinkedHashMap<>(pages.map(item));
            row.put("fit", fits.getOrDefault(item.path("id").asText(), Map.of()));
            items.add(row);
        }
        return pages.render(auditions).data("items", items).data("skill", skill == null ? "" : skill);
    }

    @GET
    @Path("auditions/{id}")
    public TemplateInstance audition(@PathParam("id") String id) {
        return pages.render(audition).data("audition", pages.map(backend.get(Service.AUDITION, "/api/v1/auditions/" + id)))
                .data("fit", fit(id));
    }

    @POST
    @Path("auditions/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect(() -> "/learner/attempts/" + backend.post(Service.AUDITION,
                "/api/v1/auditions/" + id + "/attempts", Map.of()).path("attemptId").asText(), () -> audition(id));
    }

    @GET
    @Path("attempts")
    public TemplateInstance myAttempts() {
        JsonNode page = backend.get(Service.AUDITION, "/api/v1/me/attempts?size=100");
        return pages.render(attempts).data("items", pages.list(page.path("items")));
    }

    /** The attempt with a live countdown to the server's deadline, and the form to hand in the work. */
    @GET
    @Path("attempts/{id}")
    public TemplateInstance attempt(@PathParam("id") String id) {
        JsonNode found = backend.get(Service.AUDITION, "/api/v1/attempts/" + id);
        JsonNode of = backend.get(Service.AUDITION, "/api/v1/auditions/" + found.path("auditionId").asText());
        TemplateInstance page = pages.render(attempt).data("attempt", pages.map(found)).data("audition", pages.map(of));
        if ("SUBMITTED".equals(found.path("status").asText())) {
            String submissionId = backend.get(Service.AUDITION, "/api/v1/attempts/" + id + "/submission")
                    .path("submissionId").asText();
            page.data("submissionId", submissionId);
            try {
                page.data("result", pages.map(backend.get(Service.SCORING, "/api/v1/me/submissions/" + submissionId)));
            } catch (ServiceProblem notInScoringYet) {
                // scoring has not received it yet: the page says it is in
            }
        }
        return page;
    }

    /** One appeal of a final score, within the window; a reviewer new to the work decides it. */
    @POST
    @Path("attempts/{id}/appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appeal(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String submissionId,
            @RestForm String reason) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/learner/attempts/" + id, () -> backend.post(Service.SCORING,
                "/api/v1/me/submissions/" + submissionId + "/appeal", Map.of("reason", reason == null ? "" : reason)),
                () -> attempt(id));
    }

    @POST
    @Path("attempts/{id}/submission")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String content,
            @RestForm String links, @RestForm("files") List<FileUpload> files) {
        viewer.requireCsrf(csrf);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("content", List.of(content == null ? "" : content));
        fields.put("links", links == null ? List.of()
                : Arrays.stream(links.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList());
        List<Backend.Upload> uploads = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload> of() : files) {
            if (file.size() > 0) {
                uploads.add(new Backend.Upload(file.fileName(), file.contentType() == null ? "application/octet-stream"
                        : file.contentType(), read(file)));
            }
        }
        try {
            backend.postMultipart(Service.AUDITION, "/api/v1/attempts/" + id + "/submission", fields, uploads);
            return Response.seeOther(URI.create("/learner/attempts/" + id + "?submitted=true")).build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status())
                    .entity(attempt(id).data("errors", refused.fieldErrors()).data("message", refused.getMessage())
                            .data("content", content).data("links", links).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /** Scores per skill with their uncertainty and how long a proof would stay valid. */
    @GET
    @Path("skills")
    public TemplateInstance mySkills() {
        return pages.render(skills).data("skills", pages.list(backend.get(Service.RANKING, "/api/v1/me/skills")));
    }

    /** Why the score in one skill is what it is: its chart over time and each review or refit that moved it. */
    @GET
    @Path("skills/{skill}")
    public TemplateInstance skillHistory(@PathParam("skill") String skill) {
        if (!skill.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new NotFoundException();
        }
        JsonNode history = backend.get(Service.RANKING, "/api/v1/me/skills/" + skill + "/history");
        List<Object> moves = pages.list(history.path("moves"));
        Collections.reverse(moves);
        return pages.render(skillPage).data("now", pages.map(history.path("now"))).data("moves", moves)
                .data("chart", ScoreChart.of(history));
    }

    @POST
    @Path("proofs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance mintProof(@RestForm("_csrf") String csrf, @RestForm String skill) {
        viewer.requireCsrf(csrf);
        JsonNode issued = backend.post(Service.RANKING, "/api/v1/me/proofs", Map.of("skill", skill));
        String credential = issued.path("credential").asText();
        return mySkills().data("issued", pages.map(issued)).data("shareLink",
                "/verify?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8));
    }

    @GET
    @Path("payouts")
    public TemplateInstance myPayouts() {
        return pages.render(payouts).data("payouts", pages.map(backend.get(Service.PAYOUT, "/api/v1/me/payouts")));
    }

    @POST
    @Path("payouts/account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response payoutAccount(@RestForm("_csrf") String csrf, @RestForm String accountReference) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/learner/payouts", () -> backend.put(Service.PAYOUT, "/api/v1/me/payout-account",
                Map.of("accountReference", accountReference == null ? "" : accountReference.strip())), this::myPayouts);
    }

    /** Employers who liked the work and ask to know who wrote it: the learner alone decides. */
    @GET
    @Path("requests")
    public TemplateInstance contactRequests() {
        return pages.render(requests).data("requests", pages.list(backend.get(Service.AUDITION, "/api/v1/me/contact-requests")));
    }

    @POST
    @Path("requests/{id}/{answer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @PathParam("answer") String answer, @RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        if (!answer.equals("accept") && !answer.equals("decline")) {
            throw new NotFoundException();
        }
        return Forms.postThenRedirect("/learner/requests",
                () -> backend.post(Service.AUDITION, "/api/v1/me/contact-requests/" + id + "/" + answer, Map.of()),
                this::contactRequests);
    }

    private Map<String, Object> fits(JsonNode auditions) {
        if (auditions.isEmpty()) {
            return Map.of();
        }
        StringBuilder query = new StringBuilder();
        auditions.forEach(item -> query.append(query.isEmpty() ? "?" : "&").append("auditionId=").append(item.path("id").asText()));
        Map<String, Object> byAudition = new LinkedHashMap<>();
        try {
            backend.get(Service.RANKING, "/api/v1/me/fits" + query)
                    .forEach(found -> byAudition.put(found.path("auditionId").asText(), pages.map(found.path("fit"))));
        } catch (ServiceProblem noFits) {
            // the list still helps without its fits, as a single audition's page does
        }
        return byAudition;
    }

    private Map<String, Object> fit(String auditionId) {
        try {
            return pages.map(backend.get(Service.RANKING, "/api/v1/auditions/" + auditionId + "/fit"));
        } catch (ServiceProblem noFitYet) {
            return Map.of();
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
