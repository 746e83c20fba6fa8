package dev.warden.application.port.out;

/** Outgoing port: turns one change of Meta's webhook into what it means for Warden (adapters-meta). */
public interface MetaChangeTranslator {

    /** @throws MalformedPayload when a change Warden handles lacks what it needs */
    TranslatedChange translate(InboxChange change);
}
