/** Tenants and the WhatsApp Business Accounts (WABAs) each one owns. */
package dev.warden.domain.organization;
