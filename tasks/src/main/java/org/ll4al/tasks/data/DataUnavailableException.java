package org.ll4al.tasks.data;

import org.ll4al.tasks.TaskDataException;

/**
 * An official archive could not be fetched or is not the published file: the message names the
 * archive, the URL tried and why, and says where to put the file by hand (URL, expected
 * checksum, destination path).
 */
public class DataUnavailableException extends TaskDataException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the full message. */
    public DataUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with the full message and its cause. */
    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
