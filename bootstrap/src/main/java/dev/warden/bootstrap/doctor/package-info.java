/**
 * {@code warden doctor}'s checks: each reads the configuration, tries one thing Warden depends on,
 * and says in one {@link dev.warden.bootstrap.doctor.Finding} what it found and what to do.
 */
package dev.warden.bootstrap.doctor;
