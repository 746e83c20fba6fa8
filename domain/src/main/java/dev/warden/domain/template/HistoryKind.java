package dev.warden.domain.template;

/** What a history entry is about; UNRECOGNISED holds events Warden does not know, shown but never applied. */
public enum HistoryKind {
    STATUS, QUALITY, CATEGORY, CONTENT, UNRECOGNISED;

    static HistoryKind of(ChangeKind kind) {
        return kind == ChangeKind.MARKER ? STATUS : valueOf(kind.name());
    }
}
