package dev.warden.domain.health;

import dev.warden.domain.template.TemplateSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * A template that needs a person, with every reason that applies (most urgent first) and how many of
 * its campaigns are open (not completed or cancelled), so the admin sees what is at stake. A store may
 * leave out the template's content and approved edits: the views show neither.
 */
public record CriticalTemplate(TemplateSnapshot template, List<Finding> findings, int campaignsAffected) {

    public CriticalTemplate {
        Objects.requireNonNull(template, "template");
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a critical template has at least one finding");
        }
        if (campaignsAffected < 0) {
            throw new IllegalArgumentException("campaignsAffected must be 0 or more, was " + campaignsAffected);
        }
    }

    /** The most urgent reason, which orders the list. */
    public Finding primary() {
        return findings.get(0);
    }
}
