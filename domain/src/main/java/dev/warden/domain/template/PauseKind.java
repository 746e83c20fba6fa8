package dev.warden.domain.template;

/**
 * What kind of pause Meta reported ({@code other_info.title}, read by the Meta adapter). Quality pauses
 * end by themselves; a pause during pacing must be lifted by a person.
 */
public enum PauseKind {
    /** The first quality pause: 3 hours. */
    FIRST,
    /** The second quality pause: 6 hours; a third disables the template. */
    SECOND,
    /** Paused during template pacing: Meta does not unpause it by itself. */
    RATE_LIMITING,
    /** Meta named no kind, or one Warden does not know. */
    UNSPECIFIED
}
