package dev.proofwork.scoring;

import dev.proofwork.testkit.OperationsEndpointsContract;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String documentedPath() {
        return "/api/v1/scoring/auditions/{id}";
    }
}
