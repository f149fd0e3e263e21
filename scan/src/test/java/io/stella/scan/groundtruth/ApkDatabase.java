package io.stella.scan.groundtruth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The installed packages of an apk database, read the plain way: {@code P:}, {@code V:}, {@code o:} lines. */
record ApkDatabase(List<Entry> packages) {
    record Entry(String name, String version, String origin) {
    }

    static ApkDatabase parse(String installed) {
        List<Entry> entries = new ArrayList<>();
        Map<Character, String> fields = new LinkedHashMap<>();
        for (String line : (installed + "\n\n").split("\n", -1)) {
            if (line.isEmpty()) {
                if (fields.containsKey('P')) {
                    entries.add(new Entry(fields.get('P'), fields.get('V'), fields.getOrDefault('o', fields.get('P'))));
                }
                fields.clear();
            } else if (line.length() > 2 && line.charAt(1) == ':') {
                fields.put(line.charAt(0), line.substring(2));
            }
        }
        return new ApkDatabase(entries);
    }
}
