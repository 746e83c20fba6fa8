package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome.Result;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.EditRefused;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A WhatsApp message template under governance. Meta is the source of truth for status, quality
 * and category: reported changes always apply unless they are stale (older than the last applied
 * change of the same kind) or say nothing new (a redelivery). Local edits follow Meta's edit rules.
 *
 * <p>Why this class is a little over 300 lines: it is the aggregate root, the one public face of a
 * template, so each command (apply, edit, rollback, consent, submit, delete checks) has its entry here.
 * The rules themselves already live apart: status, markers and quality in {@link TemplateState},
 * category in {@link CategoryState}, content limits in {@code content}, edit limits in {@code version}.
 * What is left is the content/version bookkeeping; move it into a {@code ContentState} next time it grows.
 */
public final class MessageTemplate {

    private final TemplateId id;
    private final OrganizationId organizationId;
    private final WabaId wabaId;
    private MetaTemplateId metaTemplateId;
    private final TemplateName name;
    private final LanguageCode language;
    private final TemplateState state;
    private final CategoryState categories;
    private TemplateContent content;
    private int currentVersion;
    private final List<Instant> approvedEdits;
    private final Map<ChangeKind, Instant> lastApplied;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long revision;
    private boolean modified;

    private MessageTemplate(TemplateSnapshot s) {
        this.id = s.id();
        this.organizationId = s.organizationId();
        this.wabaId = s.wabaId();
        this.metaTemplateId = s.metaTemplateId().orElse(null);
        this.name = s.name();
        this.language = s.language();
        this.categories = new CategoryState(s);
        this.state = new TemplateState(s, categories);
        this.content = s.content().orElse(null);
        this.currentVersion = s.currentVersion();
        this.approvedEdits = new ArrayList<>(s.approvedEdits());
        this.lastApplied = new EnumMap<>(ChangeKind.class);
        this.lastApplied.putAll(s.lastApplied());
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.revision = s.revision();
    }

    /** A new template written in Warden: a DRAFT whose content is version 1. */
    public static MessageTemplate draft(TemplateId id, OrganizationId organizationId, WabaId wabaId, TemplateName name,
                                        LanguageCode language, TemplateCategory category, TemplateContent content,
                                        Instant now) {
        content.requireValid();
        if (category == TemplateCategory.UNKNOWN) {
            throw new InvalidValue("a new template needs a category: MARKETING, UTILITY or AUTHENTICATION");
        }
        return new MessageTemplate(new TemplateSnapshot(id, organizationId, wabaId, Optional.empty(), name, language,
                category, TemplateStatus.DRAFT, QualityRating.UNKNOWN, false, null, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, Optional.empty(), Optional.of(content), 1, List.of(),
                Map.of(), now, now, 0L));
    }

    /**
     * A template Warden first hears of through one of Meta's events: a stub holding what the
     * event says, with status UNKNOWN until a status event or reconciliation tells.
     */
    public static MessageTemplate discovered(TemplateId id, OrganizationId organizationId, TemplateKey key,
                                             TemplateName name, LanguageCode language, TemplateCategory category,
                                             Instant now) {
        return new MessageTemplate(new TemplateSnapshot(id, organizationId, key.wabaId(),
                Optional.of(key.metaTemplateId()), name, language, category, TemplateStatus.UNKNOWN,
                QualityRating.UNKNOWN, false, null, 0, Optional.empty(), Optional.empty(), Optional.empty(), false,
                false, Optional.empty(), Optional.empty(), 0, List.of(), Map.of(), now, now, 0L));
    }

    /** Rebuilds a stored template without re-running any rule. Persistence adapters only. */
    public static MessageTemplate reconstitute(TemplateSnapshot snapshot) {
        return new MessageTemplate(snapshot);
    }

