package dev.proofwork.scoring.duplicate;

import dev.proofwork.events.SubmittedFile;
import dev.proofwork.scoring.review.ReviewSubmission;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Finds the earlier submission a new one most resembles, when the resemblance crosses the threshold. */
@ApplicationScoped
public class DuplicateDetector {

    public record Match(ReviewSubmission original, double similarity) {
    }

    private final double threshold;

    DuplicateDetector(@ConfigProperty(name = "proofwork.duplicates.similarity-threshold") double threshold) {
        this.threshold = threshold;
    }

    public Optional<Match> mostSimilar(ReviewSubmission incoming, List<ReviewSubmission> earlier) {
        return earlier.stream()
                .map(other -> new Match(other, similarity(incoming, other)))
                .filter(match -> match.similarity() >= threshold)
                .max(Comparator.comparingDouble(Match::similarity));
    }

    /** Identical work or a shared attachment counts as a copy outright; otherwise the text's estimated Jaccard. */
    static double similarity(ReviewSubmission a, ReviewSubmission b) {
        if (a.contentSha256().equals(b.contentSha256())) {
            return 1.0;
        }
        Set<String> hashes = a.files().stream().map(SubmittedFile::sha256).collect(Collectors.toSet());
        if (b.files().stream().map(SubmittedFile::sha256).anyMatch(hashes::contains)) {
            return 1.0;
        }
        return MinHash.similarity(a.minhash(), b.minhash());
    }
}
