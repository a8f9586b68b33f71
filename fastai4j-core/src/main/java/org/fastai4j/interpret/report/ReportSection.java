package org.fastai4j.interpret.report;

/** The sections of a run report, in page order, each with its HTML id and default PNG name. */
public enum ReportSection {
    /** The epoch table (epoch, train_loss, valid_loss, metrics, time). */
    EPOCHS("epochs", "Epochs", null),
    /** Training and validation loss curves. */
    LOSSES("losses", "Loss curves", "losses.png"),
    /** Learning-rate and momentum schedule. */
    SCHEDULE("schedule", "Learning rate and momentum schedule", "schedule.png"),
    /** A batch of training data ({@code showBatch}). */
    BATCH("batch", "A training batch", "batch.png"),
    /** The confusion matrix. */
    CONFUSION_MATRIX("confusion-matrix", "Confusion matrix", "confusion_matrix.png"),
    /** The items with the largest losses. */
    TOP_LOSSES("top-losses", "Top losses", "top_losses.png"),
    /** Per-class precision, recall, F1 and support. */
    CLASSIFICATION_REPORT("classification-report", "Classification report", null),
    /** The learning-rate finder curve. */
    LR_FINDER("lr-finder", "Learning rate finder", "lr_find.png");

    private final String id;
    private final String heading;
    private final String fileName;

    ReportSection(String id, String heading, String fileName) {
        this.id = id;
        this.heading = heading;
        this.fileName = fileName;
    }

    /** {@return the HTML id of the section element} */
    public String id() {
        return id;
    }

    /** {@return the section heading} */
    public String heading() {
        return heading;
    }

    /** {@return the default PNG file name, or null for sections that are not images} */
    public String fileName() {
        return fileName;
    }

    /** {@return true for sections that show one image} */
    public boolean isImage() {
        return fileName != null;
    }
}
