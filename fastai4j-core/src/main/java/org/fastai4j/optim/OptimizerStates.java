package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a {@link StepperOptimizer}'s state as named arrays: {@code <param>.grad_avg},
 * {@code <param>.sqr_avg}, ... (each a copy shaped like the parameter), {@code <param>.step} (an
 * int64 scalar, present once the parameter has stepped) and {@code optimizer.hyper.<key>} (float64,
 * one value per group).
 */
final class OptimizerStates {
    /** Prefix of the hyper-parameter entries. */
    static final String HYPER_PREFIX = "optimizer.hyper.";
    static final String STEP = "step";

    private OptimizerStates() {
    }

    static Map<String, NDArray> write(List<ParamState> states, Map<String, double[]> hypers, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        hypers.forEach((k, v) -> out.put(HYPER_PREFIX + k, manager.create(v.clone())));
        for (ParamState s : states) {
            if (s.step() > 0) {
                out.put(s.key() + "." + STEP, manager.create(s.step()));
            }
            s.arrays().forEach((name, a) -> out.put(s.key() + "." + name, a.duplicate()));
        }
        out.forEach((k, v) -> v.setName(k));
        return out;
    }

    /** Validates {@code dict} completely, then replaces the state and the hyper-parameters. */
    static void read(Map<String, NDArray> dict, List<ParamState> states, Map<String, double[]> hypers,
            NDManager manager) {
        Map<String, ParamState> byKey = new HashMap<>();
        states.forEach(s -> byKey.put(s.key(), s));
        int nGroups = hypers.isEmpty() ? 0 : hypers.values().iterator().next().length;
        for (Map.Entry<String, NDArray> e : dict.entrySet()) {
            String key = e.getKey();
            NDArray a = e.getValue();
            if (key.startsWith(HYPER_PREFIX)) {
                String h = key.substring(HYPER_PREFIX.length());
                if (!hypers.containsKey(h)) {
                    throw new IllegalArgumentException("state entry '" + key + "': unknown hyper-parameter; expected one of "
                            + hypers.keySet());
                }
                if (a.size() != nGroups) {
                    throw new IllegalArgumentException("state entry '" + key + "' has " + a.size() + " values, expected "
                            + nGroups + " (one per group)");
                }
                continue;
            }
            int dot = key.lastIndexOf('.');
            ParamState s = dot < 0 ? null : byKey.get(key.substring(0, dot));
            if (s == null) {
                throw new IllegalArgumentException("state entry '" + key + "' names no parameter of this optimizer; "
                        + "expected '<param>.<state>' with <param> one of " + byKey.keySet());
            }
            String name = key.substring(dot + 1);
            Shape want = STEP.equals(name) ? null : s.parameter().getArray().getShape();
            if (want == null ? a.size() != 1 : !a.getShape().equals(want)) {
                throw new IllegalArgumentException("state entry '" + key + "' has shape " + a.getShape() + ", expected "
                        + (want == null ? "a scalar" : want));
            }
        }
        states.forEach(ParamState::clear);
        for (Map.Entry<String, NDArray> e : dict.entrySet()) {
            String key = e.getKey();
            NDArray a = e.getValue();
            if (key.startsWith(HYPER_PREFIX)) {
                double[] target = hypers.get(key.substring(HYPER_PREFIX.length()));
                Number[] values = a.toArray();
                for (int i = 0; i < target.length; i++) {
                    target[i] = values[i].doubleValue();
                }
                continue;
            }
            int dot = key.lastIndexOf('.');
            ParamState s = byKey.get(key.substring(0, dot));
            String name = key.substring(dot + 1);
            if (STEP.equals(name)) {
                s.setStep(a.toArray()[0].longValue());
            } else {
                s.putArray(name, copyFor(a, s.parameter().getArray(), manager));
            }
        }
    }

    /** A copy of {@code src} with {@code like}'s data type and device, attached to {@code manager}. */
    static NDArray copyFor(NDArray src, NDArray like, NDManager manager) {
        // PtNDArray.toType(type, true) aliases when the type is unchanged: duplicate() really copies
        NDArray c = src.getDataType() == like.getDataType() ? src.duplicate() : src.toType(like.getDataType(), false);
        if (!c.getDevice().equals(like.getDevice())) {
            NDArray d = c.toDevice(like.getDevice(), false);
            c.close();
            c = d;
        }
        c.attach(manager);
        c.setName(src.getName());
        return c;
    }
}
