/**
 * The governed WhatsApp message template: identity, Meta's lifecycle over an open status set,
 * quality, category policy, history, and the rules that keep out-of-order and repeated webhooks harmless.
 */
package dev.warden.domain.template;
