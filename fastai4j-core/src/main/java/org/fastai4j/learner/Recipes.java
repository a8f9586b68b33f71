package org.fastai4j.learner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.callback.ParamScheduler;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Schedule;
import org.fastai4j.optim.Schedules;

/**
 * fastai's training recipes ({@code callback/schedule.py}), each {@code fit} plus a
 * {@link ParamScheduler} of {@link Schedules}: {@code fit_one_cycle}, {@code fit_flat_cos},
 * {@code fit_sgdr}, {@code fine_tune}.
 */
final class Recipes {
    private Recipes() {}

    static void fitOneCycle(Learner learn, int nEpoch, Lr lrMax, OneCycleOptions o, Callback... cbs) {
        double[] lrs = groupLrs(learn, lrMax);
        double[] moms = o.moms() == null ? learn.moms() : o.moms();
        List<Schedule> lr = new ArrayList<>();
        for (double l : lrs) {
            lr.add(Schedules.oneCycleLr(l, o.div(), o.divFinal(), o.pctStart()));
        }
        Map<String, List<Schedule>> scheds = new LinkedHashMap<>();
        scheds.put("lr", lr);
        scheds.put("mom", List.of(Schedules.oneCycleMom(moms[0], moms[1], moms[2], o.pctStart())));
        learn.fit(nEpoch, null, o.wd(), o.resetOpt(), with(new ParamScheduler(scheds), cbs));
    }

    static void fitFlatCos(Learner learn, int nEpoch, Lr lr, double divFinal, double pctStart, Double wd,
            Callback... cbs) {
        List<Schedule> scheds = new ArrayList<>();
        for (double l : groupLrs(learn, lr)) {
            scheds.add(Schedules.flatCos(l, divFinal, pctStart));
        }
        learn.fit(nEpoch, null, wd, false, with(new ParamScheduler(Map.of("lr", scheds)), cbs));
    }

    static void fitSgdr(Learner learn, int nCycles, int cycleLen, Lr lrMax, int cycleMult, Double wd,
            Callback... cbs) {
        int nEpoch = Schedules.sgdrEpochs(nCycles, cycleLen, cycleMult);
        List<Schedule> scheds = new ArrayList<>();
        for (double l : groupLrs(learn, lrMax)) {
            scheds.add(Schedules.sgdr(nCycles, cycleLen, l, cycleMult));
        }
        learn.fit(nEpoch, null, wd, false, with(new ParamScheduler(Map.of("lr", scheds)), cbs));
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

    static Callback[] with(Callback first, Callback... cbs) {
        Callback[] rest = cbs == null ? new Callback[0] : cbs;
        Learner.requireCallbacks(rest, "cbs"); // positions as the caller gave them
        Callback[] all = new Callback[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
