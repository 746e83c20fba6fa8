/** Template variables ({{1}} or {{first_name}}): detection, validation against Meta's rules, and rendering. */
package dev.warden.domain.template.parameter;
