package dev.warden.domain.alert;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Sort;
import dev.warden.domain.template.TemplateId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which alerts to list; an empty organisation means all (super admins only). {@code template}
 * narrows to the alerts about one template. {@code sort} is the order the caller chose; without one the
 * list is last raised first, then by id.
 */
public record AlertFilter(Optional<OrganizationId> organizationId, Optional<AlertState> state,
                          Optional<AlertSeverity> severity, Optional<AlertType> type, Optional<TemplateId> template,
                          Optional<Sort<AlertSortField, AlertSnapshot>> sort) {

    public AlertFilter {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(sort, "sort");
    }

    /** Which alerts, in the default order. */
    public AlertFilter(Optional<OrganizationId> organizationId, Optional<AlertState> state,
                       Optional<AlertSeverity> severity, Optional<AlertType> type, Optional<TemplateId> template) {
        this(organizationId, state, severity, type, template, Optional.empty());
    }

    /** Every alert of an organisation in a state and severity, of any type and subject. */
    public AlertFilter(Optional<OrganizationId> organizationId, Optional<AlertState> state,
                       Optional<AlertSeverity> severity) {
        this(organizationId, state, severity, Optional.empty(), Optional.empty());
    }

    /** The same filter within another organisation scope. */
    public AlertFilter within(Optional<OrganizationId> scope) {
        return new AlertFilter(scope, state, severity, type, template, sort);
    }

    public AlertFilter withSort(Optional<Sort<AlertSortField, AlertSnapshot>> order) {
        return new AlertFilter(organizationId, state, severity, type, template, order);
    }

    /** The subject {@link #template} stands for. */
    public Optional<AlertSubject> subject() {
        return template.map(AlertSubject::template);
    }

    public boolean matches(AlertSnapshot alert) {
        return organizationId.map(alert.organizationId()::equals).orElse(true)
                && state.map(s -> s == alert.state()).orElse(true)
                && severity.map(s -> s == alert.severity()).orElse(true)
                && type.map(t -> t == alert.type()).orElse(true)
                && subject().map(alert.subject()::equals).orElse(true);
    }
}
