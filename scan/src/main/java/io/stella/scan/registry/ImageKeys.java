package io.stella.scan.registry;

/** The names images have in the results store; unique within a run. */
final class ImageKeys {
    private ImageKeys() {
    }

    static String image(String repository, String digest) {
        return repository + "@" + digest;
    }

    /** An image known only by its tag: its metadata could not be read, or it was skipped before. */
    static String tag(String repository, String tag) {
        return repository + ":" + tag;
    }

    /** A repository whose tags could not be listed: its images are unknown, so it stands for them. */
    static String repository(String repository) {
        return repository + ":*";
    }

    /** The key under which an image's inventory is kept: the platform's manifest, whatever the tag named. */
    static String inventory(String manifestDigest) {
        return manifestDigest;
    }

    /** The second key of a multi-arch image's inventory: the index digest and the platform picked from it. */
    static String inventory(String digest, String platform) {
        return digest + "|" + platform;
    }
}
