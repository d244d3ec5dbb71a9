package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.PATIENCE;
import static dev.proofwork.payout.Marketplace.awaitEarned;
import static dev.proofwork.payout.Marketplace.close;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.employer;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.operator;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static dev.proofwork.payout.Marketplace.review;
import static dev.proofwork.payout.Marketplace.score;
import static dev.proofwork.payout.Marketplace.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.proofwork.events.BillingEvent.InvoiceIssued;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.Money;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class InvoiceTest {

    @Inject
    TestClock clock;

    private static List<Map<String, Object>> invoices(String org) {
        return given().auth().oauth2(employer(org)).when().get("/api/v1/employers/{org}/invoices", org)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static JsonPath invoice(String org, String number) {
        return given().auth().oauth2(employer(org)).accept("application/json")
                .when().get("/api/v1/employers/{org}/invoices/{number}", org, number)
                .then().statusCode(200).extract().jsonPath();
    }

    /** An audition of 3 seats at 5000 with one valid submission reviewed twice, closed with 1 seat used. */
    private static UUID closedAudition(String org) {
        deposit(org, 100_000);
        UUID auditionId = UUID.randomUUID();
        assertThat(publishAudition(auditionId, org, 3, 5_000, null).data()).isInstanceOf(EscrowFunded.class);
        String learner = "lea-" + UUID.randomUUID();
        UUID work = submit(auditionId, learner);
        review(work, auditionId);
        review(work, auditionId);
        score(work, auditionId, 1, 0.4, true);
        awaitEarned(learner, "base-pay", 5_000);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        close(auditionId, org, 1, Instant.now());
        return auditionId;
    }

    @Test
    void eachCloseIssuesOneInvoiceWhoseLinesTieToTheLedger() {
        String org = newOrg();
        UUID auditionId = closedAudition(org);
        var closedAgain = Marketplace.publish("audition-service",
                new dev.proofwork.events.AuditionEvent.AuditionClosed(auditionId, org, 1, Instant.now()));
        TestBroker.publish(closedAgain);

        var issued = Marketplace.awaitEvent(Topics.BILLING, org);
        TestBroker.awaitCaughtUp(Topics.AUDITIONS, PATIENCE);
        int year = YearMonth.now(ZoneOffset.UTC).getYear();
        String number = "INV-" + org + "-" + year + "-0001";
        assertThat(issued.data()).isInstanceOfSatisfying(InvoiceIssued.class, invoice -> {
            assertThat(invoice.invoiceNumber()).isEqualTo(number);
            assertThat(invoice.auditionId()).isEqualTo(auditionId);
            assertThat(invoice.total()).isEqualTo(new Money(2_000 + 2 * 400 + 5_000 + 250, "EUR"));
        });
        assertThat(invoices(org)).hasSize(1);

        JsonPath invoice = invoice(org, number);
        assertThat(invoice.<String> getList("lines.kind"))
                .containsExactlyInAnyOrder("listing-fee", "review-fee", "review-fee", "base-pay", "commission");
        assertThat(invoice.<Integer> getList("lines.amount.amountMinor")).containsExactlyInAnyOrder(2_000, 400, 400, 5_000, 250);
        assertThat(invoice.getList("lines.postingId")).doesNotContainNull();
        given().auth().oauth2(employer(org)).accept("text/html")
                .when().get("/api/v1/employers/{org}/invoices/{number}", org, number)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Invoice " + number)).body(containsString("80.50 EUR"));
    }

    @Test
    void anotherOrgSeesNeitherTheListNorTheInvoice() {
        String org = newOrg();
        closedAudition(org);
        Awaitility.await().atMost(PATIENCE).until(() -> invoices(org).size() == 1);
        String number = (String) invoices(org).getFirst().get("number");
        String other = newOrg();
        given().auth().oauth2(employer(other)).when().get("/api/v1/employers/{org}/invoices", org).then().statusCode(403);
        given().auth().oauth2(employer(other)).when().get("/api/v1/employers/{org}/invoices/{number}", other, number)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.learner("lea")).when().get("/api/v1/employers/{org}/invoices", org).then().statusCode(403);
    }

    @Test
    void chargesAfterTheCloseGoOnTheMonthlyStatementOnce() {
        String org = newOrg();
        UUID auditionId = closedAudition(org);
        Awaitility.await().atMost(PATIENCE).until(() -> invoices(org).size() == 1);
        // an adjudicating review after the close: its fee comes out of the escrow still held for the used seat
        review(UUID.randomUUID(), auditionId);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
        given().auth().oauth2(operator()).queryParam("period", thisMonth)
                .when().post("/api/v1/billing/statements")
                .then().statusCode(409).body("errors[0].field", equalTo("period"));

        clock.advance(Duration.ofDays(40));
        try {
            given().auth().oauth2(operator()).queryParam("period", thisMonth)
                    .when().post("/api/v1/billing/statements").then().statusCode(200);
            given().auth().oauth2(operator()).queryParam("period", thisMonth)
                    .when().post("/api/v1/billing/statements").then().statusCode(200);
        } finally {
            clock.reset();
        }

        List<Map<String, Object>> all = invoices(org);
        assertThat(all).hasSize(2);
        Map<String, Object> statement = all.stream().filter(i -> thisMonth.equals(i.get("period"))).findFirst().orElseThrow();
        JsonPath lines = invoice(org, (String) statement.get("number"));
        assertThat(lines.<String> getList("lines.kind")).containsExactly("review-fee");
        assertThat(lines.getInt("total.amountMinor")).isEqualTo(400);
    }
}
