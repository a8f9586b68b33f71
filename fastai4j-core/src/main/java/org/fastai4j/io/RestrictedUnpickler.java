package org.fastai4j.io;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.io.PickleValues.Global;
import org.fastai4j.io.PickleValues.StorageRef;
import org.fastai4j.io.PickleValues.TensorRef;
import org.fastai4j.io.PickleValues.Tuple;

/**
 * A pickle interpreter (protocols 2 to 5) that builds only plain data (None, booleans, integers, floats,
 * strings, tuples, lists, dicts) and tensor references, and accepts only the globals torch's state dicts
 * need: {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2},
 * {@code torch._utils._rebuild_parameter} and the typed storage classes ({@code torch.FloatStorage}, ...).
 * Any other global is refused at the opcode that names it, with its name; nothing is ever called or
 * imported, and no tensor data is read here (storages are only referenced). Declared lengths are checked
 * against the bytes left before anything is allocated; memo references to nothing, SETITEM on a non-dict
 * and similar lies are errors.
 */
final class RestrictedUnpickler {

    static final Map<String, DataType> STORAGES = Map.of(
            "FloatStorage", DataType.FLOAT32, "DoubleStorage", DataType.FLOAT64, "HalfStorage", DataType.FLOAT16,
            "BFloat16Storage", DataType.BFLOAT16, "LongStorage", DataType.INT64, "IntStorage", DataType.INT32,
            "ShortStorage", DataType.INT16, "CharStorage", DataType.INT8, "ByteStorage", DataType.UINT8,
            "BoolStorage", DataType.BOOLEAN);
    private static final int MAX_OBJECTS = 2_000_000;
    private static final Object MARK = new Object();

    private final Path file;
    private final PickleInput in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long built;

    private RestrictedUnpickler(Path file, byte[] pickle) {
        this.file = file;
        this.in = new PickleInput(file, pickle);
    }

    /** Interprets {@code pickle} (the bytes of a torch {@code data.pkl}) and returns its root object. */
    static Object load(Path file, byte[] pickle) throws InvalidWeightsFileException {
        try {
            return new RestrictedUnpickler(file, pickle).run();
        } catch (java.nio.BufferUnderflowException e) {
            throw new InvalidWeightsFileException(file, "pickle ends in the middle of an opcode");
        }
    }

    private InvalidWeightsFileException bad(String why) {
        return in.bad(why);
    }

