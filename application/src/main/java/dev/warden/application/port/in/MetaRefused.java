package dev.warden.application.port.in;

import dev.warden.domain.shared.DomainException;

/**
 * Meta refused a change Warden asked for (a template rule, a refused token, a status Meta does not
 * allow it in); the message is Meta's reason. Nothing was changed in Warden.
 */
public class MetaRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public MetaRefused(String reason) {
        super(reason);
    }
}
