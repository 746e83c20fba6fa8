/** The operators' API over templates, their history, alerts, campaigns and the webhook dead letters. */
package dev.warden.adapters.web.api;
