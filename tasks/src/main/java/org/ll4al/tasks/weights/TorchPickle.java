package org.ll4al.tasks.weights;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.weights.TorchStateDict.Storage;
import org.ll4al.tasks.weights.TorchStateDict.Tensor;

/**
 * The minimal unpickler of {@link TorchStateDict}: the pickle opcodes (protocols 2 and 4) that
 * torch.save writes for a dict of tensors, its storage persistent ids and the tensor rebuilds.
 */
final class TorchPickle {

    private record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    private record Tuple(Object[] items) {}

    private final InputStream in;
    private final Path file;
    private final Map<String, Storage> storages;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    /**
     * A reader of the pickles in {@code in}; the storages their persistent ids name are added to
     * {@code storages} (one entry per storage key, shared by the pickles read), errors name {@code file}.
     */
    TorchPickle(InputStream in, Path file, Map<String, Storage> storages) {
        this.in = in;
        this.file = file;
        this.storages = storages;
    }

    private TaskDataException fail(String what) {
        return new TaskDataException(file + ": " + what);
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw fail("truncated pickle: the file ends inside it");
        }
        return b;
    }

    private long le(int n) throws IOException {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    private byte[] bytes(long n) throws IOException {
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw fail("corrupt pickle: a string of " + n + " bytes");
        }
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw fail("truncated pickle: the file ends inside it");
        }
        return b;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = u8(); c != '\n'; c = u8()) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw fail("corrupt pickle: stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() {
        if (stack.isEmpty()) {
            throw fail("corrupt pickle: stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("corrupt pickle: no mark");
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(m, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> kv) {
        if (!(top() instanceof Map)) {
            throw fail("corrupt pickle: SETITEM(S) on a " + typeName(top()));
        }
        Map<Object, Object> m = (Map<Object, Object>) top();
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            m.put(kv.get(i), kv.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void append(List<Object> items) {
        if (!(top() instanceof List)) {
            throw fail("corrupt pickle: APPEND(S) on a " + typeName(top()));
        }
        ((List<Object>) top()).addAll(items);
    }

    /** Reads one pickle up to its STOP. */
    Object load() throws IOException {
        stack.clear();
        marks.clear();
        memo.clear();
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80 -> u8(); // PROTO
                case 0x95 -> le(8); // FRAME
                case '.' -> { // STOP
                    return pop();
                }
                case '(' -> marks.add(stack.size());
                case '}' -> stack.add(new LinkedHashMap<>());
                case ']' -> stack.add(new ArrayList<>());
                case ')' -> stack.add(new Tuple(new Object[0]));
                case 'd' -> {
                    stack.add(new LinkedHashMap<>());
                    Object m = pop();
                    List<Object> kv = popMark();
                    stack.add(m);
                    setItems(kv);
                }
                case 'l' -> stack.add(new ArrayList<>(popMark()));
                case 't' -> stack.add(new Tuple(popMark().toArray()));
                case 0x85, 0x86, 0x87 -> { // TUPLE1..3
                    Object[] t = new Object[op - 0x84];
                    for (int i = t.length - 1; i >= 0; i--) {
                        t[i] = pop();
                    }
                    stack.add(new Tuple(t));
                }
                case 'q' -> memo.put((long) u8(), top()); // BINPUT
                case 'r' -> memo.put(le(4), top()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), top()); // MEMOIZE
                case 'h', 'j' -> { // BINGET, LONG_BINGET
                    long k = op == 'h' ? u8() : le(4);
                    if (!memo.containsKey(k)) {
                        throw fail("corrupt pickle: memo " + k + " unset");
                    }
                    stack.add(memo.get(k));
                }
                case 'J' -> stack.add((long) (int) le(4)); // BININT
                case 'K' -> stack.add((long) u8()); // BININT1
                case 'M' -> stack.add(le(2)); // BININT2
                case 0x8a -> { // LONG1
                    byte[] b = bytes(u8());
                    byte[] be = new byte[b.length + 1];
                    for (int i = 0; i < b.length; i++) {
                        be[b.length - i] = b[i];
                    }
                    be[0] = b.length > 0 && b[b.length - 1] < 0 ? (byte) -1 : 0;
                    BigInteger v = new BigInteger(be);
                    stack.add(v.bitLength() < 64 ? (Object) v.longValue() : v);
                }
                case 'G' -> stack.add(Double.longBitsToDouble(Long.reverseBytes(le(8)))); // BINFLOAT (big-endian)
                case 'X' -> stack.add(new String(bytes(le(4)), StandardCharsets.UTF_8)); // BINUNICODE
                case 0x8c -> stack.add(new String(bytes(u8()), StandardCharsets.UTF_8)); // SHORT_BINUNICODE
                case 'U' -> stack.add(new String(bytes(u8()), StandardCharsets.ISO_8859_1)); // SHORT_BINSTRING
                case 'T' -> stack.add(new String(bytes(le(4)), StandardCharsets.ISO_8859_1)); // BINSTRING
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'c' -> stack.add(new Global(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    stack.add(new Global(String.valueOf(pop()), String.valueOf(name)));
                }
                case 'Q' -> stack.add(storage(pop())); // BINPERSID
                case 'R', 0x81 -> { // REDUCE, NEWOBJ
                    Object args = pop();
                    stack.add(call(pop(), args));
                }
                case 'b' -> { // BUILD: an OrderedDict's _metadata
                    Object state = pop();
                    if (!(top() instanceof Map) || state != null && !(state instanceof Map)) {
                        throw fail("corrupt pickle: BUILD on a " + typeName(top()));
                    }
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    setItems(List.of(k, v));
                }
                case 'u' -> setItems(popMark());
                case 'a' -> append(List.of(pop()));
                case 'e' -> append(popMark());
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> stack.add(top());
                default ->
                    throw fail(String.format(
                            "pickle opcode 0x%02x is not one torch.save writes for a state "
                                    + "dict (expected a PyTorch state dict of tensors)",
                            op));
            }
        }
    }

    private Object[] args(Object args, Global g, int min) {
        if (!(args instanceof Tuple t) || t.items().length < min) {
            throw fail("corrupt pickle: " + g + " called with " + typeName(args));
        }
        return t.items();
    }

    private Object call(Object callable, Object args) {
        if (!(callable instanceof Global g)) {
            throw fail("corrupt pickle: calls a " + typeName(callable));
        }
        switch (g.toString()) {
            case "collections.OrderedDict", "__builtin__.dict", "builtins.dict" -> {
                if (args instanceof Tuple t && t.items().length == 0) {
                    return new LinkedHashMap<>();
                }
                throw fail("corrupt pickle: " + g + " called with arguments");
            }
            case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2" -> {
                Object[] a = args(args, g, 4);
                if (!(a[0] instanceof Storage s) || !(a[1] instanceof Long off)) {
                    throw fail("corrupt pickle: " + g + " without a storage and an offset");
                }
                long[] shape = longs(a[2], g);
                long[] stride = longs(a[3], g);
                if (shape.length != stride.length) {
                    throw fail("corrupt pickle: a tensor with " + shape.length + " sizes and " + stride.length
                            + " strides");
                }
                return new Tensor(null, shape, stride, off, s);
            }
            case "torch._utils._rebuild_parameter" -> {
                return args(args, g, 1)[0];
            }
            default ->
                throw fail("the pickle builds a " + g + ": not a state dict of tensors (a whole pickled "
                        + "model or other object; expected torch.save(model.state_dict(), ...))");
        }
    }

    private long[] longs(Object o, Global g) {
        if (!(o instanceof Tuple t)) {
            throw fail("corrupt pickle: " + g + " with sizes " + typeName(o));
        }
        long[] v = new long[t.items().length];
        for (int i = 0; i < v.length; i++) {
            if (!(t.items()[i] instanceof Long l) || l < 0) {
                throw fail("corrupt pickle: " + g + " with size " + t.items()[i]);
            }
            v[i] = l;
        }
        return v;
    }

    /** A persistent id ('storage', type, key, location, numel[, view]) as a storage. */
    private Storage storage(Object pid) {
        if (!(pid instanceof Tuple t)
                || t.items().length < 5
                || !"storage".equals(t.items()[0])
                || !(t.items()[1] instanceof Global type)
                || !(t.items()[4] instanceof Long numel)) {
            throw fail("a persistent id that is not a tensor storage: not a PyTorch state dict");
        }
        String key = String.valueOf(t.items()[2]);
        if (!TorchStateDict.ELEMENT_SIZES.containsKey(type.name())) {
            throw fail("storage " + key + " has the unknown type " + type + ": not a state dict this reader knows");
        }
        Storage root = storages.computeIfAbsent(key, k -> new Storage(k, type.name(), numel, 0));
        if (t.items().length > 5
                && t.items()[5] instanceof Tuple view
                && view.items().length == 3
                && view.items()[1] instanceof Long off
                && view.items()[2] instanceof Long size) {
            return new Storage(key, type.name(), size, off); // legacy storage view
        }
        return root;
    }

    /** The Python type name of an unpickled object, for messages. */
    static String typeName(Object o) {
        if (o == null) {
            return "None";
        } else if (o instanceof Map) {
            return "dict";
        } else if (o instanceof List) {
            return "list";
        } else if (o instanceof Tuple) {
            return "tuple";
        } else if (o instanceof Tensor) {
            return "tensor";
        }
        return o.getClass().getSimpleName();
    }
}
