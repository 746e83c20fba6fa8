/**
 * Messages the business sends to its customers through WhatsApp: transactional template sends mapped
 * from business events, free-form texts inside the customer-service window, the contacts a WABA must
 * not send to, and how a provider's refusal is scoped (recipient, template, account).
 */
package dev.warden.domain.sending;
