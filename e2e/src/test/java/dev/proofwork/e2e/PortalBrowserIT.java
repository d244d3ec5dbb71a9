package dev.proofwork.e2e;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portal in a real Chromium (Debian's, which {@code .ci/run} installs) against a real Keycloak with the
 * project's realm, the four services and the portal as processes. {@code -Dproofwork.portal.url=...} plays the
 * same journeys against a stack that is already running, e.g. the local run's http://localhost:8080 (with
 * {@code -Dproofwork.kafka=localhost:9092} the operator's dead-letter page is played too).
 */
class PortalBrowserIT {

    @Test
    void everyRoleDoesItsJobInTheBrowser() throws Exception {
        String running = System.getProperty("proofwork.portal.url");
        if (running != null) {
            try (PortalJourneys journeys = new PortalJourneys(running, System.getProperty("proofwork.kafka"))) {
                journeys.play();
            }
            return;
        }
        try (KeycloakProcess keycloak = new KeycloakProcess();
                ServiceProcesses stack = new ServiceProcesses(Map.of("proofwork.proofs.threshold", "0"),
                        keycloak.realmUrl())) {
            String portal = stack.url(ServiceProcesses.PORTAL);
            keycloak.allowPortalAt(portal);
            try (PortalJourneys journeys = new PortalJourneys(portal, stack.bootstrapServers())) {
                journeys.play();
            }
        }
    }
}
