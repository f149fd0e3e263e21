package io.stella.scan.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One image's outcome in one run. {@code imageKey} is unique within a run (the engine uses "repository@digest",
 * or "repository:tag" when no digest is known). {@code digest}, {@code platform}, {@code created},
 * {@code failureCode}, {@code failureMessage}, {@code skipReason}, {@code counts} and {@code findings} may be null.
 * {@code findings} is opaque to the store (the engine writes gzipped JSON); it is not copied, so do not change the
 * array after handing it over. Times are stored to the millisecond.
 */
public record ImageRecord(String imageKey, String repository, List<String> tags, String digest, String platform,
                          Instant created, ImageStatus status, String failureCode, String failureMessage,
                          String skipReason, SeverityCounts counts, byte[] findings, long pullMillis,
                          long analyzeMillis, long matchMillis, Instant finishedAt) {

    public ImageRecord {
        Objects.requireNonNull(imageKey, "imageKey");
        Objects.requireNonNull(repository, "repository");
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    // A record compares arrays by identity; two records with the same findings bytes are the same outcome.
    @Override
    public boolean equals(Object other) {
        return other instanceof ImageRecord that
                && imageKey.equals(that.imageKey) && repository.equals(that.repository) && tags.equals(that.tags)
                && Objects.equals(digest, that.digest) && Objects.equals(platform, that.platform)
                && Objects.equals(created, that.created) && status == that.status
                && Objects.equals(failureCode, that.failureCode)
                && Objects.equals(failureMessage, that.failureMessage)
                && Objects.equals(skipReason, that.skipReason) && Objects.equals(counts, that.counts)
                && Arrays.equals(findings, that.findings) && pullMillis == that.pullMillis
                && analyzeMillis == that.analyzeMillis && matchMillis == that.matchMillis
                && finishedAt.equals(that.finishedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageKey, repository, tags, digest, status, finishedAt) * 31 + Arrays.hashCode(findings);
    }

    @Override
    public String toString() {
        return "ImageRecord[" + imageKey + " " + status + (digest != null ? " " + digest : "") + " tags=" + tags
                + (failureCode != null ? " " + failureCode + ": " + failureMessage : "")
                + (skipReason != null ? " skipped: " + skipReason : "") + (counts != null ? " " + counts : "")
                + (findings != null ? " findings=" + findings.length + " bytes" : "") + " at " + finishedAt + "]";
    }
}
