package dev.proofwork.ranking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    @Test
    void aDatasetFromCsvIsRankedAndItsEstimatesWrittenBackWithTheIslandMarked() throws Exception {
        Path reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, """
                learner,cohort,task,reviewer,score,timestamp
                ann,c1,t1,r1,4,2026-01-05T10:00:00Z
                bob,c1,t1,r1,1,2026-01-05T11:00:00Z
                cat,c1,t2,r1,3,2026-02-01T09:00:00Z
                dan,c2,t9,r9,4,2026-03-01T09:00:00Z
                """);
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, "learner,ability\nann,1.5\nbob,-1.0\ncat,0.5\ndan,0.0\n");

        Scenario scenario = CsvDataset.read(reviews, truth, 4);
        BatchRefit.Result fitted = new BatchRefit(0.6, new Belief(0, 1), new Belief(0, 0.49), new Belief(0, 0.25))
                .fit(scenario.observations(), scenario.learners(), scenario.tasks(), scenario.reviewers());
        Path out = dir.resolve("estimates.csv");
        CsvDataset.write(out, scenario, fitted.learners());

        assertThat(scenario.learners()).isEqualTo(4);
        assertThat(scenario.days()[3]).isGreaterThan(50);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("learner,mu,sigma,published_score,comparable");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("dan,").endsWith(",false"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ann,").endsWith(",true"));
        double ann = Double.parseDouble(lines.stream().filter(l -> l.startsWith("ann,")).findFirst().orElseThrow().split(",")[1]);
        double bob = Double.parseDouble(lines.stream().filter(l -> l.startsWith("bob,")).findFirst().orElseThrow().split(",")[1]);
        assertThat(ann).isGreaterThan(bob);
    }
}
