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
     * Reads the templates the batch names (with {@code leaveBusy}, only those no other batch holds), then their
     * alerts and whether they have campaigns.
     */
    void prefetch(Map<OrganizationId, ? extends Collection<TemplateKey>> keys, boolean leaveBusy) {
        // Templates are locked as they are read, in id order within an organisation; organisations in
        // id order too, so two batches never wait for each other in a circle.
        Map<OrganizationId, Collection<TemplateKey>> inOrder = new TreeMap<>(LOCK_ORDER);
        inOrder.putAll(keys);
        // With leaveBusy, templates another batch holds are skipped, and their changes left for a later batch, rather
        // than waited for (ADR 0024). A batch about nothing but such templates waits for them: it holds no template.
        inOrder.forEach(leaveBusy ? templates::prefetchUnlessBusy : templates::prefetch);
        long named = inOrder.values().stream().mapToLong(organisationKeys -> organisationKeys.stream().distinct().count()).sum();
        if (named > 0 && templates.busyCount() == named) {
            templates.waitForBusy();
        }
        templates.storedTemplates().forEach((organization, ids) -> {
            List<AlertSubject> subjects = ids.stream().map(AlertSubject::template).toList();
            alerts.prefetch(organization, subjects);
            holds.prefetch(organization, ids);
        });
    }

    /** Writes the templates (with their history, versions and quality), then the alerts. */
    void flush() {
        templates.flush();
        alerts.flush();
    }
}
