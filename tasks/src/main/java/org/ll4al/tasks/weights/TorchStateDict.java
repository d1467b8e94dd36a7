package org.ll4al.tasks.weights;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ll4al.tasks.TaskDataException;

/**
 * Reads the float32/float64 tensors of a PyTorch state dict written by {@code torch.save} (zip
 * format of PyTorch 1.6+ and the legacy format before it); its pickles are read by {@link TorchPickle}.
 */
public final class TorchStateDict implements Closeable {

    /** One tensor: key, C-order shape, strides and offset in elements into its storage. */
    public record Tensor(String key, long[] shape, long[] stride, long offset, Storage storage) {}

    /** A storage: its key in the file, element type, element count and first element (views). */
    record Storage(String key, String type, long numel, long base) {
        int elementSize() {
            return ELEMENT_SIZES.get(type);
        }
    }

    /** Bytes per element of the storage types torch.save writes. */
    static final Map<String, Integer> ELEMENT_SIZES = Map.ofEntries(
            Map.entry("FloatStorage", 4),
            Map.entry("DoubleStorage", 8),
            Map.entry("HalfStorage", 2),
            Map.entry("BFloat16Storage", 2),
            Map.entry("LongStorage", 8),
            Map.entry("IntStorage", 4),
            Map.entry("ShortStorage", 2),
            Map.entry("CharStorage", 1),
            Map.entry("ByteStorage", 1),
            Map.entry("BoolStorage", 1));

    /** torch.save's legacy format starts with this number, pickled. */
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private final Path file;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Storage> storages = new HashMap<>();
    private ZipFile zip;
    private String zipPrefix;
    private FileChannel channel;
    private final Map<String, Long> legacyOffsets = new HashMap<>();

    private TorchStateDict(Path file) {
        this.file = file;
    }

    /** Whether these first bytes of a file start a torch.save file (a zip or a legacy pickle). */
    public static boolean recognises(byte[] head) {
        return head.length >= 4
                && (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 || (head[0] & 0xff) == 0x80);
    }

