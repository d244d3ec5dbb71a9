package dev.proofwork.events;

/** A pool shared at close among the {@code topN} best final scores of an audition. */
public record Bonus(Money pool, int topN) {
}