    /**
     * Applies a change Meta or reconciliation reported. Never throws for Meta's values: unknown
     * events come back UNRECOGNISED, old ones STALE, repeated ones DUPLICATE.
     */
    public ChangeOutcome apply(ReportedChange change, Instant recordedAt) {
        Objects.requireNonNull(change, "change");
        Map<ChangeKind, Instant> clocks = Map.copyOf(lastApplied);
        TemplateState.Lines lines = kind -> new TemplateHistoryEntry.Builder(organizationId, id, kind, change.source(),
                change.occurredAt(), recordedAt);
        ChangeOutcome outcome;
        if (change instanceof ReportedChange.Status status) {
            outcome = state.applyStatus(status, clocks, lines);
        } else if (change instanceof ReportedChange.Quality quality) {
            outcome = state.applyQuality(quality, clocks, lines);
        } else if (change instanceof ReportedChange.CategoryImpending impending) {
            outcome = categories.applyCategoryImpending(impending, clocks, lines);
        } else if (change instanceof ReportedChange.CategoryCompleted completed) {
            outcome = categories.applyCategoryCompleted(completed, clocks, lines);
        } else {
            outcome = applyContent((ReportedChange.Content) change, clocks, lines, recordedAt);
        }
        // A duplicate that is newer still moves its kind's clock on: a value repeated at t30 must make
        // a different value from t20, arriving later, stale.
        for (ChangeKind kind : outcome.advanced()) {
            lastApplied.merge(kind, change.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (outcome.result() == Result.APPLIED || !clocks.equals(lastApplied)) {
            updatedAt = recordedAt;
            modified = true;
        }
        return outcome;
    }

    /**
     * Replaces the content (and, unless approved, the category) as a new version.
     *
     * @throws EditRefused when Meta would refuse the edit in the template's status or its limits are reached
     */
    public ChangeOutcome edit(TemplateContent newContent, TemplateCategory newCategory, String author, String note,
                              EditPolicy policy, Instant now) {
        TemplateStatus status = state.status();
        if (!status.isEditable()) {
            throw new EditRefused(id, "it is " + status + "; only DRAFT, APPROVED, REJECTED and PAUSED templates can be edited");
        }
        newContent.requireValid();
        TemplateCategory category = newCategory == null ? categories.category() : newCategory;
        if (category != categories.category() && status == TemplateStatus.APPROVED) {
            throw new EditRefused(id, "the category of an APPROVED template cannot be changed");
        }
        if (newContent.equals(content) && category == categories.category()) {
            return ChangeOutcome.duplicate(Set.of());
        }
        policy.refusal(status, approvedEdits, now).ifPresent(reason -> {
            throw new EditRefused(id, reason);
        });
        if (status == TemplateStatus.APPROVED) {
            approvedEdits.removeIf(at -> at.isBefore(now.minus(Duration.ofDays(30))));
            approvedEdits.add(now);
        }
        int previousVersion = currentVersion;
        modified = true;
        categories.recategorise(category);
        content = newContent;
        currentVersion++;
        updatedAt = now;
        TemplateHistoryEntry entry = new TemplateHistoryEntry(organizationId, id, HistoryKind.CONTENT, ChangeSource.USER,
                "EDIT", "v" + previousVersion, "v" + currentVersion, note, false, now, now, Map.of("author", author));
        return new ChangeOutcome(Result.APPLIED, List.of(entry),
                List.of(new TemplateEvent.ContentChanged(organizationId, id, currentVersion, ChangeSource.USER, now)),
                Optional.of(version(author, note, now)), Set.of());
    }

    /** Makes an earlier version current again, as a new version equal to it. */
    public ChangeOutcome rollbackTo(TemplateVersion target, String author, EditPolicy policy, Instant now) {
        if (!target.templateId().equals(id)) {
            throw new InvalidValue("version " + target.number() + " belongs to another template");
        }
        return edit(target.content(), target.category(), author, "rollback to v" + target.number(), policy, now);
    }

    /** Sets whether Meta may recategorise this template without pausing its campaigns (SPEC 3.4). */
    public Optional<TemplateHistoryEntry> allowCategoryChange(boolean allow, String author, Instant now) {
        if (categories.allowCategoryChange() == allow) {
            return Optional.empty();
        }
        categories.allowCategoryChange(allow);
        updatedAt = now;
        modified = true;
        return Optional.of(new TemplateHistoryEntry(organizationId, id, HistoryKind.CATEGORY, ChangeSource.USER,
                "ALLOW_CATEGORY_CHANGE", String.valueOf(!allow), String.valueOf(allow), null, false, now, now,
                Map.of("author", author)));
    }

    /**
     * A person consents to the category Meta gave the template (by acknowledging its alert): the
     * campaigns held for the change may run again. Empty when no change awaited consent.
     */
    public Optional<ChangeOutcome> consentToCategoryChange(String username, Instant now) {
        return categories.consentToCategoryChange(username, now).map(consented -> {
            updatedAt = now;
            modified = true;
            TemplateHistoryEntry entry = new TemplateHistoryEntry(organizationId, id, HistoryKind.CATEGORY,
                    ChangeSource.USER, "CATEGORY_CHANGE_CONSENTED", null, categories.category().name(), null, false,
                    now, now, Map.of("author", username));
            return new ChangeOutcome(Result.APPLIED, List.of(entry), List.of(consented), Optional.empty(), Set.of());
        });
    }

    /** @throws SubmissionRefused unless this is a draft Meta has not seen */
    public void requireSubmittable() {
        if (metaTemplateId != null || state.status() != TemplateStatus.DRAFT) {
            throw new SubmissionRefused(id, "it is " + state.status() + (metaTemplateId == null ? ""
                    : " at Meta (id " + metaTemplateId + ")") + "; only a DRAFT is submitted");
        }
    }

    /**
     * Meta accepted the draft for review under {@code metaId} (as the submission's answer said, or
     * as reconciliation found when that answer was never recorded): from now on Meta's reports about
     * that id are this template's. The status and category Meta answered with are applied afterwards as a
     * reported change, so they take the path every change of Meta's takes.
     *
     * @throws SubmissionRefused unless this is a draft Meta has not seen
     */
    public TemplateHistoryEntry submitted(MetaTemplateId metaId, ChangeSource source, String author, Instant now) {
        requireSubmittable();
        metaTemplateId = Objects.requireNonNull(metaId, "metaId");
        updatedAt = now;
        modified = true;
        return new TemplateHistoryEntry(organizationId, id, HistoryKind.STATUS, source, "SUBMITTED",
                null, metaId.value(), null, false, now, now, Map.of("author", author));
    }

    /**
     * Only a draft Meta has never seen is deleted by Warden alone (ADR 0009): anything Meta knows would
     * come back with its next webhook or reconciliation, so deleting it is Meta's to do.
     *
     * @throws TemplateDeletionRefused when Meta knows the template
     */
    public void requireDeletableLocally() {
        if (metaTemplateId != null || state.status() != TemplateStatus.DRAFT) {
            throw new TemplateDeletionRefused(id, "Meta knows it (status " + state.status()
                    + "); delete it at Meta (WhatsApp Manager), and Meta's DELETED event will reach Warden");
        }
    }

    /** @throws TemplateNotSendable unless the template is APPROVED */
    public void requireSendable() {
        if (!state.status().isSendable()) {
            throw new TemplateNotSendable(id, state.status());
        }
    }

    /** The current content as a version record, for the version log. */
    public TemplateVersion version(String author, String note, Instant at) {
        if (content == null) {
            throw new IllegalStateException("template " + id + " has no known content yet");
        }
        return new TemplateVersion(organizationId, id, currentVersion, categories.category(), content, author, note,
                at);
    }

    public TemplateSnapshot snapshot() {
        return new TemplateSnapshot(id, organizationId, wabaId, Optional.ofNullable(metaTemplateId), name, language,
                categories.category(), state.status(), state.quality(), state.flagged(), state.flagDisableDate(),
                state.pauseCount(), state.pause(), state.rejection(), categories.pendingCategory(),
                categories.allowCategoryChange(), categories.awaitingCategoryConsent(), state.statusBeforeArchive(),
                Optional.ofNullable(content),
                currentVersion, approvedEdits, lastApplied, createdAt, updatedAt, revision);
    }

    public TemplateId id() {
        return id;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public TemplateStatus status() {
        return state.status();
    }

    public QualityRating quality() {
        return state.quality();
    }

    public TemplateCategory category() {
        return categories.category();
    }

    /** Meta recategorised the template against its policy and no person has consented yet. */
    public boolean awaitsCategoryConsent() {
        return categories.awaitingCategoryConsent();
    }

    public boolean allowsCategoryChange() {
        return categories.allowCategoryChange();
    }

    public long revision() {
        return revision;
    }

    /** Whether anything changed since the template was loaded or created, so it needs storing. */
    public boolean isModified() {
        return modified;
    }

    private ChangeOutcome applyContent(ReportedChange.Content change, Map<ChangeKind, Instant> clocks,
                                       TemplateState.Lines lines, Instant recordedAt) {
        TemplateHistoryEntry.Builder entry = lines.of(HistoryKind.CONTENT);
        Instant last = clocks.get(ChangeKind.CONTENT);
        if (last != null && change.occurredAt().isBefore(last)) {
            return ChangeOutcome.stale(entry.stale("v" + currentVersion, "reported content"));
        }
        // Meta's components webhook carries the wording only (no examples, no media kind): content
        // that reads the same as the current version is the current version.
        if (content != null && content.readsTheSameAs(change.content())) {
            return ChangeOutcome.duplicate(Set.of(ChangeKind.CONTENT));
        }
        int previousVersion = currentVersion;
        content = change.content();
        currentVersion++;
        return ChangeOutcome.applied(entry.applied("v" + previousVersion, "v" + currentVersion),
                        List.of(new TemplateEvent.ContentChanged(organizationId, id, currentVersion, change.source(),
                                change.occurredAt())), ChangeKind.CONTENT)
                .withVersion(version(TemplateVersion.META_AUTHOR, "changed at Meta", recordedAt));
    }
}
