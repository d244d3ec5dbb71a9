package dev.proofwork.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The marketplace played end to end against the four services running as real processes: every
 * outcome a user would check, across services, after one small seeded scenario.
 */
class MarketplaceEndToEndIT extends MarketplaceOutcomeChecks {

    private static final Duration APPEAL_WINDOW = Duration.ofSeconds(15);

    private static ServiceProcesses services;
    private static Outcome outcome;

    @BeforeAll
    static void playTheMarketplace() throws Exception {
        // the demo profile's short waits, with an appeal window of the test's own and proofs for anyone
        services = new ServiceProcesses(Map.of(
                "proofwork.appeals.window", APPEAL_WINDOW.toString(),
                "proofwork.proofs.threshold", "0"));
        ScenarioConfig config = new ScenarioConfig(10, 4, 4, 20261124L, services.url("audition-service"),
                services.url("scoring-service"), services.url("ranking-service"), services.url("payout-service"),
                APPEAL_WINDOW, Duration.ofSeconds(65));
        try {
            outcome = new Scenario(config, ServiceProcesses.TEST_TOKENS, System.out::println).play();
        } catch (ScenarioException e) {
            String logs = ServiceProcesses.SERVICES.stream().map(s -> "--- " + s + "\n" + services.logTail(s))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "\n" + logs, e);
        }
        Summary.print(outcome, System.out);
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Override
    protected Outcome outcome() {
        return outcome;
    }
}
