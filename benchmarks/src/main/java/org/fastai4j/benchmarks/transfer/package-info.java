/**
 * Issue 5's transfer-learning proofs, as runnable programs (see {@code benchmarks/TRANSFER.md}).
 *
 * <ul>
 *   <li>{@link org.fastai4j.benchmarks.transfer.TransferBenchmark}: "transfer really transfers":
 *       a torchvision resnet18 pretrained on five Fashion-MNIST classes, saved as a torchvision
 *       {@code .pth}, then {@code VisionLearner.fineTune} on the five other classes with little
 *       data, against the same recipe from scratch.</li>
 *   <li>{@link org.fastai4j.benchmarks.transfer.FullParityBenchmark}: full-size resnet18/34/50
 *       parity with torchvision, where {@code /usr/bin/python3} has torch; it runs the vision
 *       module's own fixture script ({@code full_resnet_reference.py}), so the two never drift.</li>
 * </ul>
 *
 * <p>Supporting classes: {@link org.fastai4j.benchmarks.transfer.FashionMnist} (IDX files to
 * class folders of PNGs, no Python needed), {@link org.fastai4j.benchmarks.transfer.TransferOptions}
 * (command-line options), {@link org.fastai4j.benchmarks.transfer.TransferReport} (results and
 * their JSON), {@link org.fastai4j.benchmarks.transfer.TorchCheck} (optional cross-check with
 * Python's torch).
 */
package org.fastai4j.benchmarks.transfer;
