/** Campaigns that send a template, and the holds that stop them while the template cannot or may not be sent. */
package dev.warden.domain.campaign;
