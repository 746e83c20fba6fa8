/** Installation administration: organisations, their WhatsApp Business Accounts and their users. */
package dev.warden.adapters.web.admin;
