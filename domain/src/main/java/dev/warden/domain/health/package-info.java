/** Health views: which templates need a person's attention and why, and the organisation's quality picture. */
package dev.warden.domain.health;
