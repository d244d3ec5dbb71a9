package dev.proofwork.payout.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PayoutAccountRepository implements PanacheRepositoryBase<PayoutAccount, String> {
}
