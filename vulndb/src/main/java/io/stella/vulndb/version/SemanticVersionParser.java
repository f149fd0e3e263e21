package io.stella.vulndb.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code major.minor.patch[-pre.release][+build]} in the dialects the schemes need: strict
 * SemVer 2.0.0, node-semver's loose mode (surrounding spaces, {@code v}/{@code =} prefixes, leading zeros,
 * pre-release without hyphen) and Go's (optional {@code v}, {@code vMAJOR} and {@code vMAJOR.MINOR}
 * shorthands).
 */
final class SemanticVersionParser {
    enum Dialect { STRICT, NODE_LOOSE, GO }

    private final String scheme;
    private final Dialect dialect;

    SemanticVersionParser(String scheme, Dialect dialect) {
        this.scheme = scheme;
        this.dialect = dialect;
    }

    SemanticVersion parse(String text) throws InvalidVersionException {
        String version = text;
        int start = 0;
        int end = version.length();
        if (dialect == Dialect.NODE_LOOSE) {
            while (start < end && Character.isWhitespace(version.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(version.charAt(end - 1))) {
                end--;
            }
            while (start < end && (version.charAt(start) == 'v' || version.charAt(start) == '='
                    || Character.isWhitespace(version.charAt(start)))) {
                start++;
            }
        } else if (dialect == Dialect.GO && start < end && version.charAt(start) == 'v') {
            start++;
        }
        if (start >= end) {
            throw invalid(text, "version string is empty");
        }

        int buildStart = version.indexOf('+', start);
        if (buildStart >= 0 && buildStart < end) {
            checkIdentifiers(text, version.substring(buildStart + 1, end), "build metadata", false);
            end = buildStart;
        }

        String[] numbers = new String[3];
        int position = start;
        int count = 0;
        while (count < 3) {
            int digitsEnd = NumericText.digitsEnd(version, position);
            if (digitsEnd == position || digitsEnd > end) {
                throw invalid(text, "expected a number at position " + (position + 1));
            }
            String number = version.substring(position, digitsEnd);
            if (dialect != Dialect.NODE_LOOSE && number.length() > 1 && number.charAt(0) == '0') {
                throw invalid(text, "numbers must not have leading zeros");
            }
            numbers[count++] = number;
            position = digitsEnd;
            if (count < 3 && position < end && version.charAt(position) == '.') {
                position++;
            } else {
                break;
            }
        }
        if (count < 3) {
            boolean goShorthand = dialect == Dialect.GO && position == end && start > 0;
            if (!goShorthand) {
                throw invalid(text, "expected major.minor.patch");
            }
            for (int i = count; i < 3; i++) {
                numbers[i] = "0";
            }
        }

        List<String> preRelease = List.of();
        if (position < end) {
            char separator = version.charAt(position);
            if (separator == '-') {
                position++;
            } else if (dialect != Dialect.NODE_LOOSE) {
                throw invalid(text, "unexpected '" + separator + "' after the patch number");
            }
            preRelease = checkIdentifiers(text, version.substring(position, end), "pre-release",
                    dialect != Dialect.NODE_LOOSE);
        }
        return new SemanticVersion(numbers[0], numbers[1], numbers[2], preRelease);
    }

    private List<String> checkIdentifiers(String text, String part, String what, boolean noLeadingZeros)
            throws InvalidVersionException {
        List<String> identifiers = new ArrayList<>();
        int from = 0;
        while (true) {
            int dot = part.indexOf('.', from);
            String identifier = dot < 0 ? part.substring(from) : part.substring(from, dot);
            if (identifier.isEmpty()) {
                throw invalid(text, "empty " + what + " identifier");
            }
            for (int i = 0; i < identifier.length(); i++) {
                char c = identifier.charAt(i);
                if (!NumericText.isDigit(c) && !NumericText.isLetter(c) && c != '-') {
                    throw invalid(text, "invalid character '" + c + "' in " + what);
                }
            }
            if (noLeadingZeros && identifier.length() > 1 && identifier.charAt(0) == '0'
                    && NumericText.isAllDigits(identifier)) {
                throw invalid(text, "numeric " + what + " identifier with leading zero");
            }
            identifiers.add(identifier);
            if (dot < 0) {
                return identifiers;
            }
            from = dot + 1;
        }
    }

    private InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(scheme, text, reason);
    }
}
