package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;

import dev.warden.adapters.persistence.jooq.tables.records.TemplatesRecord;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeKind;
import dev.warden.domain.template.ChangedTemplate;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.PauseInfo;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.PendingCategoryChange;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.Rejection;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Maps a {@link TemplateSnapshot} to a templates row and back; nothing else knows the columns. */
final class TemplateRowMapper {

    private static final org.jooq.Field<?>[] UPDATABLE = Arrays.stream(TEMPLATES.fields())
            .filter(field -> !field.equals(TEMPLATES.ORGANIZATION_ID) && !field.equals(TEMPLATES.ID)
                    && !field.equals(TEMPLATES.REVISION) && !field.equals(TEMPLATES.CREATED_AT))
            .toArray(org.jooq.Field<?>[]::new);

    private TemplateRowMapper() {
    }

    static TemplatesRecord toRecord(TemplateSnapshot s) {
        TemplatesRecord r = toRecordWithoutContent(s);
        r.setContent(s.content().map(ContentJson::write).orElse(null));
        return r;
    }

    private static TemplatesRecord toRecordWithoutContent(TemplateSnapshot s) {
        TemplatesRecord r = new TemplatesRecord();
        r.setOrganizationId(s.organizationId().value());
        r.setId(s.id().value());
        r.setWabaId(s.wabaId().value());
        r.setMetaTemplateId(s.metaTemplateId().map(MetaTemplateId::value).orElse(null));
        r.setName(s.name().value());
        r.setLanguage(s.language().value());
        r.setCategory(s.category().name());
        r.setStatus(s.status().name());
        r.setQuality(s.quality().name());
        r.setFlagged(s.flagged());
        r.setFlagDisableDate(s.flagDisableDate());
        r.setPauseCount(s.pauseCount());
        r.setPauseKind(s.pause().map(p -> p.kind().name()).orElse(null));
        r.setPauseTitle(s.pause().map(PauseInfo::title).orElse(null));
        r.setPauseDescription(s.pause().map(PauseInfo::description).orElse(null));
        r.setPausedAt(Times.toDb(s.pause().map(PauseInfo::pausedAt).orElse(null)));
        r.setHasRejection(s.rejection().isPresent());
        r.setRejectionReason(s.rejection().map(Rejection::reason).orElse(null));
        r.setRejectionRecommendation(s.rejection().map(Rejection::recommendation).orElse(null));
        r.setPendingCategory(s.pendingCategory().map(p -> p.category().name()).orElse(null));
        r.setPendingCategoryEffectiveAt(Times.toDb(s.pendingCategory().map(PendingCategoryChange::effectiveAt)
                .orElse(null)));
        r.setAllowCategoryChange(s.allowCategoryChange());
        r.setAwaitingCategoryConsent(s.awaitingCategoryConsent());
        r.setStatusBeforeArchive(s.statusBeforeArchive().map(Enum::name).orElse(null));
        r.setCurrentVersion(s.currentVersion());
        r.setApprovedEdits(s.approvedEdits().stream().map(Times::toDb).toArray(OffsetDateTime[]::new));
        r.setLastStatusAt(Times.toDb(s.lastApplied().get(ChangeKind.STATUS)));
        r.setLastQualityAt(Times.toDb(s.lastApplied().get(ChangeKind.QUALITY)));
        r.setLastCategoryAt(Times.toDb(s.lastApplied().get(ChangeKind.CATEGORY)));
        r.setLastContentAt(Times.toDb(s.lastApplied().get(ChangeKind.CONTENT)));
        r.setLastMarkerAt(Times.toDb(s.lastApplied().get(ChangeKind.MARKER)));
        r.setCreatedAt(Times.toDb(s.createdAt()));
        r.setUpdatedAt(Times.toDb(s.updatedAt()));
        r.setRevision(s.revision());
        return r;
    }

