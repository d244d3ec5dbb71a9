package dev.proofwork.ranking;

import dev.proofwork.testkit.EndpointRulesContract;

class EndpointRulesTest extends EndpointRulesContract {
}
