package org.fastai4j.data;

/**
 * An item could not be loaded by a loader worker; thrown on the consumer thread. The message names
 * the item (see {@link DataLoader#describeItem}); the cause is the worker's exception (for a bad
 * image file an {@code IOException} subclass naming the file).
 */
public class ItemLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The index of the item that failed. */
    private final int index;

    /**
     * Wraps the failure of item {@code index}, described as {@code item}.
     *
     * @param index the dataset index of the item that failed
     * @param item a short text naming the item (e.g. its file path), from
     *     {@link DataLoader#describeItem}
     * @param cause the worker's exception; its message is repeated in this one
     */
    public ItemLoadException(int index, String item, Throwable cause) {
        super("Cannot load item " + index + " (" + item + "): " + cause.getMessage(), cause);
        this.index = index;
    }

    /** {@return the dataset index of the failed item} */
    public int index() {
        return index;
    }
}
