package dev.proofwork.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each area opens for its own role only, and every failure is a page in plain words. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PortalAccessTest {

    @ParameterizedTest
    @ValueSource(strings = { "/learner", "/employer", "/reviewer", "/operator", "/login" })
    void aVisitorIsSentToSignInWithPkce(String area) {
        given().redirects().follow(false).when().get(area)
                .then().statusCode(302)
                .header("Location", allOf(containsString("client_id=proofwork-portal"),
                        containsString("code_challenge="), containsString("code_challenge_method=S256")));
    }

    @Test
    void theFrontDoorAndThePublicPagesNeedNoAccount() {
        given().when().get("/").then().statusCode(200).body(containsString("Work as proof"));
        given().when().get("/verify").then().statusCode(200)
                .body(containsString("<label for=\"credential\">"));
        given().contentType("application/x-www-form-urlencoded").formParam("credential", " ")
                .when().post("/verify")
                .then().statusCode(200).body(containsString("paste the credential you were given"));
    }

    @Test
    @TestSecurity(user = "emma", roles = "employer")
    void aRequestNoPageTakesIsAnsweredWithItsStatusInWordsNotAFailure() {
        given().put("/verify").then().statusCode(405).contentType(containsString("text/html"))
                .body(containsString("Not done this way"));
        given().delete("/employer").then().statusCode(405).body(containsString("Not done this way"));
        given().contentType("application/json").body("{}").when().post("/verify")
                .then().statusCode(415).body(containsString("Not a form"));
        given().accept("application/json").when().get("/")
                .then().statusCode(406).body(containsString("Only web pages here"));
    }

    @Test
    @TestSecurity(user = "emma", roles = "employer")
    void anIdThatCannotNameAnAuditionIsNoPageAndNeverReachesTheServices() {
        for (String id : new String[] { "a%20b", "a%23b", "x%3Fy%2Fsubmissions", "%2E%2E%2Fdeposits" }) {
            given().urlEncodingEnabled(false).when().get("/employer/auditions/" + id)
                    .then().statusCode(404).body(containsString("There is no page here"));
        }
    }

    @Test
    @TestSecurity(user = "lea", roles = "learner")
    void aLearnerMayNotOpenTheOtherAreas() {
        for (String area : new String[] { "/employer", "/reviewer", "/operator", "/employer/invoices" }) {
            given().redirects().follow(false).when().get(area)
                    .then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("Not your area"))
                    .body(containsString("href=\"/learner/skills\""))
                    .body(not(containsString("href=\"/operator\"")))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOperatorSeesOnlyTheOperatorsMenu() {
        given().redirects().follow(false).when().get("/learner")
                .then().statusCode(403)
                .body(containsString("href=\"/operator\""))
                .body(not(containsString("href=\"/learner/skills\"")));
    }

    @Test
    @TestSecurity(user = "lea", roles = "learner")
    void aServiceThatDoesNotAnswerShowsAClearPageNotAStackTrace() {
        given().when().get("/learner")
                .then().statusCode(503).contentType(containsString("text/html"))
                .body(containsString("is not answering"))
                .body(not(containsString("at dev.proofwork")))
                .body(not(containsString("Exception")));
        given().when().get("/skills/sql-analytics").then().statusCode(503).body(containsString("ranking service"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void theDeadLetterPageNamesEachServiceThatDoesNotAnswerAndStillOpens() {
        given().when().get("/operator/dead-letters")
                .then().statusCode(200)
                .body(containsString("id=\"dead-letters-audition\""), containsString("id=\"dead-letters-payout\""))
                .body(containsString("payout service: did not answer"))
                .body(not(containsString("at dev.proofwork")));
        given().contentType("application/x-www-form-urlencoded").formParam("_csrf", "forged")
                .when().post("/operator/dead-letters/no-such-service/replay")
                .then().statusCode(403).body(containsString("Form expired"));
    }

    @Test
    @TestSecurity(user = "lea", roles = "learner")
    void aFormPostWithoutTheSessionsTokenIsRefused() {
        given().contentType("application/x-www-form-urlencoded").formParam("skill", "java")
                .when().post("/learner/proofs")
                .then().statusCode(403).body(containsString("Form expired"));
        given().contentType("application/x-www-form-urlencoded").formParam("_csrf", "forged").formParam("skill", "java")
                .when().post("/learner/proofs")
                .then().statusCode(403).body(containsString("Form expired"));
    }
}
