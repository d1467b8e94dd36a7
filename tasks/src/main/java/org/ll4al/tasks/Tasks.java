package org.ll4al.tasks;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Registry of tasks, found by name through {@link ServiceLoader} of {@link TaskProvider}. */
public final class Tasks {

    private static final Map<String, TaskProvider> KNOWN = load();

    private Tasks() {}

    private static Map<String, TaskProvider> load() {
        Map<String, TaskProvider> m = new TreeMap<>();
        for (TaskProvider p : ServiceLoader.load(TaskProvider.class)) {
            m.put(p.name(), p);
        }
        return m;
    }

    /** Names of every registered task, sorted. */
    public static Set<String> names() {
        return KNOWN.keySet();
    }

    /**
     * Returns the provider of this task.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static TaskProvider byName(String name) {
        TaskProvider p = KNOWN.get(name);
        if (p == null) {
            throw new IllegalArgumentException(
                    "unknown task '" + name + "'; known tasks: " + String.join(", ", names()));
        }
        return p;
    }
}
