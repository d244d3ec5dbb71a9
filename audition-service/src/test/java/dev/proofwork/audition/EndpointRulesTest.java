package dev.proofwork.audition;

import dev.proofwork.testkit.EndpointRulesContract;

class EndpointRulesTest extends EndpointRulesContract {
}
