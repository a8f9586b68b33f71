package org.fastai4j.learner;

import java.util.List;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;

/**
 * {@link Learner#predict} and {@link Learner#getPreds(List)}: fastai's {@code test_dl} then
 * {@code get_preds(with_decoded=True)} on new raw items (e.g. image files), through the validation
 * loader's item and batch transforms ({@link DataLoader#testDl}); the class comes from the loss's
 * decoding and the vocabulary.
 */
final class Inference {
    private Inference() {}

    static Prediction predict(Learner learn, Object item) {
        if (item == null) {
            throw new IllegalArgumentException("predict needs an item, got null");
        }
        Preds p = getPreds(learn, List.of(item));
        return prediction(p, 0, learn.dls().vocab().orElse(null));
    }

    static Preds getPreds(Learner learn, List<?> items) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("getPreds needs at least one item");
        }
        DataLoader dl = learn.dls().valid().testDl(items);
        return learn.getPreds(dl, false, true, false);
    }

    /** Row {@code i} of {@code p} as a {@link Prediction}. */
    static Prediction prediction(Preds p, int i, Vocab vocab) {
        float[] probs = p.activations()[i];
        float[] dec = p.decoded() == null ? null : p.decoded()[i];
        int index = dec != null && dec.length == 1 && probs.length > 1 ? Math.round(dec[0]) : -1;
        String label = vocab != null && index >= 0 && index < vocab.size() ? vocab.get(index) : null;
        return new Prediction(label, index, probs);
    }
}
