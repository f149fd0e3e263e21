package io.stella.scan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.EntryType;
import io.stella.image.LayerEntry;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.analysis.LayerFragment;
import io.stella.inventory.analysis.LayerFragmentCache;
import io.stella.scan.store.ResultsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLayerCacheTest {
    @TempDir
    Path dir;

    private static LayerFragment fragment(String digest) {
        Package musl = new Package(PackageType.APK, "musl", "1.2.5-r0", "musl", "1.2.5-r0", List.of("MIT"), "x86_64",
                "lib/apk/db/installed", null, null, null);
        return new LayerFragment(digest, List.of(new LayerEntry("lib/apk/db/installed", EntryType.FILE, 12, 0644, null)),
                Map.of("lib/apk/db/installed", List.of(musl)),
                Map.of("etc/os-release", "ID=alpine\n".getBytes(StandardCharsets.UTF_8)),
                List.of(new AnalysisWarning("kind", digest, "p", "m")));
    }

    @Test
    void theFirstClaimOwnsOthersWaitAndTheResultOutlivesTheRun() throws Exception {
        String digest = "sha256:" + "a".repeat(64);
        try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"))) {
            StoreLayerCache cache = new StoreLayerCache(store, "v1");
            assertThat(cache.claim(digest)).isInstanceOf(LayerFragmentCache.Claim.Owned.class);
            LayerFragmentCache.Claim second = cache.claim(digest);
            assertThat(second).isInstanceOf(LayerFragmentCache.Claim.Pending.class);
            assertThat(((LayerFragmentCache.Claim.Pending) second).result()).isNotDone();

            cache.complete(digest, fragment(digest));

            Optional<LayerFragment> awaited = ((LayerFragmentCache.Claim.Pending) second).result().get();
            assertThat(awaited).isPresent();
            assertThat(cache.reads()).isEqualTo(1);
        }
        try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"))) {
            LayerFragmentCache.Claim later = new StoreLayerCache(store, "v1").claim(digest);
            assertThat(later).isInstanceOf(LayerFragmentCache.Claim.Cached.class);
            LayerFragment read = ((LayerFragmentCache.Claim.Cached) later).fragment();
            LayerFragment written = fragment(digest);
            assertThat(read.entries()).isEqualTo(written.entries());
            assertThat(read.packagesByPath()).isEqualTo(written.packagesByPath());
            assertThat(read.warnings()).isEqualTo(written.warnings());
            assertThat(read.releaseFiles().get("etc/os-release")).isEqualTo(written.releaseFiles().get("etc/os-release"));
            assertThat(new StoreLayerCache(store, "v2").claim(digest))
                    .as("fragments of other analyzers are not reused").isInstanceOf(LayerFragmentCache.Claim.Owned.class);
        }
    }

    @Test
    void anAbandonedClaimTellsTheWaitersToReadTheLayerThemselves() throws Exception {
        String digest = "sha256:" + "b".repeat(64);
        try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"))) {
            StoreLayerCache cache = new StoreLayerCache(store, "v1");
            cache.claim(digest);
            LayerFragmentCache.Claim.Pending waiting = (LayerFragmentCache.Claim.Pending) cache.claim(digest);
            cache.abandon(digest);
            assertThat(waiting.result().get()).isEmpty();
            assertThat(cache.claim(digest)).as("free to claim again").isInstanceOf(LayerFragmentCache.Claim.Owned.class);
        }
    }
}
