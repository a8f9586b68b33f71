package org.fastai4j.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.Safetensors;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.StepperOptimizer;
import org.fastai4j.vision.models.CnnModel;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionLearnerTest {
    @TempDir
    Path dir;

    ImageDataLoaders dls;

    @BeforeEach
    void data() throws Exception {
        String[] classes = {"ant", "bee"};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 6; i++) {
                ImageDataLoadersTest.png(dir.resolve("train/" + classes[c] + "/" + i + ".png"), 40, 36, 200 * c + i);
                ImageDataLoadersTest.png(dir.resolve("valid/" + classes[c] + "/" + i + ".png"), 36, 40, 200 * c + i);
            }
        }
        dls = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(32)).optBs(4).optWorkers(1).build();
    }

    /** A torchvision-named resnet18 state dict (1000 classes) written as safetensors, and its values. */
    Map<String, RawTensor> writeWeights(Path file) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            CnnModel cnn = Arch.RESNET18.create(1000);
            cnn.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, RawTensor> sd = new LinkedHashMap<>(StateDicts.stateDict(cnn));
            Safetensors.write(file, sd, Map.of());
            return sd;
        }
    }

    @Test
    void fromScratchHasThreeGroupsNoNormalizationAndNothingFrozen() {
        try (Learner learn = VisionLearner.builder(dls, Arch.RESNET18).optPretrained(false)
                .addMetric(Metrics.errorRate()).learner(b -> b.optSilent(true).optPath(dir)).build()) {
            learn.createOpt();
            assertThat(learn.opt().paramGroups()).hasSize(3);
            assertThat(((StepperOptimizer) learn.opt()).frozenIdx()).isZero();
            assertThat(learn.dls().train().batchTfms()).noneMatch(t -> t instanceof Normalize);
            double[] v = learn.validate(learn.dls().valid());
            assertThat(v).hasSize(2);
            assertThat(v[1]).isBetween(0.0, 1.0);
        }
    }

    @Test
    void pretrainedLoadsTheBodyFreezesItAndNormalizesWithoutTouchingTheCallersLoaders() throws Exception {
        Path file = dir.resolve("r18.safetensors");
        Map<String, RawTensor> sd = writeWeights(file);
        try (Learner learn = VisionLearner.builder(dls, Arch.RESNET18).optWeights(file)
                .learner(b -> b.optSilent(true).optPath(dir)).build()) {
            Map<String, Parameter> params = StateDicts.parameters(VisionLearner.body(learn));
            // body = [conv1, bn1, relu, maxpool, layer1..layer4] -> conv1 is "0", layer4 is "7"
            assertThat(params.get("0.weight").getArray().toFloatArray())
                    .containsExactly(sd.get("conv1.weight").toFloatArray());
            assertThat(params.get("7.1.bn2.running_var").getArray().toFloatArray())
                    .containsExactly(sd.get("layer4.1.bn2.running_var").toFloatArray());
            StepperOptimizer opt = (StepperOptimizer) learn.opt();
            assertThat(opt.frozenIdx()).isEqualTo(2);
            assertThat(params.get("0.weight").getArray().hasGradient()).isFalse();
            assertThat(params.get("1.weight").getArray().hasGradient()).as("BN trains (train_bn)").isTrue();
            List<BatchTransform> mine = learn.dls().train().batchTfms();
            assertThat(mine).anyMatch(t -> t instanceof Normalize);
            assertThat(dls.train().batchTfms()).noneMatch(t -> t instanceof Normalize);
            assertThat(learn.dls()).isInstanceOf(ImageDataLoaders.class);
        }
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedNamingTheTensors() throws Exception {
        Path file = dir.resolve("r18.safetensors");
        writeWeights(file);
        assertThatThrownBy(() -> VisionLearner.builder(dls, Arch.RESNET50).optWeights(file)
                .learner(b -> b.optSilent(true).optPath(dir)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer1.0.conv3.weight");
    }

    @Test
    void unknownArchitectureAndMissingWeightsFileGiveClearErrors() {
        assertThatThrownBy(() -> Arch.fromName("resnet19")).hasMessageContaining("resnet19")
                .hasMessageContaining("resnet18, resnet34");
        assertThatThrownBy(() -> VisionLearner.builder(dls, Arch.RESNET18).optWeights(dir.resolve("nope.pth")).build())
                .hasMessageContaining("nope.pth");
        assertThatThrownBy(() -> VisionLearner.builder(dls, Arch.XRESNET18).build())
                .hasMessageContaining("xresnet18 has no pretrained");
    }

    @Test
    void fineTuneRunsFrozenThenUnfrozen() throws Exception {
        Path file = dir.resolve("r18.safetensors");
        writeWeights(file);
        try (Learner learn = VisionLearner.builder(dls, Arch.RESNET18).optWeights(file)
                .addMetric(Metrics.accuracy()).learner(b -> b.optSilent(true).optPath(dir)).build()) {
            learn.fineTune(1);
            assertThat(learn.recorder().values()).hasSize(1);
            assertThat(((StepperOptimizer) learn.opt()).frozenIdx()).isZero();
        }
    }

    @Test
    void anExistingNormalizationOursOrDjlsIsNotAddedTwice() {
        org.fastai4j.data.DataLoaders djlNorm = dls.withBatchTransform(org.fastai4j.data.DjlTransforms.batch(
                new ai.djl.modality.cv.transform.Normalize(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.2f, 0.2f, 0.2f}), 95));
        assertThat(VisionLearner.withImagenetNormalization(djlNorm)).isSameAs(djlNorm);
        org.fastai4j.data.DataLoaders ours = VisionLearner.withImagenetNormalization(dls);
        assertThat(ours).isNotSameAs(dls);
        assertThat(VisionLearner.withImagenetNormalization(ours)).isSameAs(ours);
        assertThat(ours.train().batchTfms().stream().filter(BatchTransform::isNormalization)).hasSize(1);
    }

    @Test
    void grayscaleInputsGetTheSummedPretrainedStemAndNoImagenetNormalization() throws Exception {
        Path file = dir.resolve("r18.safetensors");
        Map<String, RawTensor> sd = writeWeights(file);
        BatchTransform toGray = new BatchTransform() { // after IntToFloat (10): N×3×H×W → N×1×H×W
            @Override
            public ai.djl.ndarray.NDArray apply(ai.djl.ndarray.NDArray x, org.fastai4j.data.BatchContext ctx) {
                return x.mean(new int[] {1}, true);
            }

            @Override
            public int order() {
                return 20;
            }
        };
        ImageDataLoaders gray = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(32)).optBatchTfms(toGray)
                .optBs(4).optWorkers(1).build();
        try (Learner learn = VisionLearner.builder(gray, Arch.RESNET18).optWeights(file)
                .learner(b -> b.optSilent(true).optPath(dir)).build()) {
            Map<String, Parameter> params = StateDicts.parameters(VisionLearner.body(learn));
            float[] stem = params.get("0.weight").getArray().toFloatArray();
            float[] rgb = sd.get("conv1.weight").toFloatArray();
            assertThat(stem).hasSize(rgb.length / 3);
            // weight[o, 0, i, j] = sum over the 3 input channels (fastai's _update_first_layer for n_in = 1)
            float expected = rgb[0] + rgb[49] + rgb[98];
            assertThat(stem[0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(learn.dls().train().batchTfms()).noneMatch(BatchTransform::isNormalization);
            assertThat(learn.validate()).hasSize(1);
        }
    }
}
