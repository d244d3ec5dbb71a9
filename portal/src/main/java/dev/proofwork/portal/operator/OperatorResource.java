package dev.proofwork.portal.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.proofwork.portal.backend.Backend;
import dev.proofwork.portal.backend.Service;
import dev.proofwork.portal.backend.ServiceProblem;
import dev.proofwork.portal.backend.ServiceUnavailable;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Platform staff: the scoping inbox, reviewers and work waiting for one, payout runs and the books. */
@Path("/operator")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    private final Backend backend;
    private final Pages pages;
    private final Viewer viewer;
    private final Template desk;
    private final Template audition;
    private final Template qaCase;
    private final Template reviewer;

    OperatorResource(Backend backend, Pages pages, Viewer viewer, @Location("operator/desk.html") Template desk,
            @Location("operator/audition.html") Template audition, @Location("operator/qa-case.html") Template qaCase,
            @Location("operator/reviewer.html") Template reviewer) {
        this.backend = backend;
        this.pages = pages;
        this.viewer = viewer;
        this.desk = desk;
        this.audition = audition;
        this.qaCase = qaCase;
        this.reviewer = reviewer;
    }

    @GET
    public TemplateInstance desk() {
        return pages.render(desk)
                .data("inbox", pages.list(backend.get(Service.AUDITION, "/api/v1/auditions?status=IN_SCOPING&size=100")
                        .path("items")))
                .data("reviewers", pages.list(backend.get(Service.SCORING, "/api/v1/reviewers?size=100").path("items")))
                .data("waiting", pages.list(backend.get(Service.SCORING, "/api/v1/review-tasks/waiting")))
                .data("trial", pages.map(backend.get(Service.PAYOUT, "/api/v1/ledger/trial-balance")))
                .data("recent", pages.list(backend.get(Service.AUDITION, "/api/v1/auditions?size=20").path("items")));
    }

    /** An audition's submissions, each a QA case to open, and how the ranking reads its rubric. */
    @GET
    @Path("auditions/{id}")
    public TemplateInstance audition(@PathParam("id") String id, @QueryParam("gold") String gold) {
        JsonNode found = backend.get(Service.AUDITION, "/api/v1/auditions/" + id);
        JsonNode cohort;
        String rankingDown = null;
        try {
            cohort = cohort(id);
        } catch (ServiceUnavailable down) {
            // the QA cases and gold items still work without the ranking: only its card says so
            cohort = MissingNode.getInstance();
            rankingDown = down.getMessage();
        }
        JsonNode shares = cohort.path("criterionShares");
        List<CriterionReading> reading = new ArrayList<>();
        found.path("rubric").forEach(c -> {
            double weight = c.path("weight").asDouble();
            reading.add(new CriterionReading(c.path("key").asText(), weight,
                    shares.path(c.path("key").asText()).asDouble(weight)));
        });
        return pages.render(audition).data("goldAdded", "added".equals(gold)).data("audition", pages.map(found))
                .data("submissions", pages.list(backend.get(Service.AUDITION,
                        "/api/v1/auditions/" + id + "/submissions?size=100").path("items")))
                .data("ranked", !cohort.isMissingNode()).data("learnt", shares.isObject()).data("reading", reading)
                .data("rankingDown", rankingDown);
    }

    /**
     * One rubric criterion: its weight in the rubric, and its share of a review's score as the ranking reads it
     * (the weight until a refit has learnt one).
     */
    public record CriterionReading(String key, double weight, double share) {
    }

    /** The ranking's view of the audition: missing until it has opened, when ranking-service first hears of it. */
    private JsonNode cohort(String auditionId) {
        try {
            return backend.get(Service.RANKING, "/api/v1/cohorts/" + auditionId);
        } catch (ServiceProblem notOpenYet) {
            return MissingNode.getInstance();
        }
    }

    /** A calibration item: work with the scores a careful reviewer gives it, mixed into reviewers' queues. */
    @POST
    @Path("auditions/{id}/gold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addGold(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        viewer.requireCsrf(form.getFirst("_csrf"));
        Map<String, Object> expected = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("score.") && !values.isEmpty() && !values.getFirst().isBlank()) {
                expected.put(name.substring("score.".length()), Forms.whole(values.getFirst()));
            }
        });
        Map<String, Object> gold = new LinkedHashMap<>();
        gold.put("content", form.getFirst("content"));
        gold.put("expectedScores", expected);
        return Forms.postThenRedirect("/operator/auditions/" + id + "?gold=added",
                () -> backend.post(Service.SCORING, "/api/v1/auditions/" + id + "/gold", gold), () -> audition(id, null));
    }

    /** Every review with its reviewer, the spread, duplicate flags and earlier decisions; decide here. */
    @GET
    @Path("submissions/{id}")
    public TemplateInstance qaCase(@PathParam("id") String id) {
        return pages.render(qaCase).data("qa", pages.map(backend.get(Service.SCORING, "/api/v1/submissions/" + id + "/qa")));
    }

    @POST
    @Path("submissions/{id}/invalidate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invalidate(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String reason) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/operator/submissions/" + id, () -> backend.post(Service.SCORING,
                "/api/v1/submissions/" + id + "/invalidate", Map.of("reason", reason == null ? "" : reason)),
                () -> qaCase(id));
    }

    @POST
    @Path("submissions/{id}/flags/{flagId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolveFlag(@PathParam("id") String id, @PathParam("flagId") String flagId,
            @RestForm("_csrf") String csrf, @RestForm String verdict) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/operator/submissions/" + id, () -> backend.post(Service.SCORING,
                "/api/v1/submissions/" + id + "/flags/" + flagId + "/resolve", Map.of("verdict", verdict == null ? "" : verdict)),
                () -> qaCase(id));
    }

    /**
     * A reviewer's accuracy on gold items, severity and appeal record, and how the ranking model weighs their
     * reviews in each skill (the page still shows the rest when ranking-service does not answer).
     */
    @GET
    @Path("reviewers/{id}")
    public TemplateInstance reviewer(@PathParam("id") String id) {
        TemplateInstance page = pages.render(reviewer).data("reviewerId", id)
                .data("quality", pages.map(backend.get(Service.SCORING, "/api/v1/reviewers/" + id + "/quality")));
        try {
            return page.data("model", pages.list(backend.get(Service.RANKING, "/api/v1/rankings/reviewers/" + id)))
                    .data("modelDown", null);
        } catch (ServiceUnavailable down) {
            return page.data("model", List.of()).data("modelDown", down.getMessage());
        }
    }

    @POST
    @Path("reviewers/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/operator", () -> backend.post(Service.SCORING,
                "/api/v1/reviewers/" + id + "/deactivate", Map.of()), this::desk);
    }

    /** Approve (optionally as an anchor task) or send back with one reason per line. */
    @POST
    @Path("scoping/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideScope(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String verdict,
            @RestForm String reasons, @RestForm String anchor) {
        viewer.requireCsrf(csrf);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("approved", "approve".equals(verdict));
        decision.put("reasons", reasons == null ? List.of() : reasons.lines().map(String::strip).filter(r -> !r.isEmpty()).toList());
        decision.put("anchor", "on".equals(anchor));
        return Forms.postThenRedirect("/operator",
                () -> backend.post(Service.AUDITION, "/api/v1/auditions/" + id + "/scope-approval", decision), this::desk);
    }

    @POST
    @Path("reviewers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registerReviewer(@RestForm("_csrf") String csrf, @RestForm String subject, @RestForm String skills,
            @RestForm String maxOpenReviews) {
        viewer.requireCsrf(csrf);
        Map<String, Object> reviewer = new LinkedHashMap<>();
        reviewer.put("subject", subject);
        reviewer.put("skills", skills == null ? List.of()
                : List.of(skills.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList());
        reviewer.put("maxOpenReviews", maxOpenReviews == null || maxOpenReviews.isBlank() ? 5 : Forms.whole(maxOpenReviews));
        return Forms.postThenRedirect("/operator",
                () -> backend.post(Service.SCORING, "/api/v1/reviewers", reviewer), this::desk);
    }

    @POST
    @Path("payout-runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance runPayouts(@RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        return desk().data("run", pages.map(backend.post(Service.PAYOUT, "/api/v1/payout-runs", Map.of())));
    }

    @POST
    @Path("refits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance refit(@RestForm("_csrf") String csrf, @RestForm String skill) {
        viewer.requireCsrf(csrf);
        return desk().data("refit", pages.map(backend.post(Service.RANKING,
                "/api/v1/skills/" + (skill == null ? "" : skill.strip()) + "/refit", Map.of())));
    }
}
