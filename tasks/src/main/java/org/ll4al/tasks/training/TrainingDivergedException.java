package org.ll4al.tasks.training;

/** The loss became NaN or infinite; the message names the epoch and batch. */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
