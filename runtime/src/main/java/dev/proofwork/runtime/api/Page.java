package dev.proofwork.runtime.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0; {@code total} is the number of items on all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}
