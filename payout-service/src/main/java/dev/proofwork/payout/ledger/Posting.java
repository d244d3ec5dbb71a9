package dev.proofwork.payout.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One business cause's balanced set of entries in one currency: debits (positive) equal credits (negative).
 * The idempotency key names the cause ({@code base-pay:<submission>}), so posting it again does nothing.
 */
public record Posting(String idempotencyKey, String kind, String currency, String memo, String orgId,
        UUID auditionId, String learnerId, List<Entry> entries) {

    public record Entry(String account, long amountMinor) {
    }

    public Posting {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a posting needs entries: " + idempotencyKey);
        }
        long sum = 0;
        for (Entry entry : entries) {
            sum = Math.addExact(sum, entry.amountMinor());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("posting " + idempotencyKey + " is unbalanced by " + sum);
        }
        // a fixed order of account updates keeps concurrent postings from deadlocking
        entries = entries.stream().sorted(Comparator.comparing(Entry::account)).toList();
    }

    public static Builder builder(String idempotencyKey, String kind, String currency, String memo) {
        return new Builder(idempotencyKey, kind, currency, memo);
    }

    public static final class Builder {
        private final String idempotencyKey;
        private final String kind;
        private final String currency;
        private final String memo;
        private String orgId;
        private UUID auditionId;
        private String learnerId;
        private final List<Entry> entries = new ArrayList<>();

        private Builder(String idempotencyKey, String kind, String currency, String memo) {
            this.idempotencyKey = idempotencyKey;
            this.kind = kind;
            this.currency = currency;
            this.memo = memo;
        }

        public Builder org(String orgId) {
            this.orgId = orgId;
            return this;
        }

        public Builder audition(UUID auditionId) {
            this.auditionId = auditionId;
            return this;
        }

        public Builder learner(String learnerId) {
            this.learnerId = learnerId;
            return this;
        }

        /** Zero amounts are left out, so callers need not special-case a free fee. */
        public Builder debit(String account, long amountMinor) {
            return entry(account, nonNegative(amountMinor));
        }

        public Builder credit(String account, long amountMinor) {
            return entry(account, -nonNegative(amountMinor));
        }

        private long nonNegative(long amountMinor) {
            if (amountMinor < 0) {
                throw new IllegalArgumentException("posting " + idempotencyKey + " has a negative amount " + amountMinor);
            }
            return amountMinor;
        }

        private Builder entry(String account, long signed) {
            if (signed != 0) {
                entries.add(new Entry(account, signed));
            }
            return this;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public Posting build() {
            return new Posting(idempotencyKey, kind, currency, memo, orgId, auditionId, learnerId, List.copyOf(entries));
        }
    }
}
