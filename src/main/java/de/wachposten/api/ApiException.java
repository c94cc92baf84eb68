package de.wachposten.api;

/**
 * A request the API refuses, with the HTTP status and a message for the caller. Rendered as
 * {@code application/problem+json} by {@link Problems}; {@code field} names the offending input field, if any.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    /**
     * @param status HTTP status code
     * @param detail message for the caller; never contains a token or a secret
     * @param field  the offending field, or null
     */
    public ApiException(int status, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
    }

    /** 400 for a bad field: the detail reads {@code field 'name': message}. */
    public static ApiException badField(String field, String message) {
        return new ApiException(400, "field '" + field + "': " + message, field);
    }

    /** 400 for a body that is not what the endpoint takes as a whole. */
    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail, null);
    }

    /** 401: no valid bearer token. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, detail, null);
    }

    /** 403: authenticated but not allowed. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, detail, null);
    }

    /** 404: the id in the path names nothing. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, detail, null);
    }

    /** 409: the object is not in a state that allows the change. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, detail, null);
    }

    public int status() {
        return status;
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }
}
