package io.stella.scan.registry;

import io.stella.registry.failure.FailureCode;
import io.stella.scan.store.ImageRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code max_workers} workers on virtual threads taking images from one queue. Each image gets at most
 * {@code timeout_per_image}; one image's failure or timeout never stops the others.
 */
final class WorkerPool {
    private final int workers;
    private final Duration timeout;
    private final Clock clock;

    WorkerPool(int workers, Duration timeout, Clock clock) {
        this.workers = workers;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Scans every image and hands each record to {@code record}. A failure to record (the store is gone)
     * stops all workers and is rethrown: a run must not finish with images silently missing.
     */
    void run(List<ImageWork> images, Function<ImageWork, ImageRecord> scan, Consumer<ImageRecord> record) {
        run(images, image -> image, scan, record);
    }

    /**
     * As {@link #run(List, Function, Consumer)} for work items of any kind; {@code describe} names the image
     * an item stands for, for the record of a timeout or failure.
     */
    <T> void run(List<T> items, Function<T, ImageWork> describe, Function<T, ImageRecord> scan,
                 Consumer<ImageRecord> record) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        List<Future<Void>> running = new java.util.ArrayList<>();
        try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService workerThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < Math.min(workers, Math.max(1, items.size())); i++) {
                running.add(workerThreads.submit(() -> {
                    T item;
                    while ((item = queue.poll()) != null) {
                        try {
                            record.accept(runOne(tasks, item, describe.apply(item), scan));
                        } catch (RuntimeException | Error e) {
                            queue.clear();
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
        }
    }

    private <T> ImageRecord runOne(ExecutorService tasks, T item, ImageWork image, Function<T, ImageRecord> scan) {
        Future<ImageRecord> task = tasks.submit(() -> scan.apply(item));
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return Records.failed(image.key(), image.repository(), image.tags(), image, FailureCode.SCAN_TIMEOUT,
                    image.key() + " was not scanned within " + timeout.toSeconds() + " s (scan.timeout_per_image)",
                    clock.instant());
        } catch (ExecutionException e) {
            return Records.failed(image.key(), image.repository(), image.tags(), image,
                    Records.unexpected("scanning " + image.key(), e.getCause()), clock.instant());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }
}
