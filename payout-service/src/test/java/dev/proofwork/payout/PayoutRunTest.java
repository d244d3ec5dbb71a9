package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.PATIENCE;
import static dev.proofwork.payout.Marketplace.awaitEarned;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.myPayouts;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.operator;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static dev.proofwork.payout.Marketplace.score;
import static dev.proofwork.payout.Marketplace.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.PayoutEvent.PayoutFailed;
import dev.proofwork.events.PayoutEvent.PayoutSent;
import dev.proofwork.events.Topics;
import dev.proofwork.payout.provider.SimulatedPaymentProvider;
import dev.proofwork.payout.provider.SimulatedPaymentProvider.Behaviour;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class PayoutRunTest {

    private static final Duration PAST_SETTLING = Duration.ofHours(2);

    @Inject
    SimulatedPaymentProvider provider;
    @Inject
    TestClock clock;

    /** Runs here move the clock hours and days ahead; the test classes after this one expect real time. */
    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /** A learner who earned {@code payMinor} base pay on a fresh audition. */
    private static String learnerWhoEarned(long payMinor) {
        String org = newOrg();
        deposit(org, 100_000);
        UUID auditionId = UUID.randomUUID();
        assertThat(publishAudition(auditionId, org, 1, payMinor, null).data()).isInstanceOf(EscrowFunded.class);
        String learner = "lea-" + UUID.randomUUID();
        score(submit(auditionId, learner), auditionId, 1, 0.5, true);
        awaitEarned(learner, "base-pay", payMinor);
        return learner;
    }

    private static String addPayoutAccount(String learner) {
        String reference = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("accountReference", reference))
                .when().put("/api/v1/me/payout-account")
                .then().statusCode(200).body("accountReference", equalTo(reference));
        return reference;
    }

    private static void runPayouts() {
        given().auth().oauth2(operator()).when().post("/api/v1/payout-runs").then().statusCode(200);
    }

    private static List<Map<String, Object>> transfers(String learner) {
        return myPayouts(learner).getList("transfers");
    }

    @Test
    void aPayableIsHeldUntilTheLearnerHasAnAccountAndItsSettlingPeriodHasPassed() {
        String learner = learnerWhoEarned(5_000);
        JsonPath held = myPayouts(learner);
        assertThat(held.getString("items[0].status")).isEqualTo("HELD");
        assertThat(held.getString("items[0].holdReason")).contains("no payout account");

        runPayouts();
        assertThat(transfers(learner)).isEmpty();

        String reference = addPayoutAccount(learner);
        runPayouts();
        JsonPath settling = myPayouts(learner);
        assertThat(settling.getString("items[0].status")).isEqualTo("HELD");
        assertThat(settling.getString("items[0].holdReason")).contains("settling period");
        assertThat(transfers(learner)).isEmpty();

        clock.advance(PAST_SETTLING);
        runPayouts();
        runPayouts();

        JsonPath paid = myPayouts(learner);
        assertThat(paid.getString("items[0].status")).isEqualTo("PAID");
        assertThat(paid.getList("transfers")).hasSize(1);
        assertThat(paid.getString("transfers[0].state")).isEqualTo("SETTLED");
        assertThat(provider.receivedMinor(reference)).isEqualTo(5_000);
        EventEnvelope<?> sent = Marketplace.awaitEvent(Topics.PAYOUTS, learner);
        assertThat(sent.data()).isInstanceOfSatisfying(PayoutSent.class,
                payout -> assertThat(payout.amount()).isEqualTo(new Money(5_000, "EUR")));
    }

    @Test
    void aChangedPayoutAccountHoldsTransfersForItsCoolingPeriodInPlainView() {
        String learner = learnerWhoEarned(4_000);
        String original = addPayoutAccount(learner);
        String redirected = addPayoutAccount(learner); // as a stolen session would
        clock.advance(PAST_SETTLING);

        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/payout-account")
                .then().statusCode(200)
                .body("accountReference", equalTo(redirected))
                .body("previousAccountReference", equalTo(original));
        runPayouts();
        assertThat(transfers(learner)).isEmpty();
        JsonPath held = myPayouts(learner);
        assertThat(held.getString("items[0].status")).isEqualTo("HELD");
        assertThat(held.getString("items[0].holdReason")).contains("payout account changed").contains(original);
        assertThat(held.getString("items[0].heldUntil")).isNotNull();

        clock.advance(Duration.ofDays(3));
        runPayouts();
        runPayouts();
        assertThat(myPayouts(learner).getString("items[0].status")).isEqualTo("PAID");
        assertThat(provider.receivedMinor(redirected)).isEqualTo(4_000);
        assertThat(provider.receivedMinor(original)).isZero();
    }

    @Test
    void aDeclinedTransferIsRetriedAfterItsBackoffAndSettlesOnce() {
        String learner = learnerWhoEarned(3_000);
        String reference = addPayoutAccount(learner);
        clock.advance(PAST_SETTLING);
        provider.nextTransfers(reference, Behaviour.DECLINE, 1);

        runPayouts();
        assertThat(transfers(learner)).singleElement().satisfies(t -> {
            assertThat(t.get("state")).isEqualTo("FAILED");
            assertThat(t.get("lastError")).isEqualTo("account closed");
        });
        assertThat(Marketplace.awaitEvent(Topics.PAYOUTS, learner).data()).isInstanceOf(PayoutFailed.class);

        runPayouts();
        assertThat(transfers(learner).getFirst().get("state")).as("still backing off").isEqualTo("FAILED");

        clock.advance(Duration.ofMinutes(2));
        runPayouts();
        runPayouts();
        assertThat(transfers(learner)).singleElement().satisfies(t -> {
            assertThat(t.get("state")).isEqualTo("SETTLED");
            assertThat(t.get("attempt")).isEqualTo(2);
        });
        assertThat(provider.receivedMinor(reference)).isEqualTo(3_000);
    }

    @Test
    void aTransferWhoseAnswerWasLostIsReconciledAndSettlesOnce() {
        String learner = learnerWhoEarned(2_500);
        String reference = addPayoutAccount(learner);
        clock.advance(PAST_SETTLING);
        provider.nextTransfers(reference, Behaviour.TIME_OUT, 1);

        runPayouts();
        assertThat(transfers(learner)).singleElement().satisfies(t -> assertThat(t.get("state")).isEqualTo("SENT"));

        runPayouts();
        assertThat(transfers(learner)).singleElement().satisfies(t -> assertThat(t.get("state")).isEqualTo("SETTLED"));
        assertThat(provider.receivedMinor(reference)).isEqualTo(2_500);
    }

    @Test
    void aTransferThatKeepsFailingIsReversedAndItsMoneyGoesOutWithALaterRun() {
        String learner = learnerWhoEarned(1_500);
        String reference = addPayoutAccount(learner);
        clock.advance(PAST_SETTLING);
        provider.nextTransfers(reference, Behaviour.DECLINE, 3);

        runPayouts();
        clock.advance(Duration.ofMinutes(2));
        runPayouts();
        clock.advance(Duration.ofMinutes(5));
        runPayouts();
        assertThat(transfers(learner)).singleElement().satisfies(t -> assertThat(t.get("state")).isEqualTo("REVERSED"));
        assertThat(myPayouts(learner).getString("items[0].status")).isEqualTo("READY");

        runPayouts();
        assertThat(transfers(learner)).extracting(t -> t.get("state")).containsExactlyInAnyOrder("REVERSED", "SETTLED");
        assertThat(provider.receivedMinor(reference)).isEqualTo(1_500);
        assertThat(Marketplace.trialBalance().getBoolean("balanced")).isTrue();
    }

    @Test
    void aLearnerSeesOnlyTheirOwnPayoutsAndGivesAValidAccountReference() {
        String learner = learnerWhoEarned(1_000);
        assertThat(myPayouts("someone-else-" + UUID.randomUUID()).getList("items")).isEmpty();
        given().auth().oauth2(Tokens.employer("boss", "org-acme")).when().get("/api/v1/me/payouts").then().statusCode(403);
        given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("accountReference", "my bank, 12345"))
                .when().put("/api/v1/me/payout-account")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("accountReference"));
        given().auth().oauth2(Tokens.learner(learner)).when().get("/api/v1/me/payout-account").then().statusCode(404);
        given().auth().oauth2(Tokens.learner(learner)).when().post("/api/v1/payout-runs").then().statusCode(403);
    }
}
