package io.stella.cli.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The complete lines appended to a file since the last read (a line still being written waits for its newline).
 * When the file is replaced or shrinks — rotation — reading starts over at the new file's beginning.
 */
public final class LogTail {
    private final Path file;
    private long position;
    private Object fileKey;

    public LogTail(Path file) {
        this.file = file;
    }

    public List<String> readNew() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            position = 0;
            fileKey = null;
            return List.of();
        }
        if ((fileKey != null && !Objects.equals(fileKey, attributes.fileKey())) || attributes.size() < position) {
            position = 0;
        }
        fileKey = attributes.fileKey();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= position) {
                return List.of();
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(Math.min(size - position, Integer.MAX_VALUE - 8)));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // read until full or end of file
            }
            byte[] bytes = buffer.array();
            int end = buffer.position();
            int lastNewline = -1;
            for (int i = end - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                return List.of();
            }
            position += lastNewline + 1;
            return lines(new String(bytes, 0, lastNewline, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Every line of a file that is no longer written (a rotated one), the last one even without a newline. */
    public static List<String> allLines(Path file) throws IOException {
        return lines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        text.lines().forEach(line -> {
            if (!line.isBlank()) {
                lines.add(line);
            }
        });
        return lines;
    }
}
