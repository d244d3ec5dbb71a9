package dev.proofwork.audition.audition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules an audition's scope must meet before an operator may approve it. */
@ApplicationScoped
public class ScopingPolicy {

    private final long minPayMinor;
    private final int minTimebox;
    private final int maxTimebox;

    ScopingPolicy(@ConfigProperty(name = "proofwork.scoping.min-pay-minor") long minPayMinor,
            @ConfigProperty(name = "proofwork.scoping.min-timebox-minutes") int minTimebox,
            @ConfigProperty(name = "proofwork.scoping.max-timebox-minutes") int maxTimebox) {
        this.minPayMinor = minPayMinor;
        this.minTimebox = minTimebox;
        this.maxTimebox = maxTimebox;
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
        if (audition.payAmountMinor() < minPayMinor) {
            violations.add("pay of " + audition.payAmountMinor() + " minor units is below the floor of " + minPayMinor);
        }
        if (!audition.closesAt().isAfter(now)) {
            violations.add("the window closed at " + audition.closesAt());
        }
        return violations;
    }
}
