package io.stella.registry.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Abandons a streamed body that stalls: when no byte arrives for the idle timeout, the underlying
 * stream is closed (which unblocks a pending read) and reads fail with {@link IdleTimeoutException}.
 * A slow but moving download is never cut off.
 */
public final class IdleWatchdogInputStream extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stella-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long idleNanos;
    private final String what;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean timedOut;

    public IdleWatchdogInputStream(InputStream in, Duration idleTimeout, String what) {
        super(in);
        this.idleNanos = idleTimeout.toNanos();
        this.what = what;
        long period = Math.max(10, idleTimeout.toMillis() / 4);
        this.check = WATCHDOG.scheduleAtFixedRate(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (System.nanoTime() - lastProgress > idleNanos) {
            timedOut = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // the read that is blocked reports the timeout
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastProgress = System.nanoTime();
            return b;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            int n = super.read(buf, off, len);
            lastProgress = System.nanoTime();
            if (n < 0) {
                check.cancel(false);
            }
            return n;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private IOException translate(IOException e) {
        if (timedOut) {
            IdleTimeoutException idle = new IdleTimeoutException(
                    what + ": no data for " + Duration.ofNanos(idleNanos).toMillis() + " ms");
            idle.initCause(e);
            return idle;
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
