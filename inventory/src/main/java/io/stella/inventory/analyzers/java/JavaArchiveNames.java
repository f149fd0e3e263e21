package io.stella.inventory.analyzers.java;

/** File-name tests for Java archives, cheap enough to run on every file of an image. */
final class JavaArchiveNames {
    // the archive kinds Trivy's jar analyzer reads (.par/.sar are JBoss, .jpi/.hpi Jenkins plug-ins)
    private static final String[] EXTENSIONS = {".jar", ".war", ".ear", ".par", ".sar", ".jpi", ".hpi"};

    private JavaArchiveNames() {}

    static boolean isArchive(String path) {
        int length = path.length();
        if (length < 5 || path.charAt(length - 4) != '.' || path.charAt(length - 5) == '/') {
            return false;
        }
        for (String extension : EXTENSIONS) {
            if (path.regionMatches(true, length - 4, extension, 0, 4)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPomProperties(String entryName) {
        return entryName.equals("pom.properties") || entryName.endsWith("/pom.properties");
    }

    static boolean isManifest(String entryName) {
        return entryName.equalsIgnoreCase("META-INF/MANIFEST.MF");
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
