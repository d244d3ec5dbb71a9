package dev.proofwork.payout;

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
                "POST /api/v1/employers/{orgId}/deposits", "{\"amountMinor\": 10000, \"currency\": \"EUR\"}",
                "PUT /api/v1/price-plans/{orgId}/{currency}",
                "{\"listingFeeMinor\": 2000, \"reviewFeeMinor\": 400, \"commissionBps\": 500}",
                "PUT /api/v1/me/payout-account", "{\"accountReference\": \"acct_probe1234\"}");
    }
}
