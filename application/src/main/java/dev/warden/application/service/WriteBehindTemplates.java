package dev.warden.application.service;

import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.quality.QualityLog;
import dev.warden.domain.quality.QualityObservation;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.AvailableTemplates;
import dev.warden.domain.template.ChangedTemplate;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateHistoryLog;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.TemplateStore;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionLog;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The template-side ports of one inbox batch, written behind: the batch's templates are read in
 * one query, every change of the batch works on them in memory, and at the end all inserts,
 * updates (each checked against the revision it was read with), history lines, versions and
 * quality observations go to the database together. Meta sends bursts of changes; one round
 * trip per kind of write instead of several per change is what keeps up with them. Used inside
 * one transaction only: a failed flush rolls the whole batch back. It offers the governor only
 * what governing a change needs (find by Meta key, add, update, append), so every call is real.
 */
final class WriteBehindTemplates implements TemplateStore {

    private final TemplateRepository templates;
    private final TemplateHistory history;
    private final TemplateVersionRepository versions;
    private final QualityHistory quality;

    /** A template as the batch knows it: the latest snapshot, and as it was read if the database has it. */
    private record Known(TemplateSnapshot snapshot, Optional<TemplateSnapshot> loaded, boolean changed) {

        boolean stored() {
            return loaded.isPresent();
        }
    }

    private final Map<OrganizationId, Map<TemplateKey, Known>> byKey = new LinkedHashMap<>();
    /** Stored templates another batch holds: the changes about them wait for a later batch, unread. */
    private final Map<OrganizationId, Set<TemplateKey>> busy = new LinkedHashMap<>();
    private final List<TemplateHistoryEntry> historyLines = new ArrayList<>();
    private final List<TemplateVersion> newVersions = new ArrayList<>();
    private final List<QualityObservation> observations = new ArrayList<>();

    WriteBehindTemplates(TemplateRepository templates, TemplateHistory history, TemplateVersionRepository versions,
                         QualityHistory quality) {
        this.templates = templates;
        this.history = history;
        this.versions = versions;
        this.quality = quality;
    }

    /** Reads the templates the batch will touch, one query per organisation. */
    void prefetch(OrganizationId organizationId, Collection<TemplateKey> keys) {
        Map<TemplateKey, Known> known = byKey.computeIfAbsent(organizationId, org -> new LinkedHashMap<>());
        List<TemplateKey> missing = keys.stream().filter(key -> !known.containsKey(key)).distinct().toList();
        templates.findByKeys(organizationId, missing).forEach(template -> remember(known, template));
    }

    private static void remember(Map<TemplateKey, Known> known, MessageTemplate template) {
        TemplateSnapshot snapshot = template.snapshot();
        snapshot.metaTemplateId().ifPresent(id -> known.put(new TemplateKey(snapshot.wabaId(), id),
                new Known(snapshot, Optional.of(snapshot), false)));
    }

    /**
     * Reads and locks the templates the batch will touch that no other batch holds; those another batch holds are
     * remembered as {@link #busy}, not read.
     */
    void prefetchUnlessBusy(OrganizationId organizationId, Collection<TemplateKey> keys) {
        Map<TemplateKey, Known> known = byKey.computeIfAbsent(organizationId, org -> new LinkedHashMap<>());
        List<TemplateKey> missing = keys.stream().filter(key -> !known.containsKey(key)).distinct().toList();
        AvailableTemplates available = templates.findByKeysUnlessBusy(organizationId, missing);
        available.templates().forEach(template -> remember(known, template));
        if (!available.busy().isEmpty()) {
            busy.computeIfAbsent(organizationId, org -> new LinkedHashSet<>()).addAll(available.busy());
        }
    }

    /** Whether another batch holds this template: its changes are left for a later batch. */
    boolean busy(OrganizationId organizationId, TemplateKey key) {
        return busy.getOrDefault(organizationId, Set.of()).contains(key);
    }

    /** How many of the templates named so far another batch holds. */
    int busyCount() {
        return busy.values().stream().mapToInt(Set::size).sum();
    }

