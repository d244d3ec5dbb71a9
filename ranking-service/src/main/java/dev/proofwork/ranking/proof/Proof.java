package dev.proofwork.ranking.proof;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A record of each proof issued, so it can be revoked. */
@Entity
@Table(name = "proof")
public class Proof {

    @Id
    private UUID id;
    private String learnerId;
    private String skill;
    private String kid;
    private Instant issuedAt;
    private Instant validUntil;
    private Instant revokedAt;

    protected Proof() {
    }

    Proof(String learnerId, String skill, String kid, Instant issuedAt, Instant validUntil) {
        this.id = UUID.randomUUID();
        this.learnerId = learnerId;
        this.skill = skill;
        this.kid = kid;
        this.issuedAt = issuedAt;
        this.validUntil = validUntil;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public String learnerId() {
        return learnerId;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
