package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.persistence.TextListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An operator's reviewer: who they are in Keycloak, which skills they may score, which organisations they
 * belong to (and so may not judge), and how many open reviews they take.
 */
@Entity
@Table(name = "reviewer")
public class Reviewer {

    @Id
    private UUID id;
    private String subject;
    @Convert(converter = TextListConverter.class)
    private List<String> skills;
    @Convert(converter = TextListConverter.class)
    private List<String> affiliations;
    private int maxOpenReviews;
    private boolean active;
    private Instant createdAt;

    protected Reviewer() {
    }

    Reviewer(String subject, List<String> skills, List<String> affiliations, int maxOpenReviews, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.skills = List.copyOf(skills);
        this.affiliations = List.copyOf(affiliations);
        this.maxOpenReviews = maxOpenReviews;
        this.active = true;
        this.createdAt = now;
    }

    void deactivate() {
        active = false;
    }

    /** Records an organisation the reviewer turned out to belong to; true if it was not known yet. */
    public boolean affiliate(String orgId) {
        if (affiliations.contains(orgId)) {
            return false;
        }
        affiliations = Stream.concat(affiliations.stream(), Stream.of(orgId)).toList();
        return true;
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

    /** Organisations whose auditions this reviewer must never review. */
    public List<String> affiliations() {
        return affiliations;
    }

    public int maxOpenReviews() {
        return maxOpenReviews;
    }

    public boolean active() {
        return active;
    }
}