    /** Reads the busy templates after all, waiting for the batches that hold them (in the order they were named). */
    void waitForBusy() {
        Map<OrganizationId, Set<TemplateKey>> waitedFor = new LinkedHashMap<>(busy);
        busy.clear();
        waitedFor.forEach(this::prefetch);
    }

    /** The stored templates the batch has read, per organisation: what the batch's alerts and holds are about. */
    Map<OrganizationId, List<TemplateId>> storedTemplates() {
        Map<OrganizationId, List<TemplateId>> ids = new LinkedHashMap<>();
        byKey.forEach((organization, known) -> ids.put(organization, known.values().stream()
                .filter(Known::stored).map(k -> k.snapshot().id()).toList()));
        return ids;
    }

    /** The statuses of the organisation's templates the batch changed: newer than the stored ones until the flush. */
    Map<TemplateId, TemplateStatus> changedStatuses(OrganizationId organizationId) {
        Map<TemplateId, TemplateStatus> statuses = new LinkedHashMap<>();
        byKey.getOrDefault(organizationId, Map.of()).values().stream().filter(Known::changed)
                .forEach(k -> statuses.put(k.snapshot().id(), k.snapshot().status()));
        return statuses;
    }

    /** Writes everything the batch did: new templates, changed ones, then what refers to them. */
    void flush() {
        List<MessageTemplate> added = new ArrayList<>();
        List<ChangedTemplate> updated = new ArrayList<>();
        for (Map<TemplateKey, Known> known : byKey.values()) {
            for (Known entry : known.values()) {
                if (!entry.stored()) {
                    added.add(MessageTemplate.reconstitute(entry.snapshot()));
                } else if (entry.changed()) {
                    updated.add(new ChangedTemplate(entry.loaded().orElseThrow(), entry.snapshot()));
                }
            }
        }
        templates.addAll(added);
        templates.updateAll(updated);
        history.appendAll(historyLines);
        newVersions.forEach(versions::append);
        quality.appendAll(observations);
    }

    @Override
    public Optional<MessageTemplate> findByKey(OrganizationId organizationId, TemplateKey key) {
        if (busy(organizationId, key)) {
            // Unread, so not absent: answering "none" would create it a second time.
            throw new IllegalStateException("template " + key + " is busy in another batch; its change waits");
        }
        Map<TemplateKey, Known> known = byKey.computeIfAbsent(organizationId, org -> new LinkedHashMap<>());
        if (!known.containsKey(key)) {
            prefetch(organizationId, List.of(key));
        }
        return Optional.ofNullable(known.get(key)).map(k -> MessageTemplate.reconstitute(k.snapshot()));
    }

    @Override
    public void add(MessageTemplate template) {
        TemplateSnapshot snapshot = template.snapshot();
        Map<TemplateKey, Known> known = byKey.computeIfAbsent(snapshot.organizationId(), org -> new LinkedHashMap<>());
        TemplateKey key = keyOf(snapshot);
        if (known.containsKey(key)) {
            throw new ConcurrentModification("template", snapshot.id(), snapshot.revision());
        }
        known.put(key, new Known(snapshot, Optional.empty(), true));
    }

    @Override
    public void update(MessageTemplate template) {
        TemplateSnapshot snapshot = template.snapshot();
        Map<TemplateKey, Known> known = byKey.get(snapshot.organizationId());
        Known previous = known == null ? null : known.get(keyOf(snapshot));
        if (previous == null || previous.snapshot().revision() != snapshot.revision()) {
            throw new ConcurrentModification("template", snapshot.id(), snapshot.revision());
        }
        // The revision stays the one read: the flush checks it against the database.
        known.put(keyOf(snapshot), new Known(snapshot, previous.loaded(), true));
    }

    /** History lines of the batch, written at the flush. */
    TemplateHistoryLog history() {
        return historyLines::add;
    }

    /** New versions of the batch, written at the flush. */
    TemplateVersionLog versions() {
        return newVersions::add;
    }

    /** Quality observations of the batch, written at the flush. */
    QualityLog quality() {
        return observations::add;
    }

    private static TemplateKey keyOf(TemplateSnapshot snapshot) {
        return new TemplateKey(snapshot.wabaId(), snapshot.metaTemplateId()
                .orElseThrow(() -> new IllegalStateException("template " + snapshot.id() + " has no Meta id")));
    }
}
