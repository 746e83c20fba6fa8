package dev.warden.application.service;

import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateKey;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one inbox batch reads up front and writes at the end: its templates, their unresolved
 * alerts, and which of them have campaigns. One query of each kind per batch instead of several
 * per change.
 */
record InboxBatch(WriteBehindTemplates templates, WriteBehindAlerts alerts, BatchCampaignHolds holds) {

    /**
     * Organisations in the order the database sorts their ids: as unsigned 128-bit numbers, the order of their
     * text form ({@link java.util.UUID#compareTo} compares signed halves and disagrees for half of all pairs).
     * Whoever else locks many templates (the quality snapshot) takes them in this order, by organisation then id;
     * a batch's contact links and delivery reports are written by organisation in this order too.
     */
    static final Comparator<OrganizationId> LOCK_ORDER = Comparator.comparing(id -> id.value().toString());

    /**
     * Reads the templates the batch names (all of them, or those no other batch holds: {@code busy}), then their
     * alerts and whether they have campaigns.
     */
    void prefetch(Map<OrganizationId, ? extends Collection<TemplateKey>> keys, BusyTemplates busy) {
        // Templates are locked as they are read, in id order within an organisation; organisations in
        // id order too, so two batches never wait for each other in a circle.
        Map<OrganizationId, Collection<TemplateKey>> inOrder = new TreeMap<>(LOCK_ORDER);
        inOrder.putAll(keys);
        inOrder.forEach(busy == BusyTemplates.WAIT ? templates::prefetch : templates::prefetchUnlessBusy);
        long named = inOrder.values().stream().mapToLong(organisationKeys -> organisationKeys.stream().distinct().count()).sum();
        if (busy == BusyTemplates.LEAVE_UNLESS_NOTHING_ELSE && named > 0 && templates.busyCount() == named) {
            // Nothing else to do: wait, holding no template, rather than claim the same changes again at once.
            templates.waitForBusy();
        }
        templates.storedTemplates().forEach((organization, ids) -> {
            List<AlertSubject> subjects = ids.stream().map(AlertSubject::template).toList();
            alerts.prefetch(organization, subjects);
            holds.prefetch(organization, ids);
        });
    }

    /** What a batch does about the templates another batch holds. */
    enum BusyTemplates {
        /** Waits for them: reconciliation, whose page of differences has no inbox to go back to. */
        WAIT,
        /** Leaves their changes for a later batch (ADR 0024): an inbox batch with other changes to settle. */
        LEAVE,
        /** Leaves their changes for a later batch, but waits if they are all the batch names (ADR 0024). */
        LEAVE_UNLESS_NOTHING_ELSE
    }

    /** Writes the templates (with their history, versions and quality), then the alerts. */
    void flush() {
        templates.flush();
        alerts.flush();
    }
}
