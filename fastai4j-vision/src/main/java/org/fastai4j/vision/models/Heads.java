package org.fastai4j.vision.models;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.io.StateDicts;

/**
 * fastai's {@code create_head} and {@code apply_init}. The head is a {@link SequentialBlock} laid out as
 * fastai's {@code nn.Sequential}: [AdaptiveConcatPool2d, Flatten, then per linear layer a
 * {@code LinBnDrop} (BatchNorm1d, Dropout, Linear without bias when a BatchNorm precedes it, ReLU on
 * hidden layers), then optional BatchNorm1d(momentum 0.01) and SigmoidRange]; so with the defaults and
 * 512 body features: {@code 0} pool, {@code 1} flatten, {@code 2} = [BN(1024), Dropout(0.25),
 * Linear(1024, 512, bias=False), ReLU], {@code 3} = [BN(512), Dropout(0.5), Linear(512, nOut, bias=False)].
 */
public final class Heads {

    private Heads() {}

    /**
     * {@code create_head(nf, n_out)} with fastai's defaults: concat pooling (max and average, 2·nf
     * features) and flatten, then BatchNorm → dropout 0.25 → linear(2·nf, 512) → ReLU, then
     * BatchNorm → dropout 0.5 → linear(512, nOut).
     *
     * @param nf the number of features the body outputs (512 for resnet18/34, 2048 for resnet50)
     * @param nOut the number of outputs (the number of classes)
     * @return the head, a new block taking the body's N×nf×H×W output to N×nOut logits
     * @throws IllegalArgumentException if {@code nf} or {@code nOut} is not positive
     */
    public static SequentialBlock createHead(int nf, int nOut) {
        return createHead(nf, nOut, HeadOptions.defaults());
    }

    /**
     * fastai's {@code create_head(nf, n_out, ...)}.
     *
     * @param nf the number of features the body outputs (512 for resnet18/34, 2048 for resnet50)
     * @param nOut the number of outputs (the number of classes)
     * @param o the head options ({@link HeadOptions#defaults()} for fastai's)
     * @return the head, a new block
     * @throws IllegalArgumentException if {@code nf} or {@code nOut} is not positive, or {@code ps}
     *     has neither 1 value nor one per linear layer
     */
    public static SequentialBlock createHead(int nf, int nOut, HeadOptions o) {
        if (nf <= 0 || nOut <= 0) {
            throw new IllegalArgumentException("createHead needs nf > 0 and nOut > 0, got " + nf + ", " + nOut);
        }
        if (o.pool() && o.concatPool()) {
            nf *= 2;
        }
        List<Integer> ftrs = new ArrayList<>();
        ftrs.add(nf);
        ftrs.addAll(o.linFtrs());
        ftrs.add(nOut);
        int nLin = ftrs.size() - 1;
        List<Double> ps = new ArrayList<>(o.ps());
        if (ps.size() == 1) {
            double p = ps.get(0);
            ps.clear();
            for (int i = 0; i < nLin - 1; i++) {
                ps.add(p / 2);
            }
            ps.add(p);
        }
        if (!o.linFirst() && ps.size() != nLin) {
            throw new IllegalArgumentException("ps has " + o.ps().size() + " values for " + nLin + " linear layers");
        }
        SequentialBlock head = new SequentialBlock();
        if (o.pool()) {
            head.add(o.concatPool() ? new AdaptiveConcatPool2d() : Layers.globalAvgPoolKeep());
            head.add(Layers.flatten());
        }
        if (o.linFirst()) {
            head.add(dropout(ps.remove(0)));
        }
        // fastai zips the layer sizes with ps: with lin_first (one p popped) the zip is shorter
        for (int i = 0; i < nLin && i < ps.size(); i++) {
            boolean bn = i == 0 ? o.firstBn() : true;
            boolean act = i < nLin - 1;
            head.add(linBnDrop(ftrs.get(i), ftrs.get(i + 1), bn, ps.get(i), act, o.linFirst()));
        }
        if (o.linFirst()) {
            head.add(Layers.linear(ftrs.get(nLin - 1), nOut, true));
        }
        if (o.bnFinal()) {
            head.add(new TorchBatchNorm(nOut, 1e-5f, 0.01f, 1f, 0f));
        }
        if (o.yRange() != null) {
            head.add(new SigmoidRange(o.yRange()[0], o.yRange()[1]));
        }
        return head;
    }

    /**
     * fastai's {@code LinBnDrop(nIn, nOut, bn, p, act, lin_first)}.
     *
     * @param nIn the number of input features
     * @param nOut the number of outputs
     * @param bn whether to include BatchNorm1d
     * @param p the dropout probability (0: no dropout)
     * @param act whether a ReLU follows the linear layer
     * @param linFirst linear before BatchNorm and dropout
     * @return the block
     */
    public static SequentialBlock linBnDrop(int nIn, int nOut, boolean bn, double p, boolean act, boolean linFirst) {
        List<Block> norm = new ArrayList<>();
        if (bn) {
            norm.add(TorchBatchNorm.fastai(linFirst ? nOut : nIn, false));
        }
        if (p != 0) {
            norm.add(dropout(p));
        }
        List<Block> lin = new ArrayList<>();
        lin.add(Layers.linear(nIn, nOut, !bn));
        if (act) {
            lin.add(Layers.relu());
        }
        SequentialBlock s = new SequentialBlock();
        (linFirst ? lin : norm).forEach(s::add);
        (linFirst ? norm : lin).forEach(s::add);
        return s;
    }

    /**
     * {@code nn.Dropout(p)} (active only when training).
     *
     * @param p the dropout probability (0: no dropout)
     * @return the block
     */
    public static Block dropout(double p) {
        return Dropout.builder().optRate((float) p).build();
    }

    /**
     * fastai's {@code apply_init(m, nn.init.kaiming_normal_)}: every weight of a non-BatchNorm layer
     * re-initialised kaiming normal (fan in, ReLU gain), every such bias set to 0; BatchNorm untouched.
     * Must be called before the block is initialized.
     *
     * @param block the block whose layers are re-initialised
     */
    public static void applyInit(Block block) {
        for (Parameter p : StateDicts.parameters(block).values()) {
            if (p.getType() == Parameter.Type.WEIGHT) {
                p.setInitializer(TorchInit.kaimingNormalFanIn());
            } else if (p.getType() == Parameter.Type.BIAS) {
                p.setInitializer(ai.djl.training.initializer.Initializer.ZEROS);
            }
        }
    }
}
