package io.stella.registry.http;

import java.util.Locale;

/** Which hosts are this machine: 127.0.0.0/8, ::1 and localhost. */
public final class Loopback {
    private Loopback() {
    }

    /** @param host a host name or address, with or without port and IPv6 brackets */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end > 0 ? h.substring(1, end) : h;
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
