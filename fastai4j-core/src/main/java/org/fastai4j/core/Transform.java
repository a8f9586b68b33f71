package org.fastai4j.core;

import java.util.Objects;

/**
 * A function from {@code A} to {@code B} with an optional inverse, fastai's {@code Transform}:
 * {@link #apply} encodes, {@link #decode} undoes what can be undone (for display).
 *
 * @param <A> the input type
 * @param <B> the output type
 */
@FunctionalInterface
public interface Transform<A, B> {

    /** Encodes one input. */
    B apply(A input);

    /** Chains {@code next} after this transform. */
    default <C> Transform<A, C> andThen(Transform<? super B, ? extends C> next) {
        Objects.requireNonNull(next, "next");
        return input -> next.apply(apply(input));
    }
}
