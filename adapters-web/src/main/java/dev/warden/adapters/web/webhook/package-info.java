/** Meta's webhook endpoint: the verification handshake and signed deliveries, checked on the raw bytes. */
package dev.warden.adapters.web.webhook;
