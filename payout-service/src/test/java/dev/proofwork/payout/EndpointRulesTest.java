package dev.proofwork.payout;

import dev.proofwork.testkit.EndpointRulesContract;

class EndpointRulesTest extends EndpointRulesContract {
}
