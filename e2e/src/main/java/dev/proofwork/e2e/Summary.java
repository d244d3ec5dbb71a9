package dev.proofwork.e2e;

import dev.proofwork.testkit.Ranks;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The outcome as a person reads it. */
public final class Summary {

    private Summary() {
    }

    public static void print(Outcome outcome, PrintStream out) {
        out.println();
        out.println("Auditions");
        out.printf("  %-42s %-14s %-5s %-6s %7s %8s  %s%n", "title", "org", "skill", "anchor", "filled", "pay", "money");
        for (Outcome.AuditionResult a : outcome.auditions()) {
            out.printf("  %-42s %-14s %-5s %-6s %3d/%-3d %8s  %s%s%n", a.title(), a.orgId(), a.skill(), a.anchor() ? "yes" : "",
                    a.seatsClaimed(), a.seats(), money(a.payMinor()), a.moneyStatus(),
                    a.bonusPoolMinor() > 0 ? ", bonus " + money(a.bonusPoolMinor()) + " to top " + a.bonusTopN() + ": " + a.bonusPaid() : "");
        }

        Map<String, List<Outcome.LearnerResult>> bySkill = outcome.learners().stream()
                .collect(Collectors.groupingBy(Outcome.LearnerResult::skill));
        bySkill.forEach((skill, learners) -> {
            List<Outcome.LearnerResult> ranked = learners.stream().filter(l -> l.score() != null)
                    .sorted(Comparator.comparing(Outcome.LearnerResult::score).reversed()).toList();
            out.println();
            out.println("Top learners in " + skill);
            ranked.stream().limit(5).forEach(l -> out.printf("  %-24s score %4d  sigma %.2f  (true ability %+.2f)%n",
                    l.username(), l.score(), l.sigma(), l.trueAbility()));
            List<Outcome.LearnerResult> withBoth = ranked.stream().filter(l -> l.rawMean() != null).toList();
            double[] truth = withBoth.stream().mapToDouble(Outcome.LearnerResult::trueAbility).toArray();
            out.printf("  Spearman with the hidden true abilities: ranking %.2f, raw mean of scores %.2f (%d learners)%n",
                    Ranks.spearman(withBoth.stream().mapToDouble(Outcome.LearnerResult::mu).toArray(), truth),
                    Ranks.spearman(withBoth.stream().mapToDouble(Outcome.LearnerResult::rawMean).toArray(), truth),
                    withBoth.size());
        });

        out.println();
        out.println("Payouts per learner (paid out / held / base pay / bonus)");
        for (Outcome.LearnerResult l : outcome.learners()) {
            out.printf("  %-24s %9s %9s %9s %9s%s%n", l.username(), money(l.paidOutMinor()), money(l.heldMinor()),
                    money(l.basePayMinor()), money(l.bonusMinor()), l.hasPayoutAccount() ? "" : "  (no payout account: held)");
        }

        out.println();
        out.println("Invoices");
        outcome.invoices().forEach((org, invoices) -> invoices.forEach(i -> out.printf("  %-14s %-28s %s %s%n", org,
                i.number(), money(i.totalMinor()) + " " + i.currency(), i.auditionId() != null ? "close of " + i.auditionId() : i.period())));

        out.println();
        out.println("Checks");
        out.println("  ledger trial balance:   " + (outcome.trialBalanced() ? "balanced " : "NOT BALANCED ") + outcome.trialBalance());
        out.println("  late submission:        HTTP " + outcome.lateSubmissionStatus() + " (refused)");
        out.println("  duplicate:              " + outcome.duplicateStatus() + ", paid " + money(outcome.duplicateLearnerPaid()));
        out.println("  junk submission:        " + outcome.junkValidity() + ", paid " + money(outcome.junkLearnerPaid()));
        out.println("  appeal:                 " + outcome.appealOutcome());
        outcome.proofVerifications().forEach(p -> out.println("  proof:                  " + p));
        out.println();
    }

    private static String money(long minor) {
        return "%d.%02d".formatted(minor / 100, minor % 100);
    }
}
