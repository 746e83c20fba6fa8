/** Alerts: one open alert per subject and type, counted on repeat, acknowledged by people, resolved when the cause clears. */
package dev.warden.domain.alert;
