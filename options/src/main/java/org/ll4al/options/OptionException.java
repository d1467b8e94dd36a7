package org.ll4al.options;

/** An option has a bad value; the message names the option, the value and what is allowed. */
public class OptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for option {@code name} with the value found and what is allowed. */
    public OptionException(String name, String value, String allowed) {
        super("option " + name + "=" + (value == null ? "(missing)" : "'" + value + "'") + " is invalid: expected "
                + allowed);
    }
}
