package org.ll4al.results;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a path option's value so that it names no absolute path of the machine that ran it, and
 * a reader of a published {@code run.json} or {@code OPTIONS} can still use it:
 * <ul>
 *   <li>a relative path stays as given (normalised: {@code ./a/../b} is {@code b}), unless it
 *       leads where the rules below write another form (e.g. into a named root);
 *   <li>an absolute path under a named root becomes {@code ${name}/rest}, e.g.
 *       {@code ${dataCache}/cifar10/cifar-10-batches-bin};
 *   <li>an absolute path under the working folder, or under its parent or grandparent, becomes
 *       relative to the working folder ({@code data/voc}, {@code ../shared/data/voc});
 *   <li>any other absolute path becomes {@code ${path}/} and its last two names
 *       ({@code /mnt/disk7/datasets/voc} is {@code ${path}/datasets/voc}).
 * </ul>
 * The mapping is idempotent: a value already written this way is returned unchanged, so old
 * (absolute) and new (portable) records compare equal when they name the same place.
 */
public final class PortablePaths {

    /** The placeholder of an absolute path outside the working folder and the named roots. */
    public static final String ELSEWHERE = "${path}";

    /** How many folders above the working folder a path may lie and still be written relative to it. */
    static final int LEVELS_UP = 2;

    private final Path base;
    private final Map<String, Path> roots;

    /**
     * Paths relative to {@code base}, the working folder of the run.
     *
     * @param roots named folders written as {@code ${name}} (e.g. the data cache), checked in order
     */
    public PortablePaths(Path base, Map<String, Path> roots) {
        this.base = base.toAbsolutePath().normalize();
        this.roots = new LinkedHashMap<>();
        roots.forEach((k, v) -> this.roots.put(k, v.toAbsolutePath().normalize()));
    }

    /** Relative to this process's working folder, without named roots. */
    public static PortablePaths here() {
        return new PortablePaths(Path.of(""), Map.of());
    }

    /** Whether a value is a placeholder written by {@link #of}: it names a place on another machine. */
    public static boolean isPlaceholder(String value) {
        return value != null && value.startsWith("${");
    }

    /** The portable form of a path option's value (blank and placeholder values as they are). */
    public String of(String value) {
        if (value == null || value.isBlank() || isPlaceholder(value)) {
            return value;
        }
        Path p;
        try {
            p = base.resolve(value.trim()).normalize(); // a relative value names a place relative to the working folder
        } catch (RuntimeException e) {
            return value; // not a path of this file system: written as given
        }
        for (Map.Entry<String, Path> r : roots.entrySet()) {
            if (p.startsWith(r.getValue())) {
                return join("${" + r.getKey() + "}", r.getValue().relativize(p));
            }
        }
        Path near = base;
        for (int up = 0; up <= LEVELS_UP && near != null && near.getNameCount() > 0; up++) {
            if (p.startsWith(near)) {
                String rel = base.relativize(p).toString();
                return rel.isEmpty() ? "." : rel;
            }
            near = near.getParent();
        }
        int n = p.getNameCount();
        return join(ELSEWHERE, n == 0 ? Path.of("") : p.subpath(Math.max(0, n - 2), n));
    }

    /**
     * Whether two values of a path option name the same place: equal once written portably, or,
     * where one side kept only the last names of a path elsewhere ({@code ${path}/a/b}), the other
     * ends with the same names (all that is known of it).
     */
    public boolean same(String a, String b) {
        String pa = of(a);
        String pb = of(b);
        if (Objects.equals(pa, pb)) {
            return true;
        }
        if (pa == null || pb == null) {
            return false;
        }
        String prefix = ELSEWHERE + "/";
        if (pa.startsWith(prefix) || pb.startsWith(prefix)) {
            String kept = pa.startsWith(prefix) ? pa.substring(prefix.length()) : pb.substring(prefix.length());
            String other = pa.startsWith(prefix) ? pb : pa;
            String otherNames = other.startsWith(prefix) ? other.substring(prefix.length()) : other;
            return otherNames.equals(kept) || otherNames.endsWith("/" + kept);
        }
        return false;
    }

    private static String join(String head, Path rest) {
        String r = rest.toString();
        return r.isEmpty() ? head : head + "/" + r;
    }
}
