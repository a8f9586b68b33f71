/**
 * The run report: {@link org.fastai4j.interpret.report.RunReport} writes {@code report.html} into
 * a run folder, one self-contained page (no external resources) referencing the PNGs beside it.
 */
package org.fastai4j.interpret.report;
