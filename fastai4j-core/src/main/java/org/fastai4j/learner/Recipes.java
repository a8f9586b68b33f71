package org.fastai4j.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.fastai4j.callback.ParamScheduler;
import org.fastai4j.optim.Lr;

/**
 * fastai's training recipes ({@code callback/schedule.py}), each {@code fit} plus a
 * {@link ParamScheduler}: {@code fit_one_cycle}, {@code fit_flat_cos}, {@code fit_sgdr},
 * {@code fine_tune}.
 */
final class Recipes {
    private Recipes() {}

    static void fitOneCycle(Learner learn, int nEpoch, Lr lrMax, OneCycleOptions o, Callback... cbs) {
        double[] lrs = groupLrs(learn, lrMax);
        double[] moms = o.moms() == null ? learn.moms() : o.moms();
        List<DoubleUnaryOperator> lr = new ArrayList<>();
        for (double l : lrs) {
            lr.add(CosSchedules.combinedCos(o.pctStart(), l / o.div(), l, l / o.divFinal()));
        }
        Map<String, List<DoubleUnaryOperator>> scheds = new LinkedHashMap<>();
        scheds.put("lr", lr);
        scheds.put("mom", List.of(CosSchedules.combinedCos(o.pctStart(), moms[0], moms[1], moms[2])));
        learn.fit(nEpoch, null, o.wd(), o.resetOpt(), with(new ParamScheduler(scheds), cbs));
    }

    static void fitFlatCos(Learner learn, int nEpoch, Lr lr, double divFinal, double pctStart, Double wd,
            Callback... cbs) {
        double[] lrs = groupLrs(learn, lr);
        List<DoubleUnaryOperator> scheds = new ArrayList<>();
        for (double l : lrs) {
            scheds.add(CosSchedules.combinedCos(pctStart, l, l, l / divFinal));
        }
        learn.fit(nEpoch, null, wd, false, with(new ParamScheduler(Map.of("lr", scheds)), cbs));
    }

    static void fitSgdr(Learner learn, int nCycles, int cycleLen, Lr lrMax, int cycleMult, Double wd,
            Callback... cbs) {
        if (nCycles < 1 || cycleLen < 1 || cycleMult < 1) {
            throw new IllegalArgumentException("fitSgdr needs nCycles, cycleLen, cycleMult >= 1, got "
                    + nCycles + ", " + cycleLen + ", " + cycleMult);
        }
        double[] lrs = groupLrs(learn, lrMax);
        long nEpoch = cycleMult == 1 ? (long) cycleLen * nCycles
                : cycleLen * ((long) Math.pow(cycleMult, nCycles) - 1) / (cycleMult - 1);
        double[] pcts = new double[nCycles];
        for (int i = 0; i < nCycles; i++) {
            pcts[i] = cycleLen * Math.pow(cycleMult, i) / nEpoch;
        }
        List<DoubleUnaryOperator> scheds = new ArrayList<>();
        for (double l : lrs) {
            DoubleUnaryOperator[] cycles = new DoubleUnaryOperator[nCycles];
            Arrays.fill(cycles, CosSchedules.cos(l, 0));
            scheds.add(CosSchedules.combine(pcts, cycles));
        }
        learn.fit(Math.toIntExact(nEpoch), null, wd, false, with(new ParamScheduler(Map.of("lr", scheds)), cbs));
    }

    static void fineTune(Learner learn, int epochs, FineTuneOptions o, Callback... cbs) {
        learn.freeze();
        fitOneCycle(learn, o.freezeEpochs(), Lr.max(o.baseLr()), o.cycle().withPctStart(0.99), cbs);
        double baseLr = o.baseLr() / 2;
        learn.unfreeze();
        fitOneCycle(learn, epochs, Lr.range(baseLr / o.lrMult(), baseLr),
                o.cycle().withPctStart(o.pctStart()).withDiv(o.div()), cbs);
    }

    /** Creates the optimizer if needed, sets lr per group, returns the values (fastai's {@code lr_max} array). */
    private static double[] groupLrs(Learner learn, Lr lr) {
        if (learn.opt() == null) {
            learn.createOpt();
        }
        Lr l = lr == null ? Lr.of(learn.lr()) : lr;
        learn.opt().setHyper("lr", l.forGroups(learn.opt().paramGroups().size()));
        return learn.opt().hyper("lr");
    }

    private static Callback[] with(Callback first, Callback... rest) {
        Callback[] all = new Callback[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
