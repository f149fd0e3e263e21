package io.stella.inventory.analyzers.ruby;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * name, version and licences of a gemspec as RubyGems writes it ({@code Gem::Specification#to_ruby}):
 * after the line {@code Gem::Specification.new do |s|}, the assignments {@code s.name = "json".freeze},
 * {@code s.version = "2.6.1"}, {@code s.license = "MIT"} and {@code s.licenses = ["Ruby".freeze, "BSD-2-Clause".freeze]}.
 * Only string literals count (unlike Trivy, which would take {@code JSON::VERSION} as a version); null when absent.
 */
record GemspecSource(String name, String version, List<String> licenses) {
    private static final Pattern NEW_SPEC = Pattern.compile("Gem::Specification\\.new\\b.*\\|\\s*(\\w+)\\s*\\|");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(\\w+)\\.(name|version|licenses?)\\s*=\\s*(.+)$");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"(?:\\.freeze)?|'([^'\\\\]*)'(?:\\.freeze)?");

    static GemspecSource read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        String variable = null;
        String name = null;
        String version = null;
        List<String> licenses = List.of();
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (variable == null) {
                Matcher start = NEW_SPEC.matcher(line);
                if (start.find()) {
                    variable = start.group(1);
                }
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.matches() || !assignment.group(1).equals(variable)) {
                continue;
            }
            List<String> literals = literals(assignment.group(3));
            switch (assignment.group(2)) {
                case "name" -> name = literals.isEmpty() ? name : literals.get(0);
                case "version" -> version = literals.isEmpty() ? version : literals.get(0);
                default -> licenses = literals;
            }
        }
        return new GemspecSource(blankToNull(name), blankToNull(version), licenses);
    }

    /** The string literals of a value: one for {@code "x".freeze}, several for an array; none for an expression. */
    private static List<String> literals(String value) {
        List<String> literals = new ArrayList<>();
        if (!value.startsWith("\"") && !value.startsWith("'") && !value.startsWith("[")) {
            return literals;
        }
        Matcher m = STRING_LITERAL.matcher(value);
        while (m.find()) {
            literals.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
        return literals;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
