package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.PATIENCE;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.testkit.OperationsEndpointsContract;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What an operator watches on /q/metrics: events published and applied, the outbox backlog, money moving. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class MetricsTest {

    @Test
    void fundingAnAuditionShowsInTheBusinessMetrics() {
        String org = newOrg();
        deposit(org, 500_000);
        publishAudition(UUID.randomUUID(), org, 2, 5_000, null);

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(metrics())
                .contains("proofwork_events_published_total{type=\"proofwork.escrow.funded.v1\"")
                .containsPattern("proofwork_inbox_events_total\\{consumer=\"payout.audition-accounts\",outcome=\"applied\",?} [1-9]")
                .containsPattern("proofwork_ledger_postings\\{kind=\"deposit\",?} [1-9]")
                .contains("proofwork_outbox_backlog"));
    }

    private static String metrics() {
        return OperationsEndpointsContract.management().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }
}
