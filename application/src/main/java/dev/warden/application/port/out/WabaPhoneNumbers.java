package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;

/**
 * Asks Meta which business phone numbers a WABA has. Warden sends with one deployment-wide token that
 * can reach every organisation's numbers, so a number an organisation names is checked against its
 * own WABA before anything is sent from it.
 */
public interface WabaPhoneNumbers {

    /**
     * Whether Meta lists {@code phoneNumberId} among the WABA's phone numbers (false also when Meta does
     * not know the WABA).
     *
     * @throws MetaCallFailed when Meta gave no usable answer
     */
    boolean belongs(WabaId wabaId, String phoneNumberId);
}
