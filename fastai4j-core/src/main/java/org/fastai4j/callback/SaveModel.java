package org.fastai4j.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Checkpoints;
import org.fastai4j.learner.Learner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code SaveModelCallback}: saves the model under {@code fname} whenever the monitored
 * value (default {@code valid_loss}, compared as fastai's {@code TrackerCallback}) reaches a new
 * best, and loads that best model back at the end of the fit. With {@code everyEpoch = k > 0} it
 * saves {@code fname_<epoch>} every k-th epoch instead (and loads nothing); with {@code atEnd} it
 * saves once at the end instead of loading. {@code withOpt} also saves and restores the optimizer
 * state. Files: {@code learn.save}/{@code learn.load}, one checkpoint format
 * ({@link org.fastai4j.learner.Checkpoints}); at {@code before_fit} the temporary files a killed
 * save may have left in {@code learn.path()} are deleted.
 */
public final class SaveModel implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(SaveModel.class);

    private final Tracker tracker;
    private final String fname;
    private final int everyEpoch;
    private final boolean atEnd;
    private final boolean withOpt;
    private Path lastSavedPath;
    private boolean savedThisFit;

    /** fastai's defaults: monitor valid_loss, min_delta 0, fname "model", best only, without optimizer state. */
    public SaveModel() {
        this(builder());
    }

    private SaveModel(Builder b) {
        this.tracker = new Tracker(b.monitor, b.comp, b.minDelta);
        this.fname = b.fname;
        this.everyEpoch = b.everyEpoch;
        this.atEnd = b.atEnd;
        this.withOpt = b.withOpt;
    }

    /**
     * Starts a builder with fastai's defaults.
     *
     * @return a builder: monitor {@code valid_loss}, comparison by name, min delta 0, fname
     *     {@code "model"}, best model only, without the optimizer state
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The model file written last.
     *
     * @return the path of the last checkpoint this callback saved (in any fit so far), or null
     *     before the first save
     */
    public Path lastSavedPath() {
        return lastSavedPath;
    }

    /**
     * The best monitored value of the current (or last) fit.
     *
     * @return the best value so far: {@code +Infinity} (for {@link Comparison#LESS}) or
     *     {@code -Infinity} (for {@link Comparison#GREATER}) before the first epoch ends
     */
    public double best() {
        return tracker.best();
    }

    /** fastai's {@code TrackerCallback.order + 1}. */
    @Override
    public int order() {
        return 61;
    }

    @Override
    public void beforeFit(Learner learn) {
        savedThisFit = false;
        tracker.beforeFit(learn);
        if (!learn.inValidationContext()) {
            try {
                Checkpoints.cleanStale(learn.path());
            } catch (IOException e) {
                LOG.warn("SaveModel: cannot clean stale temporary files in {}: {}", learn.path(), e.toString());
            }
        }
    }

    @Override
    public void afterEpoch(Learner learn) {
        if (!tracker.running()) {
            return;
        }
        if (everyEpoch > 0) {
            if (learn.epoch() % everyEpoch == 0) {
                save(learn, fname + "_" + learn.epoch());
            }
        } else if (tracker.afterEpoch(learn)) {
            LOG.info("Better model found at epoch {} with {} value: {}.", learn.epoch(), tracker.monitor(), tracker.best());
            save(learn, fname);
        }
    }

    @Override
    public void afterFit(Learner learn) {
        if (!tracker.running()) {
            return;
        }
        if (atEnd) {
            save(learn, fname);
        } else if (everyEpoch == 0 && savedThisFit) {
            try {
                learn.load(fname, withOpt, true);
            } catch (IOException e) {
                throw new UncheckedIOException("SaveModel: cannot load the best model " + fname, e);
            }
        }
    }

    private void save(Learner learn, String name) {
        try {
            lastSavedPath = learn.save(name, withOpt);
            savedThisFit = true;
        } catch (IOException e) {
            throw new UncheckedIOException("SaveModel: cannot save " + name + " in " + learn.path(), e);
        }
    }

    /** Options of {@link SaveModel}, fastai's keyword arguments. */
    public static final class Builder {
        private String monitor = "valid_loss";
        private Comparison comp;
        private double minDelta;
        private String fname = "model";
        private int everyEpoch;
        private boolean atEnd;
        private boolean withOpt;

        private Builder() {}

        /**
         * The recorded value to watch (fastai's {@code monitor}).
         *
         * @param monitor the name of a column of the Recorder, e.g. {@code "valid_loss"} (the
         *     default) or a metric's name such as {@code "accuracy"}; checked at the start of the fit
         * @return this builder
         */
        public Builder optMonitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * The direction of improvement (fastai's {@code comp}).
         *
         * @param comp {@link Comparison#LESS} or {@link Comparison#GREATER}; null (the default)
         *     picks it from the monitor's name as fastai does ({@link Comparison#forMonitor})
         * @return this builder
         */
        public Builder optComp(Comparison comp) {
            this.comp = comp;
            return this;
        }

        /**
         * How much a new best must beat the old one by (fastai's {@code min_delta}).
         *
         * @param minDelta the margin, finite and {@code >= 0} (default 0), in the monitored
         *     value's own unit; a value is a new best only when it beats the best by more than this
         * @return this builder
         */
        public Builder optMinDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * The checkpoint name (fastai's {@code fname}).
         *
         * @param fname a plain file name without directory or extension (default {@code "model"});
         *     the files are written in the learner's {@code path()} as by {@code learn.save(fname)}
         * @return this builder
         */
        public Builder optFname(String fname) {
            this.fname = fname;
            return this;
        }

        /**
         * Saves every k-th epoch as {@code fname_<epoch>} instead of the best model (fastai's
         * {@code every_epoch}); nothing is loaded at the end of the fit then.
         *
         * @param everyEpoch k {@code >= 0}: the epochs whose 0-based index is a multiple of k are
         *     saved; 0 (the default) turns it off
         * @return this builder
         */
        public Builder optEveryEpoch(int everyEpoch) {
            this.everyEpoch = everyEpoch;
            return this;
        }

        /**
         * Saves the model at the end of the fit instead of loading the best one back (fastai's
         * {@code at_end}).
         *
         * @param atEnd true to save the final model under {@code fname} at the end; false (the
         *     default) to load the best model back
         * @return this builder
         */
        public Builder optAtEnd(boolean atEnd) {
            this.atEnd = atEnd;
            return this;
        }

        /**
         * Also saves and restores the optimizer state (fastai's {@code with_opt}).
         *
         * @param withOpt true to write and read the optimizer state next to the weights; false (the
         *     default) for the weights only
         * @return this builder
         */
        public Builder optWithOpt(boolean withOpt) {
            this.withOpt = withOpt;
            return this;
        }

        /**
         * Validates the options and builds the callback.
         *
         * @return the callback
         * @throws IllegalArgumentException if fname is blank or has a path separator, everyEpoch
         *     is negative, everyEpoch and atEnd are both set, the monitor is blank, or minDelta is
         *     negative or not finite
         */
        public SaveModel build() {
            if (fname == null || fname.isBlank() || fname.contains("/") || fname.contains("\\")) {
                throw new IllegalArgumentException("SaveModel: fname must be a plain file name, got '" + fname + "'");
            }
            if (everyEpoch < 0) {
                throw new IllegalArgumentException("SaveModel: everyEpoch must be >= 0, got " + everyEpoch);
            }
            if (everyEpoch > 0 && atEnd) {
                throw new IllegalArgumentException("SaveModel: everyEpoch and atEnd cannot both be set");
            }
            return new SaveModel(this);
        }
    }
}
