package io.stella.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A registry's worth of real images for registry-scan tests: repositories in several projects, each
 * image a real Alpine minirootfs base layer (shared byte for byte between images, so a scanner can reuse
 * it) plus a small layer of its own, pushed with skopeo. Creation times differ per tag so age and
 * most-recent filters have something to choose by.
 */
public final class ImageFleet {

    /** An Alpine minirootfs from the shared test data, with the secdb branch that matches it. */
    public record Base(String file, String secdbBranch) {
        public Path path() {
            return TestImages.testData().resolve("rootfs/alpine").resolve(file);
        }

        /** The layer's DiffID, from the INDEX.tsv beside the tarballs. */
        public String diffId() {
            try {
                for (String line : Files.readAllLines(TestImages.testData().resolve("rootfs/alpine/INDEX.tsv"),
                        StandardCharsets.UTF_8)) {
                    if (line.startsWith(file + "\t")) {
                        int at = line.indexOf("diffid=");
                        return line.substring(at + "diffid=".length()).strip();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException(file + " is not in rootfs/alpine/INDEX.tsv");
        }
    }

    public static final Base ALPINE_3_7 = new Base("alpine-minirootfs-3.7.3-x86_64.tar.gz", "v3.7");
    public static final Base ALPINE_3_10 = new Base("alpine-minirootfs-3.10.9-x86_64.tar.gz", "v3.10");
    public static final Base ALPINE_3_11 = new Base("alpine-minirootfs-3.11.13-x86_64.tar.gz", "v3.11");

    /**
     * One image and the tags that point at it.
     *
     * @param created RFC 3339 creation time written into the config, or null for none
     */
    public record Image(String repository, List<String> tags, Base base, String created) {
        public Image {
            tags = List.copyOf(tags);
        }
    }

    private ImageFleet() {
    }

    /** The creation times of tags v1..v4 (the newest is also {@code latest}). */
    public static final List<String> CREATED = List.of("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z",
            "2025-06-01T00:00:00Z", "2026-11-01T00:00:00Z");

    /**
     * {@code repositories} × 4 images: tags v1, v2, v3 and v4 (v4 also tagged latest), bases cycling
     * through Alpine 3.7, 3.10 and 3.11.
     */
    public static List<Image> standard(List<String> repositories) {
        List<Base> bases = List.of(ALPINE_3_7, ALPINE_3_10, ALPINE_3_11);
        List<Image> images = new ArrayList<>();
        int n = 0;
        for (String repository : repositories) {
            for (int v = 1; v <= 4; v++) {
                List<String> tags = v == 4 ? List.of("v4", "latest") : List.of("v" + v);
                images.add(new Image(repository, tags, bases.get(n++ % bases.size()), CREATED.get(v - 1)));
            }
        }
        return images;
    }

    /** Builds each image as an OCI layout and pushes it under each of its tags, a few copies at a time. */
    public static void push(LocalRegistry registry, PushAuth auth, List<Image> images, Path workDir) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> pushes = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Image image = images.get(i);
                Path layout = build(image, workDir.resolve("image-" + i));
                for (String tag : image.tags()) {
                    pushes.add(pool.submit(() -> Skopeo.copy(Skopeo.oci(layout, "img"), registry,
                            image.repository() + ":" + tag, auth, false)));
                }
            }
            for (Future<?> push : pushes) {
                push.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("pushing the fleet failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The image as an OCI layout: its base layer as shipped, then a layer naming the image. */
    public static Path build(Image image, Path dir) {
        return new LayeredImage()
                .addTarGz(image.base().path(), image.base().diffId())
                .add(LayeredImage.layer().file("srv/" + image.repository().replace('/', '-') + "/VERSION",
                        image.repository() + " " + String.join(",", image.tags()) + " " + image.created() + "\n"))
                .created(image.created())
                .writeLayout(dir, "img");
    }
}
