package dev.proofwork.portal.employer;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** An employer's org: money, auditions from draft to ranking, candidates, hires and invoices. */
@Path("/employer")
@RolesAllowed("employer")
@Produces(MediaType.TEXT_HTML)
public class EmployerResource {

    private static final Set<String> ACTIONS = Set.of("submit-for-scoping", "publish", "close");
    /** The currencies auditions pay in (audition-service's proofwork.currencies). */
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP");

    private final Backend backend;
    private final Pages pages;
    private final Viewer viewer;
    private final Template dashboard;
    private final Template draft;
    private final Template audition;
    private final Template invoices;

    EmployerResource(Backend backend, Pages pages, Viewer viewer, @Location("employer/dashboard.html") Template dashboard,
            @Location("employer/draft.html") Template draft, @Location("employer/audition.html") Template audition,
            @Location("employer/invoices.html") Template invoices) {
        this.backend = backend;
        this.pages = pages;
        this.viewer = viewer;
        this.dashboard = dashboard;
        this.draft = draft;
        this.audition = audition;
        this.invoices = invoices;
    }

    /** Balances, auditions by status, and a deposit form whose key makes a double click deposit once. */
    @GET
    public TemplateInstance dashboard() {
        String org = viewer.orgId();
        return pages.render(dashboard).data("org", org)
                .data("balance", pages.map(backend.get(Service.PAYOUT, "/api/v1/employers/" + org + "/balance")))
                .data("auditions", pages.list(backend.get(Service.AUDITION, "/api/v1/auditions?size=100").path("items")))
                .data("depositKey", UUID.randomUUID().toString());
    }

