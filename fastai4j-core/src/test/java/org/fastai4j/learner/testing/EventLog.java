package org.fastai4j.learner.testing;

import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;

/** TEST FIXTURE: a callback that records every event it sees, as fastai's names. */
public class EventLog implements Callback {
    private final List<String> events = new ArrayList<>();

    @Override
    public void on(Event event, Learner learn) {
        events.add(event.fastaiName());
        Callback.super.on(event, learn);
    }

    /** The events seen, in order. */
    public List<String> events() {
        return events;
    }
}
