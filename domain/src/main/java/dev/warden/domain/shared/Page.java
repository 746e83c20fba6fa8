package dev.warden.domain.shared;

import java.util.List;
import java.util.Objects;

/** One page of a longer list, with the total so a client can page on. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }
}
