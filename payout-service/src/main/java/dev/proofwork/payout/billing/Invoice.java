package dev.proofwork.payout.billing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invoice for one audition's close ({@code auditionId}) or one month's statement ({@code period}). */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    String number;
    String orgId;
    UUID auditionId;
    String period;
    String currency;
    long totalMinor;
    Instant issuedAt;

    protected Invoice() {
    }

    Invoice(String number, String orgId, UUID auditionId, String period, String currency, long totalMinor,
            Instant issuedAt) {
        this.number = number;
        this.orgId = orgId;
        this.auditionId = auditionId;
        this.period = period;
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.issuedAt = issuedAt;
    }
}
