/** What a template says: header, body, footer and buttons, with Meta's limits. */
package dev.warden.domain.template.content;
