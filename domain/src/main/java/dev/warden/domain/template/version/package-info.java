/** Immutable numbered versions of a template's content, their structured diffs, and Meta's edit limits. */
package dev.warden.domain.template.version;
