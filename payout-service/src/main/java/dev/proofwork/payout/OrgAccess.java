package dev.proofwork.payout;

import dev.proofwork.runtime.domain.DomainException.NotAllowed;
import dev.proofwork.runtime.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** An employer sees and moves only its own org's money; operators see every org's. */
@RequestScoped
public class OrgAccess {

    private final Caller caller;

    OrgAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireOrg(String orgId) {
        if (!caller.isOperator() && !caller.orgId().equals(orgId)) {
            throw new NotAllowed("forbidden", "Forbidden", "this account belongs to another organisation than " + orgId);
        }
    }
}
