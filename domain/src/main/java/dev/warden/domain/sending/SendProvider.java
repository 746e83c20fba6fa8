package dev.warden.domain.sending;

/**
 * Who carries a customer message to WhatsApp: Meta's Cloud API directly, or MyOperator. The same two
 * as the alert channel's providers, kept apart from them so the alert preferences and the sends can
 * change on their own.
 */
public enum SendProvider { MYOPERATOR, META }
