package org.fastai4j.callback;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code BnFreeze}: before each training phase, every batch-norm layer whose parameters
 * are frozen (their arrays take no gradient: a frozen group with {@code trainBn} off) is put in
 * eval mode, so its running statistics are used and not updated; the others train normally. At
 * the end of the fit every layer leaves eval mode. Batch-norm layers must implement {@link
 * FreezableBatchNorm}.
 */
public final class BnFreeze implements Callback {

    private final List<FreezableBatchNorm> switched = new ArrayList<>();

    /** After fastai's {@code TrainEvalCallback} (order -10). */
    @Override
    public int order() {
        return 0;
    }

    @Override
    public void beforeTrain(Learner learn) {
        switched.clear();
        visit(learn.model());
    }

    private void visit(Block block) {
        if (block instanceof FreezableBatchNorm bn) {
            boolean frozen = isFrozen(block);
            bn.setEvalMode(frozen);
            switched.add(bn);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            visit(child.getValue());
        }
    }

    /**
     * fastai's test {@code not next(l.parameters()).requires_grad}: the layer's first parameter
     * that is not a running statistic takes no gradient (frozen by DJL's {@code Parameter.freeze}
     * or by the optimizer switching its array's gradient off).
     */
    static boolean isFrozen(Block block) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Parameter param = p.getValue();
            Parameter.Type type = param.getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            return !param.requiresGradient() || (param.isInitialized() && !param.getArray().hasGradient());
        }
        return false;
    }

    @Override
    public void afterFit(Learner learn) {
        switched.forEach(bn -> bn.setEvalMode(false));
        switched.clear();
    }
}
