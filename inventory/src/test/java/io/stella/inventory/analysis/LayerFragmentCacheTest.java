package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.source.OciLayoutSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.testing.LayeredImage;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerFragmentCacheTest {
    @TempDir
    Path dir;

    /** A cache in memory: what a registry scan's store-backed cache does, without the store. */
    static final class MemoryCache implements LayerFragmentCache {
        final Map<String, LayerFragment> fragments = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Optional<LayerFragment>>> pending = new ConcurrentHashMap<>();
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<String> abandoned = new CopyOnWriteArrayList<>();

        @Override
        public Claim claim(String layerDigest) {
            LayerFragment known = fragments.get(layerDigest);
            if (known != null) {
                return new Claim.Cached(known);
            }
            CompletableFuture<Optional<LayerFragment>> other = pending.get(layerDigest);
            return other != null ? new Claim.Pending(other) : new Claim.Owned();
        }

        @Override
        public void complete(String layerDigest, LayerFragment fragment) {
            fragments.put(layerDigest, fragment);
            completed.add(layerDigest);
        }

        @Override
        public void abandon(String layerDigest) {
            abandoned.add(layerDigest);
        }
    }

    /** Records the layers a walk actually streamed. */
    static final class CountingSource implements ImageSource {
        final ImageSource delegate;
        final Set<String> streamed = ConcurrentHashMap.newKeySet();

        CountingSource(ImageSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public void walk(LayerVisitor visitor) throws IOException {
            walk(visitor, l -> true);
        }

        @Override
        public void walk(LayerVisitor visitor, Predicate<LayerRef> wanted) throws IOException {
            delegate.walk(visitor, layer -> {
                boolean want = wanted.test(layer);
                if (want) {
                    streamed.add(layer.digest());
                }
                return want;
            });
        }

        @Override
        public ImageMetadata metadata() {
            return delegate.metadata();
        }
    }

    private CountingSource image(String name, String app) throws IOException {
        String db = Files.readString(TestImages.testData().resolve("pkgdb/alpine/installed-3.20.3"));
        Path layout = new LayeredImage()
                .add(LayeredImage.layer().file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
                        .file("lib/apk/db/installed", db))
                .add(LayeredImage.layer().file("srv/app", app))
                .writeLayout(dir.resolve(name), "t");
        return new CountingSource(new OciLayoutSource(layout, "t", Optional.empty(), LayerLimits.DEFAULT));
    }

    private static String digest(ImageSource source, int layer) {
        return source.metadata().layers().get(layer).digest();
    }

    @Test
    void aSharedBaseLayerIsReadOnceAndTheInventoryIsTheSame() throws Exception {
        ImageAnalyzer analyzer = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT);
        MemoryCache cache = new MemoryCache();
        CountingSource first = image("one", "first");
        CountingSource second = image("two", "second");
        assertThat(digest(first, 0)).as("the base layers are identical").isEqualTo(digest(second, 0));

        Inventory one = analyzer.analyze(first, cache);
        Inventory two = analyzer.analyze(second, cache);
        Inventory uncached = analyzer.analyze(image("three", "second"));

        assertThat(first.streamed).hasSize(2);
        assertThat(second.streamed).as("only its own layer").containsExactly(digest(second, 1));
        assertThat(cache.completed).containsExactlyInAnyOrder(digest(first, 0), digest(first, 1), digest(second, 1));
        assertThat(two.packages()).isEqualTo(uncached.packages()).isNotEmpty();
        assertThat(two.os()).isEqualTo(uncached.os());
        assertThat(one.packages()).extracting(Package::name).isEqualTo(two.packages().stream().map(Package::name).toList());
    }

    @Test
    void aLayerAnotherCallerIsReadingIsAwaitedAndReadAgainWhenThatReaderFails() throws Exception {
        ImageAnalyzer analyzer = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT);
        CountingSource reference = image("ref", "x");
        Inventory expected = analyzer.analyze(reference, new MemoryCache());

        MemoryCache cache = new MemoryCache();
        CountingSource source = image("waiting", "x");
        CompletableFuture<Optional<LayerFragment>> otherReader = new CompletableFuture<>();
        cache.pending.put(digest(source, 0), otherReader);
        otherReader.complete(Optional.empty()); // the other reader failed

        Inventory inventory = analyzer.analyze(source, cache);

        assertThat(source.streamed).as("own layer first, then the one the other reader gave up")
                .containsExactlyInAnyOrder(digest(source, 0), digest(source, 1));
        assertThat(inventory.packages()).isEqualTo(expected.packages());
    }
}
