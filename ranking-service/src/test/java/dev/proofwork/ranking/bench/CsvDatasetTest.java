package dev.proofwork.ranking.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    @Test
    void aDatasetFromCsvIsRankedAsServedAndItsEstimatesWrittenBackWithTheIslandMarked() throws Exception {
        Path reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,4,2026-01-05T10:00:00Z
                bob,c1,t1,r1,1,2026-01-05T11:00:00Z
                cat,c1,t2,r1,3,2026-02-01T09:00:00Z
                dan,c2,t9,r9,4,1772355600
                eve,c3,t1,r1,2,2026-03-02T09:00:00Z
                """);
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, "learner,ability\nann,1.5\nbob,-1.0\ncat,0.5\ndan,0.0\neve,0.2\n");

        Scenario scenario = CsvDataset.read(reviews, truth, 0, 4);
        Replay.Estimate served = new Replay(0.6, 0.05, 1, 500, 50).play(scenario, null);
        Path out = dir.resolve("estimates.csv");
        CsvDataset.write(out, scenario, served.learners());

        assertThat(scenario.learners()).isEqualTo(5);
        // t1 is taken in cohorts c1 and c3: an anchor, whose takers are no cohort of their own
        assertThat(scenario.anchorTasks()).containsExactly(true, false, false);
        // the epoch-seconds timestamp is read as the same instant: 1 March, 55 days after 5 January
        assertThat(scenario.observations().get(3).day()).isCloseTo(55 - 1 / 24.0, within(1e-6));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("learner,mu,sigma,published_score,comparable");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("dan,").endsWith(",false"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ann,").endsWith(",true"));
        double ann = Double.parseDouble(lines.stream().filter(l -> l.startsWith("ann,")).findFirst().orElseThrow().split(",")[1]);
        double bob = Double.parseDouble(lines.stream().filter(l -> l.startsWith("bob,")).findFirst().orElseThrow().split(",")[1]);
        assertThat(ann).isGreaterThan(bob);
    }

    @Test
    void aSpreadsheetsExportIsReadTheSame() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,4,2026-01-05T10:00:00Z
                bob,c1,t1,r2,1,2026-01-06T10:00:00Z
                """);
        // Excel's byte-order mark, columns reordered, quoted, Windows line ends, an offset and a date without a time
        Path exported = dir.resolve("exported.csv");
        Files.writeString(exported, "\uFEFF\"Timestamp\",\"Score\",\"Learner\",\"Reviewer\",\"Task\",\"Cohort\"\r\n"
                + "\"2026-01-05T11:00:00+01:00\",\"4\",\"ann\",\"r1\",\"t1\",\"c1\"\r\n"
                + "\"2026-01-06T10:00:00\",\"1\",\"bob\",\"r2\",\"t1\",\"c1\"\r\n");

        Scenario expected = CsvDataset.read(plain, null, 0, 4);
        Scenario read = CsvDataset.read(exported, null, 0, 4);

        assertThat(read.observations()).isEqualTo(expected.observations());
        // without --min-score and --max-score the rubric runs from the smallest score seen to the largest (ann's 4
        // and bob's 1 here), or 0..1 for scores that are fractions
        assertThat(CsvDataset.scoreRange(exported)).containsExactly(1, 4);
        assertThat(CsvDataset.instant("2026-01-05")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        // epoch milliseconds, as JavaScript writes them, are not read as seconds 56,000 years ahead
        assertThat(CsvDataset.instant("1772359200000")).isEqualTo(CsvDataset.instant("1772359200"));
    }

    @Test
    void aScaleIsReadFromItsFloorToItsCeiling() throws Exception {
        Path likert = dir.resolve("likert.csv");
        Files.writeString(likert, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,1,2026-01-05T10:00:00Z
                bob,c1,t1,r1,3,2026-01-05T11:00:00Z
                cat,c1,t1,r1,5,2026-01-05T12:00:00Z
                """);
        Path fractions = dir.resolve("fractions.csv");
        Files.writeString(fractions, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,0.25,2026-01-05T10:00:00Z
                bob,c1,t1,r1,0.75,2026-01-05T11:00:00Z
                """);

        // a 1..5 scale's lowest answer is its floor, not a fifth of the way up
        assertThat(CsvDataset.scoreRange(likert)).containsExactly(1, 5);
        assertThat(CsvDataset.read(likert, null, 1, 5).observations()).extracting(o -> o.score())
                .containsExactly(0.0, 0.5, 1.0);
        assertThat(CsvDataset.scoreRange(fractions)).containsExactly(0, 1);
    }

    @Test
    void aRowThatCannotBeReadIsNamedByItsLine() throws Exception {
        Path reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,4,2026-01-05T10:00:00Z
                bob,c1,t1,r1,NA,2026-01-05T11:00:00Z
                """);
        Path late = dir.resolve("late.csv");
        Files.writeString(late, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,4,yesterday
                """);

        assertThatThrownBy(() -> CsvDataset.scoreRange(reviews))
                .hasMessage("reviews.csv line 3: score \"NA\" is not a number");
        assertThatThrownBy(() -> CsvDataset.read(late, null, 0, 4))
                .hasMessage("late.csv line 2: timestamp \"yesterday\" is neither an ISO-8601 date-time nor a number "
                        + "of epoch seconds or milliseconds");
        Files.writeString(late, "learner,cohort,task,reviewer,score,timestamp\nbob,c1,t1\n");
        assertThatThrownBy(() -> CsvDataset.read(late, null, 0, 4))
                .hasMessage("late.csv line 2 has too few fields for its header");
    }
}
