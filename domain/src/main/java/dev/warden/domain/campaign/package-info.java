/** Campaigns that send a template, and the rules by which Warden pauses and resumes them for the template's sake. */
package dev.warden.domain.campaign;
