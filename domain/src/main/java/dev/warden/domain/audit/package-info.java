/** The audit log: every admin action, who did it, when, and what it changed. */
package dev.warden.domain.audit;
