package io.stella.testing;

/**
 * Settings for the JDK's {@code com.sun.net.httpserver} servers of the fixtures. Without TCP_NODELAY
 * its separate writes of headers and body meet the client's delayed ACK, adding ~40 ms to every
 * exchange on loopback — a fixture artifact that would distort timings of the code under test.
 */
final class JdkHttpServers {
    private JdkHttpServers() {
    }

    /** Call before the first server is created: the JDK reads the property once. */
    static void configure() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
