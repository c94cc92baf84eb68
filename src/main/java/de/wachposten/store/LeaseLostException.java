package de.wachposten.store;

/**
 * A write fenced with a lease was refused because the lease passed to another holder (a higher token) since it was
 * taken: the writer was paused or cut off long enough for another instance to take over. Nothing was written.
 */
public final class LeaseLostException extends StoreException {
    public LeaseLostException(String message) {
        super(message);
    }
}
