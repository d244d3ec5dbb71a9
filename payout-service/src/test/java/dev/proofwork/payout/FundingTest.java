package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.EUR;
import static dev.proofwork.payout.Marketplace.available;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.employer;
import static dev.proofwork.payout.Marketplace.escrow;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.proofwork.events.Bonus;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.payout.provider.SimulatedPaymentProvider;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class FundingTest {

    // default EUR plan: listing fee 2000, review fee 400, commission 5%
    private static final long PER_SEAT = 5_000 + 250 + 2 * 400;

    @Inject
    SimulatedPaymentProvider provider;

    @Test
    void aDepositRetriedWithTheSameKeyIsCreditedOnce() {
        String org = newOrg();
        String key = UUID.randomUUID().toString();
        var first = given().auth().oauth2(employer(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 50_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(201).body("amount.amountMinor", equalTo(50_000)).extract().jsonPath();
        given().auth().oauth2(employer(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 50_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(200).body("id", equalTo(first.getString("id")));

        assertThat(available(org)).isEqualTo(50_000);
    }

    @Test
    void aKeyReusedForADifferentDepositIsRefused() {
        String org = newOrg();
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(employer(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 1_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org).then().statusCode(201);
        given().auth().oauth2(employer(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 9_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));
        assertThat(available(org)).isEqualTo(1_000);
    }

    @Test
    void aDepositNeedsAKeyAPositiveAmountAndACurrency() {
        String org = newOrg();
        given().auth().oauth2(employer(org)).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 1_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        given().auth().oauth2(employer(org)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("amountMinor", -5, "currency", "euro"))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amountMinor"))
                .body("errors.field", hasItem("currency"));
        assertThat(available(org)).isZero();
    }

    @Test
    void onlyCurrenciesThePlatformBillsInCanBeDeposited() {
        String org = newOrg();
        given().auth().oauth2(employer(org)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1_000, "currency", "ZZZ"))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(employer(org)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1_000, "currency", "JPY"))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(employer(org)).when().get("/api/v1/employers/{org}/balance", org)
                .then().statusCode(200).body(not(containsString("ZZZ"))).body(not(containsString("JPY")));
        assertThat(available(org)).isZero();
    }

    @Test
    void aDeclinedDepositCreditsNothing() {
        String org = newOrg();
        provider.declineNextDeposit();
        given().auth().oauth2(employer(org)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 7_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(402).contentType("application/problem+json")
                .body("type", equalTo("urn:proofwork:problem:deposit-declined"));
        assertThat(available(org)).isZero();
    }

    @Test
    void anEmployerNeitherFundsNorSeesAnotherOrgsMoney() {
        String org = newOrg();
        deposit(org, 3_000);
        String intruder = Tokens.employer("someone-else", newOrg());
        given().auth().oauth2(intruder).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1_000, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", org)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(intruder).when().get("/api/v1/employers/{org}/balance", org).then().statusCode(403);
        given().auth().oauth2(Tokens.learner("lea")).when().get("/api/v1/employers/{org}/balance", org).then().statusCode(403);
        assertThat(available(org)).isEqualTo(3_000);
    }

    @Test
    void aCoveredPublishReservesSeatsFeesAndBonusInEscrow() {
        String org = newOrg();
        deposit(org, 30_000);
        UUID auditionId = UUID.randomUUID();

        EventEnvelope<?> answer = publishAudition(auditionId, org, 3, 5_000, new Bonus(new Money(3_000, EUR), 2));

        long required = 2_000 + 3 * PER_SEAT + 3_000 + 150;
        assertThat(answer.data()).isInstanceOfSatisfying(EscrowFunded.class,
                funded -> assertThat(funded.amount()).isEqualTo(new Money(required, EUR)));
        assertThat(available(org)).isEqualTo(30_000 - required);
        assertThat(escrow(org)).isEqualTo(required - 2_000);
    }

    @Test
    void anUncoveredPublishIsRefusedWithTheShortfallAndReservesNothing() {
        String org = newOrg();
        deposit(org, 10_000);
        UUID auditionId = UUID.randomUUID();

        EventEnvelope<?> answer = publishAudition(auditionId, org, 3, 5_000, null);

        long required = 2_000 + 3 * PER_SEAT;
        assertThat(answer.data()).isInstanceOfSatisfying(EscrowRefused.class, refused -> {
            assertThat(refused.required()).isEqualTo(new Money(required, EUR));
            assertThat(refused.available()).isEqualTo(new Money(10_000, EUR));
            assertThat(refused.shortfall()).isEqualTo(new Money(required - 10_000, EUR));
        });
        assertThat(available(org)).isEqualTo(10_000);
        assertThat(escrow(org)).isZero();
    }
}
