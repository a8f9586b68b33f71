/**
 * The {@code fastai4j} command (picocli): fastai's workflow for image classifiers on a folder of
 * images, without writing code. {@code bin/fastai4j} builds the runnable jar on first use and runs
 * it; {@link org.fastai4j.cli.Main#run(java.io.PrintWriter, java.io.PrintWriter, String...)} runs
 * it in-process (as the tests do).
 *
 * <h2>Subcommands</h2>
 * <ul>
 *   <li>{@code demo}: trains a ResNet-18 on the shipped Fashion-MNIST sample
 *       ({@code data/fashion-mnist-sample}) and writes the run folder {@code runs/demo}.</li>
 *   <li>{@code train DATA}: trains a classifier on a folder of labelled images (the class is the
 *       parent folder's name) and writes a run folder (default {@code runs/<timestamp>}): the
 *       history, the recorder's losses, plots (batch, losses, schedule, confusion matrix, top
 *       losses, and the learning-rate finder with {@code --lr-find}), {@code report.html},
 *       {@code result.json} and the exported model in {@code model/}.</li>
 *   <li>{@code lr-find DATA}: runs fastai's learning-rate finder and writes {@code lr_find.png},
 *       {@code recorder.csv} and {@code result.json}.</li>
 *   <li>{@code predict MODEL IMAGE...}: the class and probability of each image with an exported
 *       model (a run folder's {@code model/}), as tab-separated lines or, with {@code --json}, as JSON
 *       with every class's probability.</li>
 *   <li>{@code interpret MODEL DATA}: the confusion matrix, most confused pairs, classification
 *       report and top losses of an exported model on a folder of labelled images.</li>
 *   <li>{@code verify DATA}: lists the image files that cannot be decoded (fastai's
 *       {@code verify_images}).</li>
 *   <li>{@code help [COMMAND]}: the usage of the command or of a subcommand.</li>
 * </ul>
 * Every subcommand but {@code help} takes {@code --help} and {@code --debug}; the command
 * itself takes {@code --help} and {@code --version}.
 *
 * <h2>Exit codes</h2>
 * <ul>
 *   <li>0: success (and {@code --help}, {@code --version}).</li>
 *   <li>1: a runtime failure (missing folder, no images, unknown architecture name, unreadable
 *       model, bad weights...), reported on standard error as one line
 *       {@code fastai4j: error: <message>} followed by a hint to run again with {@code --debug},
 *       which prints the stack trace instead; also {@code verify} when some file cannot be
 *       decoded.</li>
 *   <li>2: bad usage, as picocli parses it (unknown option or subcommand, missing parameter, a
 *       value of the wrong type such as {@code --bs many}, no subcommand): the reason and the usage
 *       on standard error.</li>
 * </ul>
 *
 * <p>Unless told otherwise by system properties, the command keeps DJL offline (natives come from
 * the classpath) and quiets DJL's start-up logging.
 */
package org.fastai4j.cli;
