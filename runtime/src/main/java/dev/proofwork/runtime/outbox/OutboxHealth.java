package dev.proofwork.runtime.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the outbox relay cannot publish: a service whose events do not leave should not take
 * requests that create more. Ready again as soon as a batch goes out.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final Duration stalledAfter;

    OutboxHealth(OutboxRelay relay, OutboxSettings settings) {
        this.relay = relay;
        this.stalledAfter = settings.stalledAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Duration quiet = Duration.between(relay.lastProgress(), Instant.now());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay")
                .status(quiet.compareTo(stalledAfter) < 0)
                .withData("lastProgressSecondsAgo", quiet.toSeconds());
        if (relay.lastFailure() != null) {
            response.withData("lastFailure", relay.lastFailure());
        }
        return response.build();
    }
}
