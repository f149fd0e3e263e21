package io.stella.testing.gobinary;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Go binary's bytes show without any ELF or build-information decoding: the text patterns of the
 * toolchain version and of the module lines, found by scanning the whole file. The analyzer's results are
 * checked against these.
 */
public final class RawGoFacts {
    private static final Pattern RELEASE = Pattern.compile("go(1\\.\\d+\\.\\d+)(?![\\d.])");
    private static final Pattern DEP = Pattern.compile("(?m)^dep\t([^\t\n]+)\t([^\t\n]*)(?:\t[^\t\n]*)?\n"
            + "(?:=>\t([^\t\n]+)\t([^\t\n]*)\t[^\t\n]*$)?");
    private static final Pattern MOD = Pattern.compile("\nmod\t([^\t\n]+)\t([^\t\n]*)");

    private RawGoFacts() {}

    /** Every distinct "go1.X.Y" release token in the file, without the "go". */
    public static Set<String> releaseTokens(byte[] binary) {
        Set<String> tokens = new TreeSet<>();
        Matcher m = RELEASE.matcher(latin1(binary));
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }

    /**
     * "path@version" of each dep line, the replacement's when a "=>" line follows; modules without a
     * version (local replacements, "(devel)") are left out, as the analyzer documents.
     */
    public static Set<String> dependencies(byte[] binary) {
        Set<String> deps = new TreeSet<>();
        Matcher m = DEP.matcher(latin1(binary));
        while (m.find()) {
            String path = m.group(3) != null ? m.group(3) : m.group(1);
            String version = m.group(3) != null ? m.group(4) : m.group(2);
            if (!version.isEmpty() && !version.equals("(devel)")) {
                deps.add(path + "@" + version);
            }
        }
        return deps;
    }

    /** "path@version" of the mod lines. */
    public static Set<String> mainModules(byte[] binary) {
        Set<String> mods = new TreeSet<>();
        Matcher m = MOD.matcher(latin1(binary));
        while (m.find()) {
            mods.add(m.group(1) + "@" + m.group(2));
        }
        return mods;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
