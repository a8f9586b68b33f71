package org.fastai4j.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PyTorch-style state dicts for DJL blocks: parameters named with torch's dotted names
 * ({@code layer1.0.conv1.weight}), and loading a map of tensors into a block by those names.
 *
 * <p>Names are built by walking the block tree: a child of a {@link SequentialBlock} is named by its
 * index (0, 1, ...), as in {@code nn.Sequential}; a child of any other block by the name it was added
 * with ({@code AbstractBlock.addChildBlock("conv1", ...)}; DJL's {@code "01"} order prefix is
 * removed). Parameter names are the DJL parameter names, so blocks meant to load torch weights name
 * their parameters as torch does ({@code weight}, {@code bias}, {@code running_mean}, ...).
 */
public final class StateDicts {

    /** The suffix of the BatchNorm batch counter buffer, which blocks here do not keep. */
    public static final String NUM_BATCHES_TRACKED = "num_batches_tracked";

    private StateDicts() {}

    /**
     * {@return all parameters of {@code block} (trainable and running statistics) by dotted name, in order}
     *
     * @param block the block (its children and parameters, recursively); it need not be initialized
     */
    public static Map<String, Parameter> parameters(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    /**
     * {@return the dotted names of all parameters of {@code block}, in order}
     *
     * @param block the block (its children and parameters, recursively)
     */
    public static List<String> names(Block block) {
        return new ArrayList<>(parameters(block).keySet());
    }

    /**
     * The number of trainable scalars (what {@code sum(p.numel() for p in model.parameters())} counts in
     * PyTorch: running statistics excluded). The block must be initialized.
     *
     * @param block the block (its children and parameters, recursively)
     * @return the number of trainable scalars
     */
    public static long parameterCount(Block block) {
        long n = 0;
        for (Parameter p : parameters(block).values()) {
            if (!isBuffer(p)) {
                n += p.getArray().getShape().size();
            }
        }
        return n;
    }

    /**
     * {@return true for BatchNorm running statistics (buffers in PyTorch: no gradient, no weight decay)}
     *
     * @param p a parameter of a block
     */
    public static boolean isBuffer(Parameter p) {
        return p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR;
    }

    /**
     * {@return a Java-memory copy of the values of every parameter of an initialized block, by dotted name}
     *
     * @param block the initialized block (its children and parameters, recursively)
     */
    public static Map<String, RawTensor> stateDict(Block block) {
        Map<String, RawTensor> out = new LinkedHashMap<>();
        parameters(block).forEach((name, p) -> out.put(name, RawTensor.of(p.getArray())));
        return out;
    }

    /**
     * Loads {@code tensors} into the parameters of an initialized {@code block}, by dotted name, in place.
     * Keys ending in {@code num_batches_tracked} are ignored. Every missing (strict only), unexpected
     * (strict only) or mis-shaped tensor is listed in one {@link IllegalArgumentException}, thrown before
     * any parameter is changed. Floating-point tensors are converted to the parameter's type.
     *
     * @param block the block (its children and parameters, recursively)
     * @param tensors the values by dotted name
     * @param strict whether missing and unexpected names are errors
     */
    public static void load(Block block, Map<String, RawTensor> tensors, boolean strict) {
        Map<String, Parameter> params = parameters(block);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            RawTensor t = tensors.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!e.getValue().getArray().getShape().equals(t.djlShape())) {
                misShaped.add(e.getKey() + " (file " + Arrays.toString(t.shape()) + ", model "
                        + e.getValue().getArray().getShape() + ")");
            } else if (!convertible(t.dataType(), e.getValue().getArray().getDataType())) {
                misShaped.add(e.getKey() + " (file type " + t.dataType() + ", model "
                        + e.getValue().getArray().getDataType() + ")");
            }
        }
        for (String k : tensors.keySet()) {
            if (!params.containsKey(k) && !k.endsWith(NUM_BATCHES_TRACKED)) {
                unexpected.add(k);
            }
        }
        if (!misShaped.isEmpty() || (strict && (!missing.isEmpty() || !unexpected.isEmpty()))) {
            StringBuilder sb = new StringBuilder("cannot load weights into " + block.getClass().getSimpleName());
            if (strict && !missing.isEmpty()) {
                sb.append("; missing ").append(missing.size()).append(": ").append(missing);
            }
            if (strict && !unexpected.isEmpty()) {
                sb.append("; unexpected ").append(unexpected.size()).append(": ").append(unexpected);
            }
            if (!misShaped.isEmpty()) {
                sb.append("; mis-shaped ").append(misShaped.size()).append(": ").append(misShaped);
            }
            throw new IllegalArgumentException(sb.toString());
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            RawTensor t = tensors.get(e.getKey());
            if (t != null) {
                copyInto(t, e.getValue().getArray());
            }
        }
    }

    /**
     * Writes {@code t}'s values into {@code target} in place (same shape), converting float types.
     *
     * @param t the values, of the target's shape
     * @param target the array written into
     */
    public static void copyInto(RawTensor t, NDArray target) {
        DataType type = target.getDataType();
        ByteBuffer direct;
        if (t.dataType() == type) {
            direct = ByteBuffer.allocateDirect(t.data().remaining()).order(ByteOrder.nativeOrder());
            t.copyInto(direct);
        } else if (type == DataType.FLOAT32) {
            float[] v = t.toFloatArray();
            direct = ByteBuffer.allocateDirect(v.length * 4).order(ByteOrder.nativeOrder());
            direct.asFloatBuffer().put(v);
        } else {
            try (NDManager tmp = target.getManager().newSubManager()) {
                NDArray converted = t.toNDArray(tmp).toType(type, false);
                ByteBuffer bytes = converted.toByteBuffer();
                direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.nativeOrder());
                direct.put(bytes).flip();
            }
        }
        target.set(direct);
    }

    private static boolean convertible(DataType from, DataType to) {
        return from == to || (from.isFloating() && to.isFloating());
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        int i = 0;
        boolean sequential = block instanceof SequentialBlock;
        for (Pair<String, Block> child : block.getChildren()) {
            String name = sequential ? Integer.toString(i) : stripOrder(child.getKey(), i + 1);
            collect(child.getValue(), prefix + name + ".", out);
            i++;
        }
    }

    private static String stripOrder(String key, int number) {
        String order = String.format(Locale.ROOT, "%02d", number);
        return key.startsWith(order) && key.length() > order.length() ? key.substring(order.length()) : key;
    }
}
