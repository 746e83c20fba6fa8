package dev.warden.domain.template.content;

/** Meta's button kinds. Kinds this list does not know are kept as OTHER so a webhook never fails. */
public enum ButtonType {
    QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, SPM, VOICE_CALL, OTHER
}
