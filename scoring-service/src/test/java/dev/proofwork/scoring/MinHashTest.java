package dev.proofwork.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.proofwork.scoring.duplicate.MinHash;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private static String words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    }

    @Test
    void estimatesTheJaccardSimilarityOfShingles() {
        // 0..299 and 100..399 share shingles 100..295 (196) of 396 distinct: Jaccard about 0.495
        double estimate = MinHash.similarity(MinHash.signature(words(0, 300)), MinHash.signature(words(100, 400)));

        assertThat(estimate).isCloseTo(196.0 / 396.0, within(0.12));
    }

    @Test
    void identicalTextIsFullySimilarAndUnrelatedTextHardlyAtAll() {
        String text = words(0, 200);

        assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(text.toUpperCase()))).isEqualTo(1.0);
        assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(words(1000, 1200)))).isLessThan(0.1);
    }
}