    @POST
    @Path("deposits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deposit(@RestForm("_csrf") String csrf, @RestForm String idempotencyKey, @RestForm String amount,
            @RestForm String currency) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/employer", () -> backend.post(Service.PAYOUT,
                "/api/v1/employers/" + viewer.orgId() + "/deposits",
                Map.of("amountMinor", Forms.minorUnits(amount), "currency",
                        currency == null ? "" : currency),
                Map.of("Idempotency-Key", idempotencyKey == null ? "" : idempotencyKey)), this::dashboard);
    }

    @GET
    @Path("auditions/new")
    public TemplateInstance newDraft() {
        return draftForm("/employer/auditions", Map.of("closesAt", LocalDate.now(ZoneOffset.UTC).plusDays(30)
                .atTime(23, 59).toInstant(ZoneOffset.UTC).toString(), "timeboxMinutes", 90, "seats", 10,
                "reviewersPerSubmission", 2, "scoreTolerance", 0.2,
                "payPerSubmission", Map.of("amountMinor", 4500, "currency", "EUR")));
    }

    /** A draft (or one sent back from scoping) in the same form, filled in. */
    @GET
    @Path("auditions/{id}/edit")
    public TemplateInstance editDraft(@PathParam("id") String id) {
        return draftForm("/employer/auditions/" + id, pages.map(backend.get(Service.AUDITION, "/api/v1/auditions/" + id)));
    }

    @POST
    @Path("auditions/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDraft(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        viewer.requireCsrf(form.getFirst("_csrf"));
        Map<String, Object> spec = spec(form);
        return Forms.postThenRedirect("/employer/auditions/" + id,
                () -> backend.put(Service.AUDITION, "/api/v1/auditions/" + id, spec),
                () -> draftForm("/employer/auditions/" + id, spec));
    }

    /** The form's fields from an audition or a spec: text as typed, money in units, four rubric rows at least and one blank. */
    @SuppressWarnings("unchecked")
    private TemplateInstance draftForm(String action, Map<String, Object> values) {
        Map<String, Object> form = new LinkedHashMap<>(values);
        Object deliverables = values.get("deliverables");
        form.put("deliverablesText", deliverables instanceof List<?> list
                ? String.join("\n", list.stream().map(String::valueOf).toList()) : "");
        Object pay = values.get("payPerSubmission");
        if (pay instanceof Map<?, ?> money && money.get("amountMinor") instanceof Number minor) {
            form.put("pay", new java.math.BigDecimal(minor.longValue()).movePointLeft(2).toPlainString());
            form.put("currency", money.get("currency"));
        }
        Object closesAt = values.get("closesAt");
        form.put("closesOn", closesAt == null ? "" : closesAt.toString().substring(0, Math.min(10, closesAt.toString().length())));
        form.put("anchorRequested", Boolean.TRUE.equals(values.get("anchorRequested")) || Boolean.TRUE.equals(values.get("anchor")));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (values.get("rubric") instanceof List<?> rubric) {
            rubric.forEach(criterion -> rows.add((Map<String, Object>) criterion));
        }
        int filled = rows.size();
        while (rows.size() < Math.max(4, filled + 1)) {
            rows.add(Map.of());
        }
        return pages.render(draft).data("action", action).data("form", form).data("rows", rows)
                .data("currencies", CURRENCIES);
    }

    @POST
    @Path("auditions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createDraft(MultivaluedMap<String, String> form) {
        viewer.requireCsrf(form.getFirst("_csrf"));
        Map<String, Object> spec = spec(form);
        return Forms.postThenRedirect(() -> "/employer/auditions/"
                + backend.post(Service.AUDITION, "/api/v1/auditions", spec).path("id").asText(),
                () -> draftForm("/employer/auditions", spec));
    }

    /** The audition spec from the draft form; blank rubric rows are left out, numbers go as numbers. */
    private static Map<String, Object> spec(MultivaluedMap<String, String> form) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", form.getFirst("title"));
        spec.put("brief", form.getFirst("brief"));
        spec.put("skill", form.getFirst("skill"));
        String deliverables = form.getFirst("deliverables");
        spec.put("deliverables", deliverables == null ? List.of()
                : deliverables.lines().map(String::strip).filter(d -> !d.isEmpty()).toList());
        List<String> keys = form.getOrDefault("criterionKey", List.of());
        List<Map<String, Object>> rubric = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null || keys.get(i).isBlank()) {
                continue;
            }
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("key", keys.get(i).strip());
            criterion.put("description", at(form.get("criterionDescription"), i));
            criterion.put("weight", Forms.decimal(at(form.get("criterionWeight"), i)));
            criterion.put("maxScore", Forms.whole(at(form.get("criterionMax"), i)));
            rubric.add(criterion);
        }
        spec.put("rubric", rubric);
        spec.put("timeboxMinutes", Forms.whole(form.getFirst("timeboxMinutes")));
        spec.put("seats", Forms.whole(form.getFirst("seats")));
        String pay = form.getFirst("pay");        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("amountMinor", Forms.minorUnits(pay));
        payment.put("currency", form.getFirst("currency"));
        spec.put("payPerSubmission", payment);
        spec.put("reviewersPerSubmission", Forms.whole(form.getFirst("reviewersPerSubmission")));
        spec.put("scoreTolerance", Forms.decimal(form.getFirst("scoreTolerance")));
        spec.put("closesAt", Forms.instant(form.getFirst("closesOn"), day -> day.atTime(23, 59).toInstant(ZoneOffset.UTC)));
        spec.put("anchor", "on".equals(form.getFirst("anchor")));
        return spec;
    }

    @GET
    @Path("auditions/{id}")
    public TemplateInstance audition(@PathParam("id") String id) {
        JsonNode found = backend.get(Service.AUDITION, "/api/v1/auditions/" + id);
        List<Object> ranking = List.of();
        long ranked = 0;
        try {
            // the best hundred: the page is for choosing whom to meet, not for reading a thousand rows
            JsonNode page = backend.get(Service.RANKING, "/api/v1/rankings/auditions/" + id + "?size=100");
            ranking = pages.list(page.path("items"));
            ranked = page.path("total").asLong();
        } catch (ServiceProblem notRankedYet) {
            // no cohort yet: the page says so
        }
        return pages.render(audition).data("audition", pages.map(found))
                .data("submissions", pages.list(backend.get(Service.AUDITION,
                        "/api/v1/auditions/" + id + "/submissions?size=100").path("items")))
                .data("contacts", pages.list(backend.get(Service.AUDITION, "/api/v1/auditions/" + id + "/contact-requests")))
                .data("ranking", ranking).data("ranked", ranked);
    }

    @POST
    @Path("auditions/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, @RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException();
        }
        return Forms.postThenRedirect("/employer/auditions/" + id,
                () -> backend.post(Service.AUDITION, "/api/v1/auditions/" + id + "/" + action, Map.of()), () -> audition(id));
    }

    @POST
    @Path("auditions/{id}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForContact(@PathParam("id") String id, @RestForm("_csrf") String csrf,
            @RestForm String submissionId, @RestForm String message) {
        viewer.requireCsrf(csrf);
        return Forms.postThenRedirect("/employer/auditions/" + id, () -> backend.post(Service.AUDITION,
                "/api/v1/auditions/" + id + "/contact-requests", Map.of("submissionId", submissionId, "message",
                        message == null ? "" : message)), () -> audition(id));
    }

    @POST
    @Path("auditions/{id}/hires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reportHire(@PathParam("id") String id, @RestForm("_csrf") String csrf,
            @RestForm String submissionId, @RestForm String role, @RestForm String hiredOn) {
        viewer.requireCsrf(csrf);
        // a hire dated today is dated now: the start of the day may come before the work it rewards
        Object hiredAt = Forms.instant(hiredOn, day -> day.equals(LocalDate.now(ZoneOffset.UTC)) ? Instant.now()
                : day.atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, Object> hire = new LinkedHashMap<>();
        hire.put("submissionId", submissionId);
        hire.put("hiredAt", hiredAt);
        hire.put("role", role);
        return Forms.postThenRedirect("/employer/auditions/" + id,
                () -> backend.post(Service.AUDITION, "/api/v1/auditions/" + id + "/hires", hire), () -> audition(id));
    }

    @GET
    @Path("invoices")
    public TemplateInstance invoices() {
        return pages.render(invoices).data("invoices", pages.list(backend.get(Service.PAYOUT,
                "/api/v1/employers/" + viewer.orgId() + "/invoices?size=100").path("items")));
    }

    /** The invoice as payout-service renders it for reading. */
    @GET
    @Path("invoices/{number}")
    public Response invoice(@PathParam("number") String number) {
        var page = backend.fetch(Service.PAYOUT, "/api/v1/employers/" + viewer.orgId() + "/invoices/" + number, "text/html");
        return Response.ok(page.body()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
