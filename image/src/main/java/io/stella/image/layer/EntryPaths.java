package io.stella.image.layer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Normalises tar entry names to root-relative paths and refuses those that leave the root. */
public final class EntryPaths {
    /** The outcome: a normalised path, or the reason it was refused. */
    public record Normalised(String path, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private EntryPaths() {}

    public static Normalised normalise(String name) {
        if (name.startsWith("/")) {
            return new Normalised(null, "absolute-path");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return new Normalised(null, "path-traversal");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return new Normalised(String.join("/", parts), null);
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
