package dev.warden.domain.shared;

/** A zero-based page of at most {@link #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new InvalidValue("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValue("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
