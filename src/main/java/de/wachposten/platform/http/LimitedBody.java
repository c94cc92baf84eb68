package de.wachposten.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * Collects a response body into a buffer while counting bytes; past the limit the write fails, which stops the
 * transfer and fails the request with {@link BodyTooLargeException}. The limit holds however the body is framed
 * (Content-Length or chunked), because it is checked on every received chunk.
 */
public final class LimitedBody implements BodyCodec<Buffer> {
    private final long maxBytes;

    public LimitedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public BodyStream<Buffer> stream() {
        return new Stream();
    }

    /** The body exceeded the limit. */
    public static final class BodyTooLargeException extends RuntimeException {
        public final long limit;

        BodyTooLargeException(long limit) {
            super("response body larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }
    }

    private final class Stream implements BodyStream<Buffer> {
        private final Buffer body = Buffer.buffer();
        private final Promise<Buffer> result = Promise.promise();

        @Override
        public Future<Buffer> result() {
            return result.future();
        }

        @Override
        public void handle(Throwable failure) {
            result.tryFail(failure);
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (result.future().isComplete()) {
                return Future.failedFuture(new BodyTooLargeException(maxBytes));
            }
            if ((long) body.length() + data.length() > maxBytes) {
                BodyTooLargeException tooLarge = new BodyTooLargeException(maxBytes);
                result.tryFail(tooLarge);
                return Future.failedFuture(tooLarge);
            }
            body.appendBuffer(data);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end() {
            result.tryComplete(body);
            return Future.succeededFuture();
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
