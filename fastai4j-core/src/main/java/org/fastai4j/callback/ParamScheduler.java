package org.fastai4j.callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Recorder;
import org.fastai4j.optim.Schedule;

/**
 * fastai's {@code ParamScheduler} (order 60, training batches only): before every training batch
 * sets each scheduled hyper-parameter of the optimizer to {@code schedule(pct_train)}, one
 * schedule for all groups or one per group; after each training batch records the last group's
 * value, and at the end of the fit hands the record to the {@link Recorder} ({@code hps}).
 */
public class ParamScheduler implements Callback {
    private final Map<String, List<Schedule>> scheds;
    private final Map<String, List<Double>> hps = new LinkedHashMap<>();

    /**
     * Schedules by hyper-parameter name ({@code lr}, {@code mom}, ...): each list holds one
     * schedule for every group, or one per group in group order.
     *
     * @param scheds the schedules, keyed by the optimizer's hyper-parameter name ({@code lr},
     *     {@code mom}, {@code sqr_mom}, {@code eps}, {@code wd}, ...); each list non-empty, without
     *     nulls, of length 1 (applied to every group) or the optimizer's group count. The map is
     *     copied; its iteration order is the order in which hyper-parameters are set and recorded
     * @throws IllegalArgumentException if the map is null or empty, or a list is empty or has a null
     */
    public ParamScheduler(Map<String, ? extends List<? extends Schedule>> scheds) {
        if (scheds == null || scheds.isEmpty()) {
            throw new IllegalArgumentException("ParamScheduler needs at least one schedule, got " + scheds);
        }
        Map<String, List<Schedule>> copy = new LinkedHashMap<>();
        scheds.forEach((k, v) -> {
            if (v == null || v.isEmpty() || v.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("ParamScheduler: schedule list for '" + k + "' is empty or has null");
            }
            copy.put(k, List.copyOf(v));
        });
        this.scheds = copy;
    }

    /**
     * A scheduler of one hyper-parameter: one schedule for all groups, or one per group.
     *
     * @param key the optimizer's hyper-parameter name, e.g. {@code "lr"} or {@code "mom"}
     * @param perGroup one schedule for every group, or one per parameter group in group order
     * @return the scheduler
     * @throws IllegalArgumentException if no schedule is given
     */
    public static ParamScheduler of(String key, Schedule... perGroup) {
        return new ParamScheduler(Map.of(key, List.of(perGroup)));
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean runValid() {
        return false;
    }

    @Override
    public void beforeFit(Learner learn) {
        if (learn.inValidationContext()) {
            return;
        }
        hps.clear();
        scheds.keySet().forEach(k -> hps.put(k, new ArrayList<>()));
    }

    @Override
    public void beforeBatch(Learner learn) {
        updateVal(learn, learn.pctTrain());
    }

    /**
     * Sets every scheduled hyper-parameter to its value at {@code pos} (fastai's {@code _update_val}).
     *
     * @param learn the learner whose optimizer is updated
     * @param pos the position in training, from 0 at the start of the fit to 1 at its end (fastai's
     *     {@code pct_train})
     */
    protected void updateVal(Learner learn, double pos) {
        for (Map.Entry<String, List<Schedule>> e : scheds.entrySet()) {
            List<Schedule> fs = e.getValue();
            double[] values = new double[fs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fs.get(i).at(pos);
            }
            learn.opt().setHyper(e.getKey(), values);
        }
    }

    @Override
    public void afterBatch(Learner learn) {
        for (Map.Entry<String, List<Double>> e : hps.entrySet()) {
            double[] v = learn.opt().hyper(e.getKey());
            e.getValue().add(v[v.length - 1]);
        }
    }

    @Override
    public void afterFit(Learner learn) {
        Recorder rec = learn.recorder();
        if (rec != null && !learn.inValidationContext()) {
            rec.setHps(hps());
        }
    }

    /** {@return the recorded values of the last group per training batch, by hyper-parameter} */
    public Map<String, double[]> hps() {
        Map<String, double[]> out = new LinkedHashMap<>();
        hps.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
