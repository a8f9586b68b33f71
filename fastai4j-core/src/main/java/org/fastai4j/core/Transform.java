package org.fastai4j.core;

import java.util.Objects;

/**
 * A function from {@code A} to {@code B}, the encoding half of fastai's {@code Transform}:
 * {@link #apply} encodes. Decoding (for display) is done on batches, by
 * {@code org.fastai4j.data.BatchTransform#decode}.
 *
 * @param <A> the input type
 * @param <B> the output type
 */
@FunctionalInterface
public interface Transform<A, B> {

    /**
     * Encodes one input.
     *
     * @param input the value to transform
     * @return the transformed value
     */
    B apply(A input);

    /**
     * Chains {@code next} after this transform.
     *
     * @param <C> the output type of {@code next}
     * @param next the transform applied to this one's output
     * @return {@code input -> next.apply(apply(input))}
     */
    default <C> Transform<A, C> andThen(Transform<? super B, ? extends C> next) {
        Objects.requireNonNull(next, "next");
        return input -> next.apply(apply(input));
    }
}
