/**
 * Meta's webhook format, read leniently as meta-platform.md describes it: the envelope split into
 * changes with content-derived keys, and each change translated into Warden's vocabulary.
 */
package dev.warden.adapters.meta.webhook;
