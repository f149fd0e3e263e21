package io.stella.image.view;

import io.stella.image.EntryType;
import io.stella.image.layer.EntryPaths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The final file system of an image: every layer applied in order, whiteouts and opaque directories
 * included. Holds metadata only, never content.
 */
public final class FileView {
    /** Linux's limit of symlinks followed in one lookup. */
    private static final int MAX_SYMLINKS = 40;

    private final NavigableMap<String, FileNode> nodes;

    FileView(NavigableMap<String, FileNode> nodes) {
        this.nodes = nodes;
    }

    public Optional<FileNode> get(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    public int size() {
        return nodes.size();
    }

    public List<FileNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /**
     * Looks a path up the way the kernel would inside a chroot: symlinks in every component followed,
     * {@code ..} stopping at the root, so no link can point outside the image. Loops and chains longer
     * than 40 links are reported to {@code problem} and resolve to nothing.
     */
    public Optional<FileNode> resolve(String path, Consumer<String> problem) {
        Deque<String> pending = new ArrayDeque<>(List.of(split(path)));
        Deque<String> resolved = new ArrayDeque<>();
        int followed = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                resolved.pollLast();
                continue;
            }
            resolved.addLast(part);
            String current = String.join("/", resolved);
            FileNode node = nodes.get(current);
            if (node == null) {
                if (pending.isEmpty()) {
                    return Optional.empty();
                }
                continue; // tars may omit parent directories: they exist implicitly
            }
            if (node.type() == EntryType.SYMLINK) {
                if (++followed > MAX_SYMLINKS) {
                    problem.accept("symlink-loop: " + path + " passes through more than " + MAX_SYMLINKS
                            + " symbolic links (a loop?)");
                    return Optional.empty();
                }
                resolved.pollLast();
                String target = node.linkTarget() == null ? "" : node.linkTarget();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                String[] targetParts = split(target);
                for (int i = targetParts.length - 1; i >= 0; i--) {
                    pending.addFirst(targetParts[i]);
                }
            } else if (!pending.isEmpty() && node.type() != EntryType.DIRECTORY) {
                return Optional.empty();
            }
        }
        return resolved.isEmpty() ? Optional.empty() : Optional.ofNullable(nodes.get(String.join("/", resolved)));
    }

    private static String[] split(String path) {
        return path.split("/");
    }

    static String subtreeStart(String dir) {
        return dir + "/";
    }

    static String subtreeEnd(String dir) {
        return dir + "0"; // '0' is the character after '/'
    }

    static String parentOf(String path) {
        return EntryPaths.parent(path);
    }
}
