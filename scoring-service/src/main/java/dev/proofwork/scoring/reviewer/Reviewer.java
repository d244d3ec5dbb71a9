package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.persistence.TextListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An operator's reviewer: who they are in Keycloak, which skills they may score, and how many open reviews they take. */
@Entity
@Table(name = "reviewer")
public class Reviewer {

    @Id
    private UUID id;
    private String subject;
    @Convert(converter = TextListConverter.class)
    private List<String> skills;
    private int maxOpenReviews;
    private boolean active;
    private Instant createdAt;

    protected Reviewer() {
    }

    Reviewer(String subject, List<String> skills, int maxOpenReviews, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.skills = List.copyOf(skills);
        this.maxOpenReviews = maxOpenReviews;
        this.active = true;
        this.createdAt = now;
    }

    void deactivate() {
        active = false;
    }

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public List<String> skills() {
        return skills;
    }

    public int maxOpenReviews() {
        return maxOpenReviews;
    }

    public boolean active() {
        return active;
    }
}
