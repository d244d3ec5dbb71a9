package dev.proofwork.portal.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScoreChartTest {

    private static final String HISTORY = """
            {"now": {"skill": "sql", "score": 400, "mu": 0.2, "sigma": 0.43, "proofValidUntil": "2027-03-01T00:00:00Z"},
             "moves": [
               {"at": "2026-09-01T00:00:00Z", "cause": "REVIEW", "score": 250, "mu": 0.0, "sigma": 0.83},
               {"at": "2026-11-01T00:00:00Z", "cause": "REVIEW", "score": 430, "mu": 0.2, "sigma": 0.33}],
             "decay": [{"at": "2026-12-01T00:00:00Z", "score": 400}, {"at": "2027-03-01T00:00:00Z", "score": 300}]}
            """;

    @Test
    void drawsThePastLeftOfNowAndTheDecayRightOfItOnTheScoreScale() throws Exception {
        ScoreChart chart = ScoreChart.of(new ObjectMapper().readTree(HISTORY));

        double[][] published = points(chart.published());
        assertThat(published.length).isEqualTo(3);
        assertThat(published[0][0]).isEqualTo(chart.left());
        assertThat(published[2][0]).isEqualTo(chart.nowX());
        // 400 of 1000 sits 60% down the plot
        assertThat(published[2][1]).isCloseTo(chart.top() + 0.6 * (chart.bottom() - chart.top()), within(0.2));
        assertThat(published[1][1]).as("a higher score is drawn higher").isLessThan(published[0][1]);

        double[][] decay = points(chart.decay());
        assertThat(decay[0]).containsExactly(published[2]);
        assertThat(decay[1][0]).isEqualTo(chart.right());
        assertThat(chart.lapseX()).isEqualTo(chart.right());
        assertThat(chart.xTicks()).extracting(ScoreChart.Tick::label).contains("1 Sep", "now", "1 Mar");

        // the band holds the published score at its lower edge: upper points first, lower ones back
        double[][] band = points(chart.band());
        assertThat(band.length).isEqualTo(6);
        assertThat(band[0][1]).isLessThan(band[5][1]);
    }

    @Test
    void labelsAPastOfMinutesOnce() throws Exception {
        String minutesAgo = HISTORY.replace("2026-09-01T00:00:00Z", "2026-11-30T23:59:10Z")
                .replace("2026-11-01T00:00:00Z", "2026-11-30T23:59:40Z");
        ScoreChart chart = ScoreChart.of(new ObjectMapper().readTree(minutesAgo));

        assertThat(chart.xTicks()).extracting(ScoreChart.Tick::label).doesNotHaveDuplicates().startsWith("23:59", "now");
    }

    private static double[][] points(String line) {
        return Arrays.stream(line.split(" ")).map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }
}
