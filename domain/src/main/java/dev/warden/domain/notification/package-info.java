/** Notifications to people: preferences, outbox entries, delivery outcomes and the retry policy (ADR 0011). */
package dev.warden.domain.notification;
