package org.fastai4j.callback;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;

/** A test callback: runs the given action on chosen events, at a chosen order. */
final class Probe implements Callback {
    private final int order;
    private final Map<Event, Consumer<Learner>> actions = new EnumMap<>(Event.class);

    Probe(int order) {
        this.order = order;
    }

    Probe on(Event event, Consumer<Learner> action) {
        actions.put(event, action);
        return this;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public void on(Event event, Learner learn) {
        Consumer<Learner> a = actions.get(event);
        if (a != null) {
            a.accept(learn);
        }
    }
}
