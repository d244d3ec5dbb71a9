package dev.proofwork.portal.backend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services answer, as the portal reaches them (not necessarily as a browser would). */
@ConfigMapping(prefix = "proofwork.services")
public interface ServiceUrls {

    @WithDefault("http://localhost:8081")
    String audition();

    @WithDefault("http://localhost:8082")
    String scoring();

    @WithDefault("http://localhost:8083")
    String ranking();

    @WithDefault("http://localhost:8084")
    String payout();

    default String of(Service service) {
        return switch (service) {
            case AUDITION -> audition();
            case SCORING -> scoring();
            case RANKING -> ranking();
            case PAYOUT -> payout();
        };
    }
}