    /** Opens the file and reads its tensor index; data are read by {@link #values}. */
    public static TorchStateDict open(Path file) {
        TorchStateDict d = new TorchStateDict(file);
        try {
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, 4);
                if (n < 4) {
                    throw d.fail("too short for a torch.save file");
                }
            }
            if (head[0] == 'P') {
                d.openZip();
            } else {
                d.openLegacy();
            }
            return d;
        } catch (IOException e) {
            d.close();
            throw new TaskDataException(file + ": cannot read it as a PyTorch state dict: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The tensors by key, in file order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    private TaskDataException fail(String what) {
        return new TaskDataException(file + ": " + what);
    }

    private void openZip() throws IOException {
        zip = new ZipFile(file.toFile());
        ZipEntry pkl = zip.stream()
                .filter(e -> e.getName().endsWith("data.pkl"))
                .min((a, b) -> a.getName().length() - b.getName().length())
                .orElse(null);
        if (pkl == null) {
            throw fail("a zip file without data.pkl: not a torch.save file (expected a PyTorch state dict)");
        }
        zipPrefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
        ZipEntry order = zip.getEntry(zipPrefix + "byteorder");
        if (order != null) {
            try (InputStream in = zip.getInputStream(order)) {
                String o = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (!"little".equals(o)) {
                    throw fail("byte order " + o + " (only little-endian files are read)");
                }
            }
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(pkl)) {
            data = in.readAllBytes();
        }
        index(new TorchPickle(new ByteArrayInputStream(data), file, storages).load());
        for (Storage s : storages.values()) {
            ZipEntry e = zip.getEntry(zipPrefix + "data/" + s.key());
            if (e == null) {
                throw fail("storage data/" + s.key() + " is missing from the zip");
            }
            if (e.getSize() >= 0 && e.getSize() < s.numel() * s.elementSize()) {
                throw fail("storage data/" + s.key() + " holds " + e.getSize() + " bytes, " + s.numel()
                        + " elements of " + s.type() + " expected");
            }
        }
    }

    private void openLegacy() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        CountingStream in = new CountingStream(Channels.newInputStream(channel.position(0)));
        TorchPickle u = new TorchPickle(in, file, storages);
        Object magic = u.load();
        if (!LEGACY_MAGIC.equals(magic)) {
            throw fail("a pickle without torch.save's magic number: not a PyTorch state dict "
                    + "(expected a torch.save file, zip or legacy format)");
        }
        Object protocol = u.load();
        if (!Long.valueOf(1001).equals(protocol)) {
            throw fail("legacy torch.save protocol " + protocol + " (1001 expected)");
        }
        Object sysInfo = u.load();
        if (sysInfo instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("little_endian"))) {
            throw fail("written big-endian (only little-endian files are read)");
        }
        index(u.load());
        Object keys = u.load();
        if (!(keys instanceof List<?> list)) {
            throw fail("no storage list after the pickled dict: not a legacy torch.save file");
        }
        long pos = in.position;
        ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (Object k : list) {
            String key = String.valueOf(k);
            Storage s = storages.get(key);
            if (s == null) {
                throw fail("storage " + key + " is listed but no tensor uses it: not a legacy torch.save file");
            }
            eight.clear();
            if (channel.read(eight, pos) != 8) {
                throw fail("truncated: storage " + key + " ends the file");
            }
            long numel = eight.getLong(0);
            legacyOffsets.put(key, pos + 8);
            pos += 8 + numel * s.elementSize();
        }
        if (pos > channel.size()) {
            throw fail("truncated: " + channel.size() + " bytes, its storages need " + pos);
        }
        for (Storage s : storages.values()) {
            if (!legacyOffsets.containsKey(s.key())) {
                throw fail("storage " + s.key() + " is not in the file");
            }
        }
    }

    /** Checks that the unpickled object is a dict of tensors and indexes its tensors. */
    private void index(Object root) {
        if (!(root instanceof Map<?, ?> map)) {
            throw fail("holds a " + TorchPickle.typeName(root) + ", expected a state dict (a dict of tensors, "
                    + "torch.save(model.state_dict(), ...))");
        }
        List<String> others = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof Tensor t && e.getKey() instanceof String key) {
                tensors.put(key, new Tensor(key, t.shape(), t.stride(), t.offset(), t.storage()));
            } else {
                others.add(e.getKey() + " (" + TorchPickle.typeName(e.getValue()) + ")");
            }
        }
        if (tensors.isEmpty()) {
            throw fail("a dict without tensors (" + String.join(", ", others.subList(0, Math.min(8, others.size())))
                    + "), expected a state dict: torch.save(model.state_dict(), ...)");
        }
    }

    /** Throws unless the tensor is float32 or float64, the types {@link #values} reads. */
    public void checkType(Tensor t) {
        String type = t.storage().type();
        if (!"FloatStorage".equals(type) && !"DoubleStorage".equals(type)) {
            throw fail("tensor " + t.key() + " is stored as torch." + type + "; only float32 (FloatStorage) and "
                    + "float64 (DoubleStorage) tensors are read (convert with .float() before torch.save)");
        }
    }

    /** The tensor's elements in C order as float32 (float64 storages are narrowed). */
    public float[] values(Tensor t) throws IOException {
        checkType(t);
        Storage s = t.storage();
        long n = 1;
        long last = t.offset();
        for (int i = 0; i < t.shape().length; i++) {
            n *= t.shape()[i];
            last += (t.shape()[i] - 1) * t.stride()[i];
        }
        if (n == 0) {
            return new float[0];
        }
        if (n > Integer.MAX_VALUE || t.offset() < 0 || last >= s.numel()) {
            throw fail("tensor " + t.key() + ": its view (offset " + t.offset() + ", shape "
                    + Arrays.toString(t.shape()) + ", strides " + Arrays.toString(t.stride())
                    + ") leaves its storage of " + s.numel() + " elements");
        }
        long first = s.base() + t.offset();
        if ((last - t.offset() + 1) * s.elementSize() > Integer.MAX_VALUE) {
            throw fail("tensor " + t.key() + " spans more than 2 GB of its storage; not read");
        }
        int span = (int) (last - t.offset() + 1);
        ByteBuffer buf = ByteBuffer.allocate(span * s.elementSize()).order(ByteOrder.LITTLE_ENDIAN);
        long byteOffset = first * s.elementSize();
        if (zip != null) {
            try (InputStream in = zip.getInputStream(zip.getEntry(zipPrefix + "data/" + s.key()))) {
                in.skipNBytes(byteOffset);
                in.readNBytes(buf.array(), 0, buf.capacity());
            }
        } else {
            long at = legacyOffsets.get(s.key()) + byteOffset;
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) {
                    throw new EOFException("storage " + s.key());
                }
            }
        }
        float[] out = new float[(int) n];
        int dims = t.shape().length;
        long[] idx = new long[dims];
        long rel = 0; // element offset from the tensor's first element
        boolean dbl = s.elementSize() == 8;
        for (int k = 0; k < out.length; k++) {
            out[k] = dbl ? (float) buf.getDouble((int) rel * 8) : buf.getFloat((int) rel * 4);
            for (int d = dims - 1; d >= 0; d--) { // odometer over the C-order index
                idx[d]++;
                rel += t.stride()[d];
                if (idx[d] < t.shape()[d]) {
                    break;
                }
                rel -= idx[d] * t.stride()[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (zip != null) {
                zip.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was written; closing a read-only file cannot lose data
        }
    }

    /** An input stream that counts the bytes read. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long position;

        CountingStream(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }
    }
}
