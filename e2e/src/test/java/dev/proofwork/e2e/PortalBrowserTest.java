package dev.proofwork.e2e;

import org.junit.jupiter.api.Test;

/**
 * The portal in a real Chromium against a running stack: Keycloak with the project's realm, the four services
 * and the portal. Against the local run: {@code -Dproofwork.portal.url=http://localhost:8080}.
 */
class PortalBrowserTest {

    @Test
    void everyRoleDoesItsJobInTheBrowser() throws Exception {
        String portal = System.getProperty("proofwork.portal.url");
        org.junit.jupiter.api.Assumptions.assumeTrue(portal != null, "set proofwork.portal.url to a running portal");
        try (PortalJourneys journeys = new PortalJourneys(portal)) {
            journeys.play();
        }
    }
}
