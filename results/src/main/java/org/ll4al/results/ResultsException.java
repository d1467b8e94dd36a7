package org.ll4al.results;

/** A results file could not be read or written; the message names the file. */
public class ResultsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message naming the file and the problem. */
    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception with a message naming the file and the problem. */
    public ResultsException(String message) {
        super(message);
    }
}
