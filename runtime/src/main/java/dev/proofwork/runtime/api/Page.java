package dev.proofwork.runtime.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0; {@code total} is the number of items on all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;
    /** Deep enough for any list a person pages through; keeps {@code page * size} (an int offset in Panache) far from overflow. */
    public static final int MAX_PAGE = 10_000;

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}
