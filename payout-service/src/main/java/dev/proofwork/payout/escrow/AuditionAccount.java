package dev.proofwork.payout.escrow;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The account an audition's escrow will be reserved in, opened when the audition is drafted. */
@Entity
@Table(name = "audition_account")
public class AuditionAccount {

    @Id
    private UUID auditionId;
    private String orgId;
    private String title;
    private String skill;
    private Instant draftedAt;

    protected AuditionAccount() {
    }

    AuditionAccount(UUID auditionId, String orgId, String title, String skill, Instant draftedAt) {
        this.auditionId = auditionId;
        this.orgId = orgId;
        this.title = title;
        this.skill = skill;
        this.draftedAt = draftedAt;
    }

    public record View(UUID auditionId, String orgId, String title, String skill) {
    }

    View view() {
        return new View(auditionId, orgId, title, skill);
    }
}
