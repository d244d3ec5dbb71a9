package dev.proofwork.audition.attempt;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

@ApplicationScoped
public class AttemptSweeper {

    private static final Logger LOG = Logger.getLogger(AttemptSweeper.class);

    private final AttemptExpiry expiry;

    AttemptSweeper(AttemptExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(every = "${proofwork.attempts.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return expiry.expireOverdue()
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("expired %d attempts past their deadline", expired);
                    }
                })
                .replaceWithVoid();
    }
}
