package dev.proofwork.payout;

import dev.proofwork.testkit.DraftedAuditionConsumerContract;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class AuditionEventsConsumerTest extends DraftedAuditionConsumerContract {

    @Override
    protected String recordedAuditionPath() {
        return "/api/v1/audition-accounts/{id}";
    }
}
