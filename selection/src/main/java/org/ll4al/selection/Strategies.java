package org.ll4al.selection;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Registry of selection strategies, found by name through {@link ServiceLoader}. */
public final class Strategies {

    private static final Map<String, SelectionStrategy> KNOWN = load();

    private Strategies() {}

    private static Map<String, SelectionStrategy> load() {
        Map<String, SelectionStrategy> m = new TreeMap<>();
        for (SelectionStrategy s : ServiceLoader.load(SelectionStrategy.class)) {
            m.put(s.name(), s);
        }
        return m;
    }

    /** Names of every registered strategy, sorted. */
    public static Set<String> names() {
        return KNOWN.keySet();
    }

    /**
     * Returns the strategy with this name.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static SelectionStrategy byName(String name) {
        SelectionStrategy s = KNOWN.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown strategy '" + name + "'; known strategies: " + String.join(", ", names()));
        }
        return s;
    }
}
