package dev.proofwork.audition;

import dev.proofwork.testkit.ApiProbeContract;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class ApiProbeTest extends ApiProbeContract {

    @Override
    protected Map<String, String> validBodies() {
        return Map.of(
                "POST /api/v1/auditions", Fixtures.spec(),
                "PUT /api/v1/auditions/{id}", Fixtures.spec(),
                "POST /api/v1/attempts/{attemptId}/submission",
                "{\"content\": \"The query joined refunds twice.\", \"links\": [\"https://example.com/fix.sql\"]}",
                "POST /api/v1/auditions/{id}/scope-approval", "{\"approved\": false, \"reasons\": [\"too vague\"]}");
    }
}
