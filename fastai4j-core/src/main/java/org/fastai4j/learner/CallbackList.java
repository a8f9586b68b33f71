package org.fastai4j.learner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The learner's callbacks and how an event reaches them: in ascending {@link Callback#order()}
 * (stable, insertion order among equals), batch events filtered by {@code runTrain}/{@code
 * runValid}, failures wrapped in a {@link CallbackException} naming the callback and event.
 */
final class CallbackList {
    private final List<Callback> cbs = new ArrayList<>();

    void add(Callback cb) {
        if (cb == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        cbs.add(cb);
    }

    boolean remove(Callback cb) {
        for (int i = 0; i < cbs.size(); i++) {
            if (cbs.get(i) == cb) {
                cbs.remove(i);
                return true;
            }
        }
        return false;
    }

    List<Callback> snapshot() {
        return List.copyOf(cbs);
    }

    List<Callback> sorted() {
        List<Callback> out = new ArrayList<>(cbs);
        out.sort(Comparator.comparingInt(Callback::order));
        return out;
    }

    <T extends Callback> T find(Class<T> type) {
        for (Callback cb : cbs) {
            if (type.isInstance(cb)) {
                return type.cast(cb);
            }
        }
        return null;
    }

    void fire(Event event, Learner learn) {
        boolean training = learn.training();
        for (Callback cb : sorted()) {
            boolean run = !event.innerLoop() || (cb.runTrain() && training) || (cb.runValid() && !training);
            if (!run) {
                continue;
            }
            try {
                cb.on(event, learn);
            } catch (CancelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CallbackException(cb, event, e);
            }
        }
    }
}
