package dev.proofwork.audition.listing;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Closes auditions when their window ends, as an employer or operator closing them would. */
@ApplicationScoped
public class AuditionCloser {

    private final AuditionService auditions;

    AuditionCloser(AuditionService auditions) {
        this.auditions = auditions;
    }

    @Scheduled(every = "${proofwork.auditions.close-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDue() {
        return auditions.closeDue().replaceWithVoid();
    }
}
