package dev.proofwork.audition.submission;

import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.domain.DomainException.Field;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.domain.DomainException.TooLarge;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** A learner's work as received: markdown text, up to 10 links, and optional files. */
public record SubmissionInput(String content, List<String> links, List<File> files) {

    static final int MAX_CONTENT_BYTES = 200 * 1024;
    static final int MAX_LINKS = 10;
    static final int MAX_LINK_LENGTH = 2048;
    static final int MAX_FILES = 10;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    public record File(String name, String mediaType, byte[] data) {
    }

    public SubmissionInput {
        links = links == null ? List.of() : List.copyOf(links);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Refuses oversize work with 413 and malformed work with 400, naming the field. */
    void validate() {
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw tooLarge("content", "is larger than " + MAX_CONTENT_BYTES / 1024 + " KB");
        }
        long fileBytes = files.stream().mapToLong(file -> file.data().length).sum();
        if (fileBytes > MAX_FILE_BYTES) {
            throw tooLarge("files", "add up to more than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        List<Field> errors = new ArrayList<>();
        if (content == null || content.isBlank()) {
            errors.add(new Field("content", "must not be blank"));
        }
        if (links.size() > MAX_LINKS) {
            errors.add(new Field("links", "at most " + MAX_LINKS + " links"));
        }
        for (int i = 0; i < links.size(); i++) {
            if (!isWebLink(links.get(i))) {
                errors.add(new Field("links[" + i + "]", "must be an absolute http or https URL"));
            }
        }
        if (files.size() > MAX_FILES) {
            errors.add(new Field("files", "at most " + MAX_FILES + " files"));
        }
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            if (file.name() == null || file.name().isBlank() || file.name().length() > 255) {
                errors.add(new Field("files[" + i + "]", "needs a file name of at most 255 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
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

    private static boolean isWebLink(String link) {
        if (link == null || link.length() > MAX_LINK_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.isAbsolute() && uri.getScheme() != null && LINK_SCHEMES.contains(uri.getScheme().toLowerCase())
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static DomainException tooLarge(String field, String message) {
        return new TooLarge("The submission is too large",
                List.of(new Field(field, message)));
    }
}
