/**
 * Domain services that span aggregates: applying Meta's reported changes to a template together
 * with their side effects on campaigns and alerts (SPEC 3.3 to 3.5).
 */
package dev.warden.domain.governance;
