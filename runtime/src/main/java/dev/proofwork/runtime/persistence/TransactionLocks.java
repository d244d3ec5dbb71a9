package dev.proofwork.runtime.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises transactions about one thing (a submission, an audition) when they arrive on different topics
 * and each must see what the other wrote: without it, two concurrent transactions can each miss the other's
 * uncommitted row and leave work undone. The lock is released when the transaction ends.
 */
@ApplicationScoped
public class TransactionLocks {

    public Uni<Void> lock(String scope, Object key) {
        return take("pg_advisory_xact_lock", scope, key);
    }

    /**
     * A lock many transactions hold at once, which waits only for, and holds off, {@link #lock} on the same scope
     * and key: the many small writers of something that one large writer must see settled.
     */
    public Uni<Void> lockShared(String scope, Object key) {
        return take("pg_advisory_xact_lock_shared", scope, key);
    }

    // Run as a statement, not a selection: Hibernate caches a native selection's plan under a key that never
    // matches again, so a select per consumed event would fill the query plan cache and evict every HQL plan.
    private static Uni<Void> take(String function, String scope, Object key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select " + function + "(hashtext(:key))")
                .setParameter("key", scope + ":" + key)
                .executeUpdate())
                .replaceWithVoid();
    }
}
