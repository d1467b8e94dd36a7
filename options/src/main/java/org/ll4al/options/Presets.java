package org.ll4al.options;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A task's presets in one format: a {@code [base]} section shared by all, then one section per
 * preset with only what differs, as {@code name = value} lines ({@code #} starts a comment line).
 * A section {@code [name : parent]} starts from an earlier preset's values instead of the base's
 * alone, so a preset that changes a few lines of another states only those.
 *
 * <pre>
 * [base]
 * optimizer = sgd
 * [paper]
 * # Yoo and Kweon (2019), Sec. 4.1
 * epochs = 200
 * [paper-short : paper]
 * epochs = 20
 * </pre>
 */
public final class Presets {

    private static final String BASE = "base";

    private final String task;
    private final Map<String, Map<String, String>> sections;

    private Presets(String task, Map<String, Map<String, String>> sections) {
        this.task = task;
        this.sections = sections;
    }

    /**
     * Parses the presets of a task.
     *
     * @throws IllegalArgumentException naming the line when it is neither a section, a comment nor {@code name = value}
     */
    public static Presets parse(String task, String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("[") && s.endsWith("]")) {
                String header = s.substring(1, s.length() - 1);
                int colon = header.indexOf(':');
                current = new LinkedHashMap<>();
                if (colon >= 0) {
                    String parentName = header.substring(colon + 1).strip();
                    Map<String, String> parent = BASE.equals(parentName) ? null : sections.get(parentName);
                    if (parent == null) {
                        throw new IllegalArgumentException(task + " presets, line " + n + ": section " + s
                                + " names no earlier preset after ':' (known: " + String.join(", ", sections.keySet())
                                + ")");
                    }
                    current.putAll(parent);
                    header = header.substring(0, colon);
                }
                if (sections.put(header.strip(), current) != null) {
                    throw new IllegalArgumentException(
                            task + " presets, line " + n + ": section " + s + " appears twice");
                }
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0 || current == null) {
                throw new IllegalArgumentException(
                        task + " presets, line " + n + ": expected [section] or name = value, found '" + s + "'");
            }
            current.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return new Presets(task, sections);
    }

    /** The preset names (the base section excluded), in order. */
    public Set<String> names() {
        Set<String> s = new LinkedHashSet<>(sections.keySet());
        s.remove(BASE);
        return s;
    }

    /**
     * The values of a preset: the base, then the preset's own lines.
     *
     * @throws IllegalArgumentException for an unknown preset, listing the known ones
     */
    public Map<String, String> values(String preset) {
        Map<String, String> own = BASE.equals(preset) ? null : sections.get(preset);
        if (own == null) {
            throw new IllegalArgumentException("unknown preset '" + preset + "' for task " + task + "; known presets: "
                    + String.join(", ", names()));
        }
        Map<String, String> m = new LinkedHashMap<>(sections.getOrDefault(BASE, Map.of()));
        m.putAll(own);
        return m;
    }

    /**
     * Checks every preset against the declared options.
     *
     * @throws IllegalStateException naming the preset and the first name that is not a declared option
     */
    public void check(OptionTable table) {
        sections.forEach((name, values) -> values.keySet().forEach(k -> {
            if (!table.contains(k)) {
                throw new IllegalStateException(
                        "preset " + name + " of task " + task + " sets " + k + ", which is not a declared option");
            }
        }));
    }
}
