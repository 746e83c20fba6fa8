package dev.warden.adapters.persistence;

import java.time.Instant;

import static dev.warden.adapters.persistence.jooq.Tables.ALERTS;

import dev.warden.adapters.persistence.jooq.tables.records.AlertsRecord;
import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertSortField;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Persistence adapter: alerts; a partial unique index keeps one unresolved alert per cause. */
@Singleton
public final class JooqAlertRepository implements AlertRepository {

    /** An inbox batch inserts the alerts it raised in one statement over arrays (one alert: an array of one). */
    private static final PreparedSql INSERT_ALL = ColumnArrays.insertInOrder(ALERTS, ALERTS.fields());
    /**
     * An inbox batch's unresolved alerts, its subjects as two arrays: one statement shape whatever the batch's
     * size, rendered once. The literal state lets PostgreSQL use the partial unique index of unresolved alerts.
     */
    private static final PreparedSql FIND_UNRESOLVED_OF_SUBJECTS = PreparedSql.of(DSL.selectFrom(ALERTS)
            .where(ALERTS.ORGANIZATION_ID.eq(DSL.param("o", ALERTS.ORGANIZATION_ID)),
                    ALERTS.STATE.ne(DSL.inline(AlertState.RESOLVED.name())),
                    DSL.condition("({0}, {1}) IN (SELECT * FROM unnest(CAST({2} AS varchar[]), CAST({3} AS varchar[])))",
                            ALERTS.SUBJECT_KIND, ALERTS.SUBJECT_KEY, DSL.param("k", String[].class),
                            DSL.param("s", String[].class))));
    /**
     * An inbox batch updates the alerts it raised again or resolved in one statement (one alert: a set of one). It
     * writes everything but an alert's key, its cause and its creation.
     */
    private static final RevisionCheckedUpdate UPDATE_ALL = new RevisionCheckedUpdate(ALERTS, new Field<?>[] {
        ALERTS.SEVERITY, ALERTS.MESSAGE, ALERTS.DETAILS, ALERTS.STATE, ALERTS.COUNT, ALERTS.LAST_RAISED_AT,
        ALERTS.ACKNOWLEDGED_BY, ALERTS.ACKNOWLEDGED_AT, ALERTS.RESOLVED_AT});

    private final DSLContext dsl;

