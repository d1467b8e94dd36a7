package org.ll4al.options;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** An ordered set of declared options with distinct names: parses values into {@link Settings} and prints help. */
public final class OptionTable {

    private final Map<String, Option<?>> options = new LinkedHashMap<>();

    /** A table of the given options, in order. */
    @SafeVarargs
    public static OptionTable of(Collection<? extends Option<?>>... groups) {
        OptionTable t = new OptionTable();
        for (Collection<? extends Option<?>> g : groups) {
            t.addAll(g);
        }
        return t;
    }

    /**
     * Adds options.
     *
     * @throws IllegalStateException when a name is declared twice (each option has one owner)
     */
    public OptionTable addAll(Collection<? extends Option<?>> more) {
        for (Option<?> o : more) {
            if (options.putIfAbsent(o.name(), o) != null) {
                throw new IllegalStateException("option " + o.name() + " is declared twice");
            }
        }
        return this;
    }

    /** Whether an option of this name is declared. */
    public boolean contains(String name) {
        return options.containsKey(name);
    }

    /** The declared option of this name, or null. */
    public Option<?> get(String name) {
        return options.get(name);
    }

    /** The names, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(options.keySet());
    }

    /** The options, in declaration order. */
    public Collection<Option<?>> options() {
        return Collections.unmodifiableCollection(options.values());
    }

    /** The names of the options that do not identify an experiment. */
    public Set<String> sessionNames() {
        Set<String> s = new TreeSet<>();
        options.values().stream().filter(o -> !o.identifying()).forEach(o -> s.add(o.name()));
        return s;
    }

    /** The names of the options whose values are paths. */
    public Set<String> pathNames() {
        Set<String> s = new TreeSet<>();
        options.values().stream().filter(Option::isPath).forEach(o -> s.add(o.name()));
        return s;
    }

    /** The values of the declared options among {@code properties} (e.g. the {@code -D} system properties), by name. */
    public Map<String, String> given(Properties properties) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : options.keySet()) {
            String v = properties.getProperty(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    /**
     * Parses every declared option: the value given, else its default.
     *
     * @param given values by name; names this table does not declare are ignored (they belong to another table)
     * @throws OptionException for the first value that does not parse, or a missing value without default
     */
    public Settings parse(Map<String, String> given) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option<?> o : options.values()) {
            String v = given.containsKey(o.name()) ? given.get(o.name()) : o.defaultValue();
            values.put(o.name(), o.parse(v));
            raw.put(o.name(), v);
        }
        return new Settings(raw, values);
    }

    /** Help lines, one per option: name, default and help. */
    public String usage() {
        StringBuilder sb = new StringBuilder();
        for (Option<?> o : options.values()) {
            String def = " ["
                    + (o.defaultValue() == null ? "preset" : o.defaultValue().isEmpty() ? "none" : o.defaultValue())
                    + "]";
            sb.append(String.format("  %-16s %s%s%n", o.name(), o.help(), def));
        }
        return sb.toString();
    }
}
