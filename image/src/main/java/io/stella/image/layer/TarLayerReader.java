package io.stella.image.layer;

import com.github.luben.zstd.ZstdInputStream;
import io.stella.image.EntryType;
import io.stella.image.LayerEntry;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.LayerWarning;
import io.stella.registry.client.BlobReadException;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer blob (gzip, zstd or plain tar, told by its magic bytes) as a stream, once: decodes
 * entry names and whiteouts, refuses entries that leave the root, guards against decompression
 * bombs, and hands every entry to the visitor. A truncated or corrupt layer is {@code LAYER_CORRUPT}.
 */
public final class TarLayerReader {
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final InputStream EMPTY = InputStream.nullInputStream();

    private final LayerLimits limits;

    public TarLayerReader(LayerLimits limits) {
        this.limits = limits;
    }

    /** The outcome: the diff id (sha256 of the uncompressed tar), null when reading stopped at a limit. */
    public record Result(String diffId, boolean complete) {}

    public Result read(LayerRef layer, InputStream blob, LayerVisitor visitor) throws IOException {
        CountingInputStream compressedCount = new CountingInputStream(blob);
        BufferedInputStream buffered = new BufferedInputStream(compressedCount, 64 * 1024);
        String lastEntry = null;
        try {
            Compression compression = Compression.sniff(buffered);
            InputStream decompressed = switch (compression) {
                case GZIP -> new GZIPInputStream(buffered, 64 * 1024);
                case ZSTD -> new ZstdInputStream(buffered);
                case NONE -> buffered;
            };
            InputStream guarded = new BombGuardInputStream(decompressed,
                    compression == Compression.NONE ? null : compressedCount, limits);
            MessageDigest sha256 = sha256();
            DigestInputStream hashed = new DigestInputStream(guarded, sha256);
            TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
            long entries = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                lastEntry = entry.getName();
                if (++entries > limits.maxEntries()) {
                    throw new LayerLimitExceededException("layer-too-large",
                            "the layer has more than " + limits.maxEntries() + " entries; reading stopped");
                }
                emit(layer, entry, tar, visitor);
            }
            // the tar's zero blocks, padding and compression trailer: the digests cover every byte
            hashed.transferTo(OutputStream.nullOutputStream());
            buffered.transferTo(OutputStream.nullOutputStream());
            return new Result("sha256:" + HexFormat.of().formatHex(sha256.digest()), true);
        } catch (LayerLimitExceededException e) {
            visitor.warning(new LayerWarning(e.kind(), layer.displayDigest(), lastEntry, e.getMessage()));
            return new Result(null, false);
        } catch (BlobReadException e) {
            throw e.failure();
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(layer, lastEntry, e);
        }
    }

    private void emit(LayerRef layer, TarArchiveEntry entry, TarArchiveInputStream tar, LayerVisitor visitor)
            throws IOException {
        String name = entry.getName();
        EntryPaths.Normalised normalised = EntryPaths.normalise(name);
        if (normalised.refused()) {
            visitor.warning(new LayerWarning(normalised.refusal(), layer.displayDigest(), name,
                    normalised.refusal().equals("absolute-path")
                            ? "entry with an absolute path skipped (layers hold root-relative paths)"
                            : "entry whose path leaves the image root skipped"));
            return;
        }
        String path = normalised.path();
        if (path.isEmpty()) {
            return; // the root directory itself
        }
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String dir = EntryPaths.parent(path);
        int mode = entry.getMode() & 07777;
        if (fileName.equals(OPAQUE_MARKER)) {
            visitor.entry(layer, new LayerEntry(dir, EntryType.OPAQUE, 0, mode, null), EMPTY);
            return;
        }
        if (fileName.startsWith(WHITEOUT_PREFIX)) {
            String hidden = fileName.substring(WHITEOUT_PREFIX.length());
            if (!hidden.startsWith(".wh.") && !hidden.isEmpty()) {
                visitor.entry(layer, new LayerEntry(EntryPaths.child(dir, hidden), EntryType.WHITEOUT, 0, mode, null),
                        EMPTY);
            }
            return; // other .wh..wh.* names are aufs bookkeeping
        }
        if (entry.isSymbolicLink()) {
            visitor.entry(layer, new LayerEntry(path, EntryType.SYMLINK, 0, mode, entry.getLinkName()), EMPTY);
        } else if (entry.isLink()) {
            EntryPaths.Normalised target = EntryPaths.normalise(entry.getLinkName());
            if (target.refused() || target.path().isEmpty()) {
                visitor.warning(new LayerWarning("link-outside-root", layer.displayDigest(), name,
                        "hard link to " + entry.getLinkName() + " points outside the image root; skipped"));
                return;
            }
            visitor.entry(layer, new LayerEntry(path, EntryType.HARDLINK, 0, mode, target.path()), EMPTY);
        } else if (entry.isDirectory()) {
            visitor.entry(layer, new LayerEntry(path, EntryType.DIRECTORY, 0, mode, null), EMPTY);
        } else if (entry.isFile()) {
            visitor.entry(layer, new LayerEntry(path, EntryType.FILE, entry.getSize(), mode, null), new NonClosing(tar));
        } else {
            visitor.entry(layer, new LayerEntry(path, EntryType.OTHER, 0, mode, null), EMPTY);
        }
    }

    private static RegistryException corrupt(LayerRef layer, String lastEntry, Exception e) {
        return RegistryException.builder(FailureCode.LAYER_CORRUPT, "layer " + layer.displayDigest()
                        + " is truncated or corrupt: " + e.getMessage())
                .evidence("layer", layer.displayDigest())
                .evidence("media_type", layer.mediaType())
                .evidence("last_entry", lastEntry)
                .cause(e)
                .build();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry stream handed to visitors: they may close it without closing the tar. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
