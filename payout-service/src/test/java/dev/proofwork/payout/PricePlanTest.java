package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.EUR;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.employer;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.operator;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.Money;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class PricePlanTest {

    private static final Map<String, Object> DISCOUNTED = Map.of("listingFeeMinor", 0, "reviewFeeMinor", 100,
            "commissionBps", 1_000);

    @Test
    void anOrgsOwnPlanPricesItsNextPublish() {
        String org = newOrg();
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(DISCOUNTED)
                .when().put("/api/v1/price-plans/{org}/{currency}", org, EUR)
                .then().statusCode(200).body("orgSpecific", equalTo(true)).body("commissionBps", equalTo(1_000));
        given().auth().oauth2(employer(org)).when().get("/api/v1/price-plans/{org}/{currency}", org, EUR)
                .then().statusCode(200).body("reviewFeeMinor", equalTo(100));
        deposit(org, 50_000);

        var answer = publishAudition(UUID.randomUUID(), org, 2, 5_000, null);

        assertThat(answer.data()).isInstanceOfSatisfying(EscrowFunded.class, funded -> assertThat(funded.amount())
                .isEqualTo(new Money(2 * (5_000 + 500 + 2 * 100), EUR)));
    }

    @Test
    void anOrgWithoutAPlanSeesTheDefault() {
        String org = newOrg();
        given().auth().oauth2(employer(org)).when().get("/api/v1/price-plans/{org}/{currency}", org, EUR)
                .then().statusCode(200).body("orgSpecific", equalTo(false)).body("listingFeeMinor", equalTo(2_000));
    }

    @Test
    void onlyOperatorsSetPricesAndOnlyValidOnes() {
        String org = newOrg();
        given().auth().oauth2(employer(org)).contentType(ContentType.JSON).body(DISCOUNTED)
                .when().put("/api/v1/price-plans/{org}/{currency}", org, EUR).then().statusCode(403);
        given().auth().oauth2(employer(newOrg())).when().get("/api/v1/price-plans/{org}/{currency}", org, EUR)
                .then().statusCode(403);
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(Map.of("listingFeeMinor", -1, "reviewFeeMinor", 100, "commissionBps", 20_000))
                .when().put("/api/v1/price-plans/{org}/{currency}", org, "euro")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("listingFeeMinor"))
                .body("errors.field", hasItem("commissionBps"))
                .body("errors.field", hasItem("currency"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(DISCOUNTED)
                .when().put("/api/v1/price-plans/{org}/{currency}", org, "ZZZ")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(employer(org)).when().get("/api/v1/price-plans/{org}/{currency}", org, EUR)
                .then().statusCode(200).body("orgSpecific", equalTo(false));
    }
}
