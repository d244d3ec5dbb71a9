package dev.proofwork.audition.submission;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.domain.DomainException.Field;
import dev.proofwork.runtime.domain.DomainException.TooLarge;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A learner's work as received: markdown text, up to 10 links, and files when it comes as a multipart upload
 * (a JSON body carries no files). Its form is checked by Bean Validation where the service takes it; its size
 * in bytes, which decides a 413 rather than a 400, by {@link #requireWithinSizeLimits()}.
 */
public record SubmissionInput(
        @NotBlank @Size(max = MAX_CONTENT_BYTES) String content,
        @Size(max = MAX_LINKS, message = "at most {max} links") List<@NotNull @Size(max = MAX_LINK_LENGTH)
        @Pattern(regexp = "(?i)https?://[^\\s/?#@]+[^\\s]*", message = "must be an absolute http or https URL") String> links,
        @JsonIgnore @Schema(hidden = true) @Size(max = MAX_FILES, message = "at most {max} files") List<@Valid File> files) {

    static final int MAX_CONTENT_BYTES = 200 * 1024;
    static final int MAX_LINKS = 10;
    static final int MAX_LINK_LENGTH = 2048;
    static final int MAX_FILES = 10;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    public record File(
            @NotBlank @Size(max = 255, message = "needs a file name of at most 255 characters") String name,
            String mediaType, byte[] data) {
    }

    public SubmissionInput {
        links = links == null ? List.of() : List.copyOf(links);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Refuses oversize work with 413, naming the field. */
    void requireWithinSizeLimits() {
        if (content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw tooLarge("content", "is larger than " + MAX_CONTENT_BYTES / 1024 + " KB");
        }
        long fileBytes = files.stream().mapToLong(file -> file.data().length).sum();
        if (fileBytes > MAX_FILE_BYTES) {
            throw tooLarge("files", "add up to more than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
    }

    /** One hash over the text, the links and each file's hash, so identical work hashes identically. */
    String contentSha256() {
        MessageDigest digest = Sha256.digest();
        digest.update(content.getBytes(StandardCharsets.UTF_8));
        links.forEach(link -> digest.update(("\nlink:" + link).getBytes(StandardCharsets.UTF_8)));
        files.forEach(file -> digest.update(("\nfile:" + Sha256.hex(file.data())).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static DomainException tooLarge(String field, String message) {
        return new TooLarge("The submission is too large",
                List.of(new Field(field, message)));
    }
}
