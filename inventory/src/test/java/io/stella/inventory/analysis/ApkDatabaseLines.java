package io.stella.inventory.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The test's own reading of an apk database: every {@code P:} line paired with the {@code V:} line
 * that follows it. Deliberately naive and separate from the analyzer, so the two can disagree.
 */
final class ApkDatabaseLines {
    private ApkDatabaseLines() {}

    static List<String> nameVersions(String database) {
        List<String> result = new ArrayList<>();
        String name = null;
        for (String line : database.split("\n")) {
            if (line.startsWith("P:")) {
                name = line.substring(2);
            } else if (line.startsWith("V:") && name != null) {
                result.add(name + " " + line.substring(2));
                name = null;
            }
        }
        result.sort(null);
        return result;
    }
}
