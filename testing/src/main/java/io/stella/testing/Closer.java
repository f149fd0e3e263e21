package io.stella.testing;

/** Closes fixtures at the end of a test class, each one even when another fails to close. */
public final class Closer {
    private Closer() {
    }

    /** Closes every non-null resource in order; the first failure is rethrown after all were tried. */
    public static void closeAll(AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + r + " failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
