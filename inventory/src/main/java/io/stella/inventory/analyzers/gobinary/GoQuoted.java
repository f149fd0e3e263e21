package io.stella.inventory.analyzers.gobinary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go double-quoted string literals (strconv.Quote output), as used for build settings with spaces. */
final class GoQuoted {
    private GoQuoted() {}

    /** Length of the quoted literal at the start of {@code s} (which starts with '"'), or -1 when unterminated. */
    static int prefixLength(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The value of a complete literal such as {@code "-X main.v=1.0"}, or null when it is not one. */
    static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || prefixLength(literal) != literal.length()) {
            return null;
        }
        // \x and octal escapes denote bytes, so decode into UTF-8 bytes first.
        ByteArrayOutputStream out = new ByteArrayOutputStream(literal.length());
        int end = literal.length() - 1;
        int i = 1;
        while (i < end) {
            char c = literal.charAt(i);
            if (c != '\\') {
                int codePoint = literal.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
                continue;
            }
            if (i + 1 >= end) {
                return null;
            }
            char e = literal.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > end) {
                        return null;
                    }
                    int value;
                    try {
                        value = Integer.parseUnsignedInt(literal.substring(i, i + digits), 16);
                    } catch (NumberFormatException ex) {
                        return null;
                    }
                    i += digits;
                    if (e == 'x') {
                        out.write(value);
                    } else if (Character.isValidCodePoint(value)) {
                        out.writeBytes(new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8));
                    } else {
                        return null;
                    }
                }
                default -> {
                    if (e < '0' || e > '7' || i + 2 > end) {
                        return null;
                    }
                    String octal = literal.substring(i - 1, i + 2);
                    if (!octal.chars().allMatch(d -> d >= '0' && d <= '7')) {
                        return null;
                    }
                    int value = Integer.parseInt(octal, 8);
                    if (value > 255) {
                        return null;
                    }
                    out.write(value);
                    i += 2;
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