    static TemplateSnapshot toSnapshot(TemplatesRecord r) {
        Optional<PauseInfo> pause = Optional.ofNullable(r.getPausedAt())
                .map(at -> new PauseInfo(r.getPauseKind() == null ? PauseKind.UNSPECIFIED : PauseKind.valueOf(r.getPauseKind()),
                        r.getPauseTitle(), r.getPauseDescription(), at.toInstant()));
        Optional<Rejection> rejection = r.getHasRejection()
                ? Optional.of(new Rejection(r.getRejectionReason(), r.getRejectionRecommendation()))
                : Optional.empty();
        Optional<PendingCategoryChange> pending = Optional.ofNullable(r.getPendingCategory())
                .map(c -> new PendingCategoryChange(TemplateCategory.valueOf(c),
                        Times.fromDb(r.getPendingCategoryEffectiveAt())));
        Map<ChangeKind, Instant> lastApplied = new EnumMap<>(ChangeKind.class);
        putIfSet(lastApplied, ChangeKind.STATUS, r.getLastStatusAt());
        putIfSet(lastApplied, ChangeKind.QUALITY, r.getLastQualityAt());
        putIfSet(lastApplied, ChangeKind.CATEGORY, r.getLastCategoryAt());
        putIfSet(lastApplied, ChangeKind.CONTENT, r.getLastContentAt());
        putIfSet(lastApplied, ChangeKind.MARKER, r.getLastMarkerAt());
        return new TemplateSnapshot(new TemplateId(r.getId()), new OrganizationId(r.getOrganizationId()),
                new WabaId(r.getWabaId()), Optional.ofNullable(r.getMetaTemplateId()).map(MetaTemplateId::new),
                new TemplateName(r.getName()), new LanguageCode(r.getLanguage()),
                TemplateCategory.valueOf(r.getCategory()), TemplateStatus.valueOf(r.getStatus()),
                QualityRating.valueOf(r.getQuality()), r.getFlagged(), r.getFlagDisableDate(), r.getPauseCount(), pause,
                rejection, pending, r.getAllowCategoryChange(), r.getAwaitingCategoryConsent(),
                Optional.ofNullable(r.getStatusBeforeArchive()).map(TemplateStatus::valueOf),
                Optional.ofNullable(r.getContent()).map(ContentJson::read), r.getCurrentVersion(),
                Arrays.stream(r.getApprovedEdits()).map(OffsetDateTime::toInstant).toList(), lastApplied,
                Times.fromDb(r.getCreatedAt()), Times.fromDb(r.getUpdatedAt()), r.getRevision());
    }

    /**
     * Every column but the content and the approved-edit times: what a view listing many templates
     * reads, since parsing the content JSON of each row costs more than the rest of the row.
     */
    static org.jooq.Field<?>[] withoutContentFields() {
        return java.util.Arrays.stream(TEMPLATES.fields())
                .filter(field -> !field.equals(TEMPLATES.CONTENT) && !field.equals(TEMPLATES.APPROVED_EDITS))
                .toArray(org.jooq.Field<?>[]::new);
    }

    /** A row read with {@link #withoutContentFields()}: a snapshot with no content and no approved edits. */
    static TemplateSnapshot toSnapshotWithoutContent(org.jooq.Record row) {
        TemplatesRecord r = row.into(TEMPLATES);
        r.setContent(null);
        r.setApprovedEdits(new OffsetDateTime[0]);
        return toSnapshot(r);
    }

    /** Every column but the keys, the creation time and the revision: what an optimistic update sets. */
    static org.jooq.Field<?>[] updatableFields() {
        return UPDATABLE.clone();
    }

    /** What a set of changed templates writes: the columns some template changed, and each one's values for them. */
    record ChangedRows(List<org.jooq.Field<?>> columns, List<TemplatesRecord> rows) {
    }

    /**
     * The updatable columns in which some template of {@code templates} differs from itself as loaded, in the table's
     * order, and the changed templates' records; the update time always, so that there is a column to set. The
     * content is compared as content, and written to JSON only when it is among the columns.
     */
    static ChangedRows changedRows(List<ChangedTemplate> templates) {
        boolean[] differs = new boolean[UPDATABLE.length];
        List<TemplatesRecord> rows = new ArrayList<>(templates.size());
        for (ChangedTemplate template : templates) {
            TemplatesRecord loaded = toRecordWithoutContent(template.loaded());
            TemplatesRecord changed = toRecordWithoutContent(template.changed());
            rows.add(changed);
            for (int c = 0; c < UPDATABLE.length; c++) {
                org.jooq.Field<?> field = UPDATABLE[c];
                differs[c] |= field.equals(TEMPLATES.CONTENT)
                        ? !template.loaded().content().equals(template.changed().content())
                        : field.equals(TEMPLATES.UPDATED_AT)
                                || !Objects.deepEquals(loaded.get(field), changed.get(field));
            }
        }
        List<org.jooq.Field<?>> columns = new ArrayList<>();
        for (int c = 0; c < UPDATABLE.length; c++) {
            if (differs[c]) {
                columns.add(UPDATABLE[c]);
            }
        }
        if (columns.contains(TEMPLATES.CONTENT)) {
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).setContent(templates.get(i).changed().content().map(ContentJson::write).orElse(null));
            }
        }
        return new ChangedRows(List.copyOf(columns), rows);
    }

    private static void putIfSet(Map<ChangeKind, Instant> map, ChangeKind kind, OffsetDateTime time) {
        if (time != null) {
            map.put(kind, time.toInstant());
        }
    }
}
