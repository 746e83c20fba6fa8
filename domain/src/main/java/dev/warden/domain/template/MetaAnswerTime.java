package dev.warden.domain.template;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * When the status change that Meta's acceptance of a person's request brings (an edit's review, an
 * unpause, an unarchive, a deletion) is dated. Meta's answer carries no time, and Meta's events carry
 * whole seconds: the change is dated a second before the answer, so that Meta's next event about the
 * template is never taken for older than it, but after every status Warden applied already, which Meta's
 * acceptance follows, so that it is not taken for stale itself.
 */
public final class MetaAnswerTime {

    private MetaAnswerTime() {
    }

    public static Instant of(TemplateSnapshot template, Instant answeredAt) {
        Instant beforeMetasNext = answeredAt.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        return Stream.of(ChangeKind.STATUS, ChangeKind.MARKER).map(template.lastApplied()::get)
                .filter(Objects::nonNull).max(Instant::compareTo).map(last -> last.plusMillis(1))
                .filter(afterApplied -> afterApplied.isAfter(beforeMetasNext)).orElse(beforeMetasNext);
    }
}
