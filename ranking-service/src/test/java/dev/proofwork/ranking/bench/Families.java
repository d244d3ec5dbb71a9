package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.bench.Scenario.Parameters;
import dev.proofwork.ranking.bench.Scenario.Reviewers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marketplaces the ranking is measured on: the standard one and, each changing one thing about it, the
 * ways a real one differs. Every family is derived from the standard, so flags that change the standard
 * change them all.
 */
final class Families {

    private Families() {
    }

    static Map<String, Parameters> from(Parameters standard) {
        Map<String, Parameters> families = new LinkedHashMap<>();
        families.put("standard", standard);
        families.put("harsh-lenient", standard.with(Reviewers.HARSH_AND_LENIENT));
        families.put("small-cohorts", standard.withCohorts(100, 10, 2, 4, 2));
        families.put("wide-gap", standard.withSpread(1.5, standard.taskSd(), standard.reviewerSd(), standard.noiseSd()));
        families.put("few-tasks", standard.withTasks(1));
        families.put("no-anchors", standard.withCohorts(standard.cohorts(), standard.learnersPerCohort(),
                standard.reviewersPerCohort(), standard.roamingReviewers(), 0));
        families.put("drift", standard.withTime(12, 1.0));
        families.put("random-reviewer", standard.with(Reviewers.ONE_RANDOM));
        families.put("colluding-reviewer", standard.with(Reviewers.ONE_COLLUDING));
        families.put("logistic-scale", standard.with(Scenario.Scale.LOGISTIC));
        families.put("criteria", standard.with(Scenario.Scale.CRITERIA));
        return families;
    }
}