    private Object run() throws InvalidWeightsFileException {
        if (!in.hasRemaining() || (in.peekFirst() & 0xff) != 0x80) {
            throw bad("pickle protocol < 2 (no PROTO opcode: a Python 2 era or legacy pickle), refused");
        }
        while (true) {
            if (!in.hasRemaining()) {
                throw bad("pickle ends without STOP");
            }
            int op = in.get() & 0xff;
            if (++built > MAX_OBJECTS) {
                throw bad("pickle has too many opcodes");
            }
            switch (op) {
                case 0x80 -> {
                    int proto = in.get() & 0xff;
                    if (proto < 2 || proto > 5) {
                        throw bad("unsupported pickle protocol " + proto);
                    }
                }
                case 0x95 -> in.getLong(); // FRAME: a hint only
                case '.' -> {
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw bad("STOP with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                case '(' -> marks.add(stack.size());
                case 'N' -> push(PickleValues.None.NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) (in.get() & 0xff));
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(in.readLong(in.get() & 0xff));
                case 0x8b -> push(in.readLong(in.length(in.getInt() & 0xffffffffL)));
                case 'G' -> push(in.bigDouble());
                case 'X' -> push(in.utf8(in.length(in.getInt() & 0xffffffffL)));
                case 0x8c -> push(in.utf8(in.get() & 0xff));
                case 0x8d -> push(in.utf8(in.length(in.getLong())));
                case 'B', 'C', 0x8e -> throw bad("bytes objects are not allowed in a state dict pickle");
                case ')' -> push(new Tuple(List.of()));
                case 0x85 -> push(new Tuple(List.of(pop())));
                case 0x86 -> {
                    Object b = pop();
                    push(new Tuple(List.of(pop(), b)));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    push(new Tuple(List.of(pop(), b, c)));
                }
                case 't' -> push(new Tuple(List.copyOf(popMark())));
                case ']' -> push(new ArrayList<>());
                case 'l' -> push(new ArrayList<>(popMark()));
                case '}' -> push(new LinkedHashMap<>());
                case 'd' -> push(pairs(new LinkedHashMap<>(), popMark()));
                case 'a' -> {
                    Object v = pop();
                    list(top()).add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    pairs(dict(top()), List.of(k, v));
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    pairs(dict(top()), items);
                }
                case 'q' -> memo.put((long) (in.get() & 0xff), top());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, top());
                case 0x94 -> memo.put((long) memo.size(), top());
                case 'h' -> push(memoGet(in.get() & 0xff));
                case 'j' -> push(memoGet(in.getInt() & 0xffffffffL));
                case 'c' -> push(global(in.line(), in.line()));
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw bad("STACK_GLOBAL needs two strings");
                    }
                    push(global(m, n));
                }
                case 'Q' -> push(persistentLoad(pop()));
                case 'R' -> {
                    Object args = pop();
                    push(reduce(pop(), args));
                }
                case 'b' -> {
                    Object state = pop();
                    if (!(top() instanceof Map) || !(state instanceof Map || state instanceof Tuple)) {
                        throw bad("BUILD is only allowed on an OrderedDict (its _metadata)");
                    }
                }
                case '0' -> pop();
                default -> throw bad(String.format("pickle opcode 0x%02x is not allowed", op));
            }
        }
    }

    private Global global(String module, String name) throws InvalidWeightsFileException {
        boolean ok = (module.equals("collections") && name.equals("OrderedDict"))
                || (module.equals("torch._utils") && (name.equals("_rebuild_tensor_v2") || name.equals("_rebuild_parameter")))
                || (module.equals("torch") && STORAGES.containsKey(name));
        if (!ok) {
            throw bad("refused pickle global '" + module + "." + name
                    + "': only OrderedDict, torch tensor rebuilds and storages are allowed");
        }
        return new Global(module, name);
    }

    private Object persistentLoad(Object pid) throws InvalidWeightsFileException {
        if (!(pid instanceof Tuple t) || t.items().size() != 5 || !"storage".equals(t.items().get(0))
                || !(t.items().get(1) instanceof Global g) || !g.module().equals("torch")
                || !(t.items().get(2) instanceof String key) || !(t.items().get(4) instanceof Long numel) || numel < 0) {
            throw bad("persistent id is not ('storage', torch.<Type>Storage, key, location, numel)");
        }
        if (!key.matches("[0-9A-Za-z_]{1,64}")) {
            throw bad("storage key '" + key + "' is not a plain name");
        }
        return new StorageRef(STORAGES.get(g.name()), key, numel);
    }

    private Object reduce(Object callable, Object args) throws InvalidWeightsFileException {
        if (!(callable instanceof Global g) || !(args instanceof Tuple t)) {
            throw bad("REDUCE needs an allowed global and a tuple");
        }
        List<Object> a = t.items();
        switch (g.qualified()) {
            case "collections.OrderedDict" -> {
                if (a.isEmpty()) {
                    return new LinkedHashMap<>();
                }
                throw bad("OrderedDict with arguments is not allowed");
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                if (a.size() < 6 || !(a.get(0) instanceof StorageRef s) || !(a.get(1) instanceof Long off)) {
                    throw bad("_rebuild_tensor_v2 needs (storage, offset, size, stride, requires_grad, hooks)");
                }
                return new TensorRef(s, off, longs(a.get(2)), longs(a.get(3)));
            }
            case "torch._utils._rebuild_parameter" -> {
                if (a.isEmpty() || !(a.get(0) instanceof TensorRef tr)) {
                    throw bad("_rebuild_parameter needs a tensor");
                }
                return tr;
            }
            default -> throw bad("'" + g.qualified() + "' cannot be called");
        }
    }

    private long[] longs(Object o) throws InvalidWeightsFileException {
        if (!(o instanceof Tuple t) || t.items().size() > 64) {
            throw bad("tensor size/stride must be a tuple of at most 64 integers");
        }
        long[] r = new long[t.items().size()];
        for (int i = 0; i < r.length; i++) {
            if (!(t.items().get(i) instanceof Long v) || v < 0) {
                throw bad("tensor size/stride must hold non-negative integers");
            }
            r[i] = v;
        }
        return r;
    }

    private Object memoGet(long key) throws InvalidWeightsFileException {
        Object v = memo.get(key);
        if (v == null) {
            throw bad("memo reference " + key + " to nothing");
        }
        return v;
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() throws InvalidWeightsFileException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) >= stack.size())) {
            throw bad("pop from an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() throws InvalidWeightsFileException {
        if (stack.isEmpty()) {
            throw bad("empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws InvalidWeightsFileException {
        if (marks.isEmpty()) {
            throw bad("no MARK on the stack");
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(m, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) throws InvalidWeightsFileException {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw bad("APPEND on a non-list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) throws InvalidWeightsFileException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw bad("SETITEM on a non-dict");
    }

    private Map<Object, Object> pairs(Map<Object, Object> m, List<Object> items) throws InvalidWeightsFileException {
        if (items.size() % 2 != 0) {
            throw bad("odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            Object k = items.get(i);
            if (!(k instanceof String || k instanceof Long || k instanceof Boolean)) {
                throw bad("dict key of type " + k.getClass().getSimpleName() + " is not allowed");
            }
            m.put(k, items.get(i + 1));
        }
        return m;
    }
}
