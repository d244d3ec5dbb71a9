package dev.proofwork.audition.listing;

import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules an audition's scope must meet before an operator may approve it. */
@ApplicationScoped
public class ScopingPolicy {

    private final SupportedCurrencies currencies;
    private final int minTimebox;
    private final int maxTimebox;

    ScopingPolicy(SupportedCurrencies currencies,
            @ConfigProperty(name = "proofwork.scoping.min-timebox-minutes") int minTimebox,
            @ConfigProperty(name = "proofwork.scoping.max-timebox-minutes") int maxTimebox) {
        this.currencies = currencies;
        this.minTimebox = minTimebox;
        this.maxTimebox = maxTimebox;
    }

    /** A draft may only name a currency the platform pays in: any other could never be funded or paid. */
    public void requireSupportedCurrency(AuditionSpec spec) {
        String currency = spec.payPerSubmission().currency();
        if (!currencies.byCode().containsKey(currency)) {
            throw new InvalidInput(
                    "payPerSubmission.currency", "is not a currency the platform pays in; use one of "
                            + new TreeSet<>(currencies.byCode().keySet()));
        }
    }

    /** Each rule the audition breaks, in words an employer can act on; empty when it may be approved. */
    public List<String> violations(Audition audition, Instant now) {
        List<String> violations = new ArrayList<>();
        BigDecimal weights = audition.rubric().stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.compareTo(BigDecimal.ONE) != 0) {
            violations.add("rubric weights sum to " + weights.stripTrailingZeros().toPlainString() + ", not 1");
        }
        if (audition.timeboxMinutes() < minTimebox || audition.timeboxMinutes() > maxTimebox) {
            violations.add("timebox of " + audition.timeboxMinutes() + " minutes is outside " + minTimebox + "-"
                    + maxTimebox);
        }
        SupportedCurrencies.Terms terms = currencies.byCode().get(audition.payCurrency());
        if (terms == null) {
            violations.add("pay in " + audition.payCurrency() + " is no longer supported");
        } else if (audition.payAmountMinor() < terms.minPayMinor()) {
            violations.add("pay of " + audition.payAmountMinor() + " minor units is below the floor of "
                    + terms.minPayMinor() + " " + audition.payCurrency());
        }
        if (!audition.closesAt().isAfter(now)) {
            violations.add("the window closed at " + audition.closesAt());
        }
        return violations;
    }
}
