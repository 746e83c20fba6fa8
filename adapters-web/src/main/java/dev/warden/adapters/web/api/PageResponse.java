package dev.warden.adapters.web.api;

import dev.warden.domain.shared.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "page", "size", "total"}}; pages count from 0. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}
