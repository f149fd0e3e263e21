package io.stella.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A NuGet version: one to four numbers (missing ones are 0, leading zeros allowed), optional
 * pre-release labels compared case-insensitively, build metadata ignored.
 */
record NuGetVersion(List<String> numbers, List<String> preRelease) implements Comparable<NuGetVersion> {

    static NuGetVersion parse(String text) throws InvalidVersionException {
        String version = text.strip();
        int plus = version.indexOf('+');
        if (plus >= 0) {
            if (plus == version.length() - 1) {
                throw invalid(text, "empty build metadata");
            }
            version = version.substring(0, plus);
        }
        int hyphen = version.indexOf('-');
        String core = hyphen < 0 ? version : version.substring(0, hyphen);
        List<String> numbers = new ArrayList<>(4);
        for (String part : core.split("\\.", -1)) {
            if (!NumericText.isAllDigits(part)) {
                throw invalid(text, "'" + core + "' is not one to four dot-separated numbers");
            }
            numbers.add(part);
        }
        if (numbers.size() > 4) {
            throw invalid(text, "more than four version numbers");
        }
        while (numbers.size() < 4) {
            numbers.add("0");
        }
        List<String> labels = List.of();
        if (hyphen >= 0) {
            labels = new ArrayList<>();
            for (String label : version.substring(hyphen + 1).split("\\.", -1)) {
                if (label.isEmpty()) {
                    throw invalid(text, "empty pre-release label");
                }
                for (int i = 0; i < label.length(); i++) {
                    char c = label.charAt(i);
                    if (!NumericText.isDigit(c) && !NumericText.isLetter(c) && c != '-') {
                        throw invalid(text, "invalid character '" + c + "' in pre-release label");
                    }
                }
                labels.add(label.toLowerCase(Locale.ROOT));
            }
        }
        return new NuGetVersion(List.copyOf(numbers), List.copyOf(labels));
    }

    @Override
    public int compareTo(NuGetVersion other) {
        for (int i = 0; i < 4; i++) {
            int order = NumericText.compare(numbers.get(i), other.numbers.get(i));
            if (order != 0) {
                return order;
            }
        }
        return SemanticVersion.comparePreRelease(preRelease, other.preRelease);
    }

    private static InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(NuGetVersionScheme.ID, text, reason);
    }
}
