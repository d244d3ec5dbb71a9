package dev.proofwork.scoring.duplicate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Estimates the Jaccard similarity of two texts' 5-word shingles from fixed-size signatures, so a new
 * submission is compared with a cohort's earlier ones without re-reading their text.
 */
public final class MinHash {

    static final int SIGNATURE_SIZE = 128;
    private static final int SHINGLE_WORDS = 5;
    private static final int[] SEEDS = new int[SIGNATURE_SIZE];

    static {
        // fixed seeds: signatures stored today must stay comparable with those computed tomorrow
        long state = 0x5DEECE66DL;
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            SEEDS[i] = (int) (state >>> 32);
        }
    }

    private MinHash() {
    }

    public static int[] signature(String text) {
        int[] signature = new int[SIGNATURE_SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (int shingle : shingles(text)) {
            for (int i = 0; i < SIGNATURE_SIZE; i++) {
                signature[i] = Math.min(signature[i], mix(shingle ^ SEEDS[i]));
            }
        }
        return signature;
    }

    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIGNATURE_SIZE;
    }

    private static Set<Integer> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        String[] kept = Arrays.stream(words).filter(w -> !w.isEmpty()).toArray(String[]::new);
        Set<Integer> shingles = new HashSet<>();
        if (kept.length < SHINGLE_WORDS) {
            shingles.add(hash(String.join(" ", kept)));
            return shingles;
        }
        for (int i = 0; i + SHINGLE_WORDS <= kept.length; i++) {
            shingles.add(hash(String.join(" ", Arrays.copyOfRange(kept, i, i + SHINGLE_WORDS))));
        }
        return shingles;
    }

    /** FNV-1a over the UTF-8 bytes. */
    private static int hash(String shingle) {
        int h = 0x811c9dc5;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** The murmur3 finaliser: spreads each seeded hash so the minima behave as independent permutations. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
