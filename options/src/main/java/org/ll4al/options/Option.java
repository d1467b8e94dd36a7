package org.ll4al.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One option, declared once next to the code that reads it: name, default, one-line help, what
 * values are allowed, whether it identifies an experiment (a run resumed or merged with a
 * different value is another experiment) or only this session (where results go, which device),
 * and whether its value is a path (recorded without the machine's absolute paths).
 *
 * @param <T> the type of the parsed value
 */
public final class Option<T> {

    private final String name;
    private final String defaultValue;
    private final String help;
    private final String expected;
    private final Function<String, T> parser;
    private final boolean identifying;
    private final boolean path;

    private Option(
            String name,
            String defaultValue,
            String help,
            String expected,
            Function<String, T> parser,
            boolean identifying,
            boolean path) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.help = help;
        this.expected = expected;
        this.parser = parser;
        this.identifying = identifying;
        this.path = path;
    }

    /**
     * An option of any type.
     *
     * @param def the default value as text, or null when a preset (or the user) must give it
     * @param expected what a valid value is, for the error message ("a whole number >= 1")
     * @param parser the value of a text; throws or returns null for an invalid one
     */
    public static <T> Option<T> of(String name, String def, String help, String expected, Function<String, T> parser) {
        return new Option<>(name, def, help, expected, parser, true, false);
    }

    /** A whole number {@code >= min}. */
    public static Option<Integer> integer(String name, int min, String def, String help) {
        return of(name, def, help, "a whole number >= " + min, s -> {
            int i = Integer.parseInt(s.trim());
            return i >= min ? i : null;
        });
    }

    /** A whole number of 64 bits. */
    public static Option<Long> longInteger(String name, String def, String help) {
        return of(name, def, help, "a whole number", s -> Long.parseLong(s.trim()));
    }

    /** A finite number in {@code [min, max]} or {@code [min, max)}. */
    public static Option<Float> real(
            String name, double min, double max, boolean maxInclusive, String def, String help) {
        return of(name, def, help, "a number in [" + min + ", " + max + (maxInclusive ? "]" : ")"), s -> {
            float f = Float.parseFloat(s.trim());
            return Float.isFinite(f) && f >= min && (maxInclusive ? f <= max : f < max) ? f : null;
        });
    }

    /** A finite number {@code > 0}. */
    public static Option<Float> positive(String name, String def, String help) {
        return of(name, def, help, "a number > 0", s -> {
            float f = Float.parseFloat(s.trim());
            return Float.isFinite(f) && f > 0 ? f : null;
        });
    }

    /** {@code true} or {@code false}. */
    public static Option<Boolean> bool(String name, String def, String help) {
        return of(name, def, help, "one of false, true", s -> switch (s) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    /** One of the given words. */
    public static Option<String> oneOf(String name, String def, String help, String... allowed) {
        Set<String> ok = Set.of(allowed);
        return of(name, def, help, "one of " + String.join(", ", new TreeSet<>(ok)), s -> ok.contains(s) ? s : null);
    }

    /** One of an enum's constants, written in lower case on the command line. */
    public static <E extends Enum<E>> Option<E> choice(String name, Class<E> type, String def, String help) {
        List<String> words =
                Arrays.stream(type.getEnumConstants()).map(Option::word).toList();
        return of(name, def, help, "one of " + String.join(", ", new TreeSet<>(words)), s -> {
            for (E e : type.getEnumConstants()) {
                if (word(e).equals(s)) {
                    return e;
                }
            }
            return null;
        });
    }

    /** The command-line word of an enum constant: its name in lower case. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Any text (the empty text included). */
    public static Option<String> text(String name, String def, String help) {
        return of(name, def, help, "a text", s -> s);
    }

    /** A comma list of trimmed, non-blank items (may be empty). */
    public static Option<List<String>> list(String name, String def, String help) {
        return of(name, def, help, "a comma list", Option::items);
    }

    /** A comma list of distinct names, at least one, each from {@code allowed}. */
    public static Option<List<String>> names(String name, String def, String help, Set<String> allowed) {
        return of(name, def, help, "a comma list of distinct names from " + String.join(", ", allowed), s -> {
            List<String> l = items(s);
            return l.isEmpty()
                            || !allowed.containsAll(l)
                            || l.stream().distinct().count() != l.size()
                    ? null
                    : l;
        });
    }

    /** A comma list of whole numbers {@code >= 0} (may be empty). */
    public static Option<int[]> indices(String name, String def, String help) {
        return of(name, def, help, "a comma list of 0-based epochs >= 0 (may be empty)", s -> {
            int[] m = items(s).stream().mapToInt(Integer::parseInt).toArray();
            return Arrays.stream(m).allMatch(x -> x >= 0) ? m : null;
        });
    }

    /** A file or folder, or empty for none. */
    public static Option<Optional<Path>> path(String name, String def, String help) {
        Option<Optional<Path>> o = of(
                name, def, help, "a path", s -> s.isBlank() ? Optional.<Path>empty() : Optional.of(Path.of(s.trim())));
        return o.pathValued();
    }

    private static List<String> items(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    /** The same option, marked as a setting of this session that does not identify the experiment. */
    public Option<T> session() {
        return new Option<>(name, defaultValue, help, expected, parser, false, path);
    }

    /**
     * The same option, marked as naming a file or folder: run.json records its value relative to
     * the working folder or a named root, never as an absolute path of the machine.
     */
    public Option<T> pathValued() {
        return new Option<>(name, defaultValue, help, expected, parser, identifying, true);
    }

    /** The same option with another default (e.g. a command that shares a run option). */
    public Option<T> withDefault(String def) {
        return new Option<>(name, def, help, expected, parser, identifying, path);
    }

    /**
     * Parses a value.
     *
     * @param value the text given, or null when none was given
     * @throws OptionException naming the option, the value and what is allowed
     */
    public T parse(String value) {
        if (value != null) {
            try {
                T v = parser.apply(value);
                if (v != null) {
                    return v;
                }
            } catch (RuntimeException e) {
                // reported below
            }
        }
        throw new OptionException(name, value, expected);
    }

    /** The name used as {@code -Dname=value}. */
    public String name() {
        return name;
    }

    /** The default as text, or null when a preset or the user must give the value. */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * The default as a value: what code that builds settings without options (a builder, a test)
     * starts from, so that the declaration is the one source of the default.
     *
     * @throws IllegalStateException when the option has no default (a preset or the user gives it)
     */
    public T parsedDefault() {
        if (defaultValue == null) {
            throw new IllegalStateException("option " + name + " has no default: a preset or the user gives it");
        }
        return parse(defaultValue);
    }

    /** One line of help. */
    public String help() {
        return help;
    }

    /** What a valid value is. */
    public String expected() {
        return expected;
    }

    /** Whether the value identifies the experiment (false: only this session, e.g. where results go). */
    public boolean identifying() {
        return identifying;
    }

    /** Whether the value names a file or folder (see {@link #pathValued()}). */
    public boolean isPath() {
        return path;
    }

    @Override
    public String toString() {
        return name;
    }
}
