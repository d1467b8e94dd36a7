package org.ll4al.options;

import java.util.Collections;
import java.util.Map;

/** Parsed, checked values of an {@link OptionTable}, read by typed {@link Option}: {@code settings.get(Option)}. */
public final class Settings {

    private final Map<String, String> raw;
    private final Map<String, Object> values;

    Settings(Map<String, String> raw, Map<String, Object> values) {
        this.raw = Collections.unmodifiableMap(raw);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The value of an option.
     *
     * @throws IllegalArgumentException when the option is not in the table these settings came from
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        if (!values.containsKey(option.name())) {
            throw new IllegalArgumentException("option " + option.name() + " is not declared here; declared: "
                    + String.join(", ", values.keySet()));
        }
        return (T) values.get(option.name());
    }

    /** Every value as text, by name (what run.json records). */
    public Map<String, String> asText() {
        return raw;
    }
}
