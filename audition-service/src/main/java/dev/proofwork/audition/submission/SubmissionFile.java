package dev.proofwork.audition.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "submission_file")
public class SubmissionFile {

    @Id
    private UUID id;
    private UUID submissionId;
    private String name;
    private String mediaType;
    private long sizeBytes;
    private String sha256;
    private byte[] data;

    protected SubmissionFile() {
    }

    SubmissionFile(UUID submissionId, SubmissionInput.File file) {
        this.id = UUID.randomUUID();
        this.submissionId = submissionId;
        this.name = file.name();
        this.mediaType = file.mediaType();
        this.sizeBytes = file.data().length;
        this.sha256 = Sha256.hex(file.data());
        this.data = file.data();
    }

    public UUID submissionId() {
        return submissionId;
    }

    public byte[] data() {
        return data;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }
}
