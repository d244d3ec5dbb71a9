package dev.proofwork.audition.listing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * The currencies auditions may pay in, each with its pay floor: {@code proofwork.currencies.EUR.min-pay-minor}.
 * They match the currencies payout-service has price plans for; pay in any other could never be funded.
 */
@ConfigMapping(prefix = "proofwork.currencies")
public interface SupportedCurrencies {

    @WithParentName
    Map<String, Terms> byCode();

    interface Terms {

        /** The least an audition may pay per accepted submission, in minor units. */
        long minPayMinor();
    }
}
