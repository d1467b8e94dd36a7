package org.ll4al.tasks;

/**
 * Task data is missing or invalid. The message names the file (and offset, entry or element)
 * and what was expected.
 */
public class TaskDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the file and the problem. */
    public TaskDataException(String message) {
        super(message);
    }

    /** Creates the exception with a message naming the file and the problem. */
    public TaskDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
