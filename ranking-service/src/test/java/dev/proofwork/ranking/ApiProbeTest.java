package dev.proofwork.ranking;

import dev.proofwork.testkit.ApiProbeContract;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ApiProbeTest extends ApiProbeContract {
}
