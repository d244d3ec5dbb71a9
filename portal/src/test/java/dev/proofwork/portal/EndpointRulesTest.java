package dev.proofwork.portal;

import dev.proofwork.testkit.EndpointRulesContract;

class EndpointRulesTest extends EndpointRulesContract {
}
