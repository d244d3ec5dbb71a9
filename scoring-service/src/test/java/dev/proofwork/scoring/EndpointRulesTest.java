package dev.proofwork.scoring;

import dev.proofwork.testkit.EndpointRulesContract;

class EndpointRulesTest extends EndpointRulesContract {
}
