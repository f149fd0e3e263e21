package io.stella.scan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import io.stella.scan.store.SeverityCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    private static ImageWork image(int i) {
        return new ImageWork("repo/app", "sha256:" + String.format("%064d", i), null, "linux/amd64", Optional.empty(),
                List.of("v" + i));
    }

    private static ImageRecord success(ImageWork image) {
        return new ImageRecord(image.key(), image.repository(), image.tags(), image.digest(), image.platform(), null,
                ImageStatus.SUCCESS, null, null, null, SeverityCounts.ZERO, new byte[0], 0, 0, 0, Instant.now());
    }

    @Test
    void everyImageGetsOneRecordAndNoMoreWorkersRunThanAllowed() {
        List<ImageWork> images = IntStream.range(0, 40).mapToObj(WorkerPoolTest::image).toList();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<ImageRecord> records = new CopyOnWriteArrayList<>();

        new WorkerPool(3, Duration.ofSeconds(30), Clock.systemUTC()).run(images, image -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return success(image);
        }, records::add);

        assertThat(records).extracting(ImageRecord::imageKey)
                .containsExactlyInAnyOrderElementsOf(images.stream().map(ImageWork::key).toList());
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void aSlowImageTimesOutAndAFailingOneIsRecordedWhileTheOthersGoOn() {
        List<ImageWork> images = IntStream.range(0, 6).mapToObj(WorkerPoolTest::image).toList();
        Map<String, ImageRecord> records = new ConcurrentHashMap<>();

        new WorkerPool(2, Duration.ofMillis(300), Clock.systemUTC()).run(images, image -> {
            if (image.tags().contains("v1")) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (image.tags().contains("v2")) {
                throw new IllegalStateException("boom");
            }
            return success(image);
        }, r -> records.put(r.tags().getFirst(), r));

        assertThat(records).hasSize(6);
        assertThat(records.get("v1").status()).isEqualTo(ImageStatus.FAILED);
        assertThat(records.get("v1").failureCode()).isEqualTo(FailureCode.SCAN_TIMEOUT.name());
        assertThat(records.get("v1").failureMessage()).contains("timeout_per_image");
        assertThat(records.get("v2").status()).isEqualTo(ImageStatus.FAILED);
        assertThat(records.get("v2").failureMessage()).contains("boom");
        assertThat(records.values()).filteredOn(r -> r.status() == ImageStatus.SUCCESS).hasSize(4);
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheRunInsteadOfLosingImages() {
        List<ImageWork> images = IntStream.range(0, 20).mapToObj(WorkerPoolTest::image).toList();
        AtomicInteger recorded = new AtomicInteger();

        assertThatThrownBy(() -> new WorkerPool(2, Duration.ofSeconds(30), Clock.systemUTC()).run(images,
                WorkerPoolTest::success, r -> {
                    if (recorded.incrementAndGet() == 3) {
                        throw RegistryException.builder(FailureCode.STORE_UNAVAILABLE, "store gone").build();
                    }
                }))
                .isInstanceOf(RegistryException.class).hasMessageContaining("store gone");
        assertThat(recorded.get()).as("the queue is dropped once a record fails").isLessThan(images.size());
    }
}