    public JooqAlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Alert alert) {
        addAll(List.of(alert));
    }

    @Override
    public void update(Alert alert) {
        updateAll(List.of(alert));
    }

    @Override
    public Optional<Alert> findById(OrganizationId organizationId, AlertId id) {
        return dsl.selectFrom(ALERTS).where(ALERTS.ORGANIZATION_ID.eq(organizationId.value()), ALERTS.ID.eq(id.value()))
                .fetchOptional().map(r -> Alert.reconstitute(toSnapshot(r)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(AlertId id) {
        return dsl.select(ALERTS.ORGANIZATION_ID).from(ALERTS).where(ALERTS.ID.eq(id.value()))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    @Override
    public Optional<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject, AlertType type) {
        return dsl.selectFrom(ALERTS)
                .where(ALERTS.ORGANIZATION_ID.eq(organizationId.value()), ALERTS.SUBJECT_KIND.eq(subject.kind()),
                        ALERTS.SUBJECT_KEY.eq(subject.key()), ALERTS.TYPE.eq(type.name()),
                        ALERTS.STATE.ne(AlertState.RESOLVED.name()))
                .fetchOptional().map(r -> Alert.reconstitute(toSnapshot(r)));
    }

    @Override
    public List<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject) {
        return dsl.selectFrom(ALERTS)
                .where(ALERTS.ORGANIZATION_ID.eq(organizationId.value()), ALERTS.SUBJECT_KIND.eq(subject.kind()),
                        ALERTS.SUBJECT_KEY.eq(subject.key()), ALERTS.STATE.ne(AlertState.RESOLVED.name()))
                .fetch(r -> Alert.reconstitute(toSnapshot(r)));
    }

    @Override
    public List<Alert> findUnresolved(OrganizationId organizationId, Collection<AlertSubject> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return FIND_UNRESOLVED_OF_SUBJECTS.fetch(dsl, ALERTS, organizationId.value(),
                        subjects.stream().map(AlertSubject::kind).toArray(String[]::new),
                        subjects.stream().map(AlertSubject::key).toArray(String[]::new))
                .map(r -> Alert.reconstitute(toSnapshot(r)));
    }

    @Override
    public void addAll(Collection<Alert> alerts) {
        if (!alerts.isEmpty()) {
            INSERT_ALL.execute(dsl, ColumnArrays.values(ALERTS.fields(),
                    alerts.stream().map(alert -> toRecord(alert.snapshot())).toList()));
        }
    }

    @Override
    public void updateAll(Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        List<AlertSnapshot> snapshots = alerts.stream().map(Alert::snapshot).toList();
        UPDATE_ALL.firstStale(dsl, snapshots.stream().map(JooqAlertRepository::toRecord).toList(),
                snapshots.stream().map(s -> new RevisionCheckedUpdate.Key(s.organizationId().value(), s.id().value(),
                        s.revision())).toList()).ifPresent(i -> {
                            AlertSnapshot stale = snapshots.get(i);
                            throw new ConcurrentModification("alert", stale.id(), stale.revision());
                        });
    }

    @Override
    public Page<AlertSnapshot> list(AlertFilter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.organizationId().ifPresent(org -> conditions.add(ALERTS.ORGANIZATION_ID.eq(org.value())));
        filter.state().ifPresent(state -> conditions.add(ALERTS.STATE.eq(state.name())));
        filter.severity().ifPresent(severity -> conditions.add(ALERTS.SEVERITY.eq(severity.name())));
        filter.type().ifPresent(type -> conditions.add(ALERTS.TYPE.eq(type.name())));
        filter.subject().ifPresent(subject -> conditions.add(ALERTS.SUBJECT_KIND.eq(subject.kind())
                .and(ALERTS.SUBJECT_KEY.eq(subject.key()))));
        Condition where = DSL.and(conditions);
        return new Page<>(dsl.selectFrom(ALERTS).where(where).orderBy(order(filter))
                .limit(page.size()).offset(page.offset()).fetch().map(JooqAlertRepository::toSnapshot),
                page.page(), page.size(), dsl.fetchCount(ALERTS, where));
    }

    @Override
    public List<AlertSnapshot> findOpen(AlertSeverity severity, Instant raisedBefore, int limit) {
        return dsl.selectFrom(ALERTS).where(ALERTS.STATE.eq(AlertState.OPEN.name()),
                        ALERTS.SEVERITY.eq(severity.name()), ALERTS.LAST_RAISED_AT.lt(Times.toDb(raisedBefore)))
                .orderBy(ALERTS.LAST_RAISED_AT, ALERTS.ID).limit(limit).fetch().map(JooqAlertRepository::toSnapshot);
    }

    private static AlertsRecord toRecord(AlertSnapshot s) {
        AlertsRecord r = new AlertsRecord();
        r.setOrganizationId(s.organizationId().value());
        r.setId(s.id().value());
        r.setType(s.type().name());
        r.setSeverity(s.severity().name());
        r.setSubjectKind(s.subject().kind());
        r.setSubjectKey(s.subject().key());
        r.setMessage(s.message());
        r.setDetails(Json.of(s.details()));
        r.setState(s.state().name());
        r.setCount(s.count());
        r.setCreatedAt(Times.toDb(s.createdAt()));
        r.setLastRaisedAt(Times.toDb(s.lastRaisedAt()));
        r.setAcknowledgedBy(s.acknowledgedBy().orElse(null));
        r.setAcknowledgedAt(Times.toDb(s.acknowledgedAt().orElse(null)));
        r.setResolvedAt(Times.toDb(s.resolvedAt().orElse(null)));
        r.setRevision(s.revision());
        return r;
    }

    /** The caller's order ({@link AlertSortField}), or last raised first, then id. */
    private static List<org.jooq.SortField<?>> order(AlertFilter filter) {
        return filter.sort().map(sort -> SortOrders.by(switch (sort.field()) {
            case LAST_RAISED_AT -> ALERTS.LAST_RAISED_AT;
            case CREATED_AT -> ALERTS.CREATED_AT;
            case SEVERITY -> SortOrders.declared(ALERTS.SEVERITY, AlertSeverity.class);
            case STATE -> SortOrders.declared(ALERTS.STATE, AlertState.class);
            case TYPE -> SortOrders.declared(ALERTS.TYPE, AlertType.class);
            case COUNT -> ALERTS.COUNT;
        }, sort.descending(), ALERTS.ID)).orElse(List.of(ALERTS.LAST_RAISED_AT.desc(), ALERTS.ID.asc()));
    }

    private static AlertSnapshot toSnapshot(AlertsRecord r) {
        return new AlertSnapshot(new AlertId(r.getId()), new OrganizationId(r.getOrganizationId()),
                AlertType.valueOf(r.getType()), AlertSeverity.valueOf(r.getSeverity()),
                new AlertSubject(r.getSubjectKind(), r.getSubjectKey()), r.getMessage(), Json.stringMap(r.getDetails()),
                AlertState.valueOf(r.getState()), r.getCount(), Times.fromDb(r.getCreatedAt()),
                Times.fromDb(r.getLastRaisedAt()), Optional.ofNullable(r.getAcknowledgedBy()),
                Optional.ofNullable(Times.fromDb(r.getAcknowledgedAt())),
                Optional.ofNullable(Times.fromDb(r.getResolvedAt())), r.getRevision());
    }
}
