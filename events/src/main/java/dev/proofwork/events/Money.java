package dev.proofwork.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** An amount of money as integer minor units (cents, pence) and an ISO 4217 currency code. */
public record Money(long amountMinor, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, was " + currency);
        }
    }
}
