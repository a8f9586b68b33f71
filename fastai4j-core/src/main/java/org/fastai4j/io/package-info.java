/**
 * File formats and downloads: validating safetensors read/write ({@link org.fastai4j.io.Safetensors}),
 * a restricted reader for {@code torch.save} files ({@link org.fastai4j.io.PthReader}) that refuses
 * every pickle global outside the tensor-rebuild allowlist, loading weights into DJL blocks by
 * torchvision-style dotted names ({@link org.fastai4j.io.StateDicts}), a {@code torch.save}-format writer
 * ({@link org.fastai4j.io.PthWriter}) that Python's {@code torch.load} reads, and a cached, checksummed,
 * lock-protected downloader with an offline switch ({@link org.fastai4j.io.Downloads}).
 *
 * <p>Untrusted input: both readers are fuzzed by {@code WeightsReadersFuzzTest} (jqwik; random bytes,
 * mutated files, mutated pickles inside valid zips): a short run is in the suite; for a long run use
 * {@code ./mvnw -B -o test -pl fastai4j-core -Dtest=WeightsReadersFuzzTest -Djqwik.tries.default=100000}
 * after raising or removing the {@code tries} of its properties. No Java deserialization is used
 * anywhere ({@code org.fastai4j.arch.LayeringTest}).
 *
 * <p>Tensors read from files are held as {@link org.fastai4j.io.RawTensor}s (plain Java memory,
 * little-endian, contiguous), so reading never needs an engine.
 */
package org.fastai4j.io;
