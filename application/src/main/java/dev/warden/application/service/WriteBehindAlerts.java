package dev.warden.application.service;

import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertStore;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts of one inbox batch, written behind: the unresolved alerts of the batch's templates are
 * read in one query, raising and resolving work on them in memory, and at the end new alerts are
 * inserted and changed ones updated (each checked against the revision it was read with) together.
 * Most changes raise or resolve an alert; a lookup and a write per change was a large part of
 * processing a burst. Used inside one transaction only, like {@link WriteBehindTemplates}.
 */
final class WriteBehindAlerts implements AlertStore {

    /** An alert as the batch knows it: its latest snapshot, whether the database has it, whether it changed. */
    private record Known(AlertSnapshot snapshot, boolean stored, boolean changed) {
    }

    private record Subject(OrganizationId organizationId, AlertSubject subject) {
    }

    private final AlertRepository alerts;
    private final Map<Subject, List<Known>> bySubject = new LinkedHashMap<>();

    WriteBehindAlerts(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** Reads the unresolved alerts of the subjects the batch will touch, in one query. */
    void prefetch(OrganizationId organizationId, Collection<AlertSubject> subjects) {
        List<AlertSubject> missing = subjects.stream()
                .filter(subject -> !bySubject.containsKey(new Subject(organizationId, subject))).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(subject -> bySubject.put(new Subject(organizationId, subject), new ArrayList<>()));
        for (Alert alert : alerts.findUnresolved(organizationId, missing)) {
            AlertSnapshot s = alert.snapshot();
            bySubject.get(new Subject(organizationId, s.subject())).add(new Known(s, true, false));
        }
    }

    @Override
    public Optional<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject, AlertType type) {
        return findUnresolved(organizationId, subject).stream().filter(alert -> alert.type() == type).findFirst();
    }

    @Override
    public List<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject) {
        prefetch(organizationId, List.of(subject));
        return bySubject.get(new Subject(organizationId, subject)).stream()
                .filter(known -> known.snapshot().state() != AlertState.RESOLVED)
                .map(known -> Alert.reconstitute(known.snapshot())).toList();
    }

    @Override
    public void add(Alert alert) {
        AlertSnapshot s = alert.snapshot();
        List<Known> known = known(s);
        if (known.stream().anyMatch(k -> k.snapshot().type() == s.type() && k.snapshot().state() != AlertState.RESOLVED)) {
            throw new IllegalStateException("an unresolved " + s.type() + " alert exists for " + s.subject());
        }
        known.add(new Known(s, false, true));
    }

    @Override
    public void update(Alert alert) {
        AlertSnapshot s = alert.snapshot();
        List<Known> known = known(s);
        for (int i = 0; i < known.size(); i++) {
            Known previous = known.get(i);
            if (previous.snapshot().id().equals(s.id())) {
                if (previous.snapshot().revision() != s.revision()) {
                    throw new ConcurrentModification("alert", s.id(), s.revision());
                }
                // The revision stays the one read: the flush checks it against the database.
                known.set(i, new Known(s, previous.stored(), true));
                return;
            }
        }
        throw new ConcurrentModification("alert", s.id(), s.revision());
    }

    /** Inserts the alerts the batch raised and updates the ones it changed. */
    void flush() {
        List<Alert> added = new ArrayList<>();
        List<Alert> updated = new ArrayList<>();
        for (List<Known> known : bySubject.values()) {
            for (Known entry : known) {
                if (!entry.stored()) {
                    added.add(Alert.reconstitute(entry.snapshot()));
                } else if (entry.changed()) {
                    updated.add(Alert.reconstitute(entry.snapshot()));
                }
            }
        }
        // Updates first: an alert resolved and raised again within the batch must leave the database's
        // one-unresolved-alert-per-cause index before its successor arrives.
        alerts.updateAll(updated);
        alerts.addAll(added);
    }

    private List<Known> known(AlertSnapshot s) {
        prefetch(s.organizationId(), List.of(s.subject()));
        return bySubject.get(new Subject(s.organizationId(), s.subject()));
    }
}
