package de.wachposten.store;

/**
 * The store could not be reached: no connection to the database could be had, or the one in use broke (the database
 * restarted, the network failed). The operation may succeed when tried again later; a write whose connection broke
 * while it committed may or may not have been committed.
 */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
