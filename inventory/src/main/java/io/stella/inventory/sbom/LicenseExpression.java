package io.stella.inventory.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A licence text that has the grammar of an SPDX licence expression (SPDX 2.3 annex D):
 * {@code id[+]}, {@code LicenseRef-x}, {@code a WITH exception}, {@code a AND b}, {@code a OR b} and
 * parentheses, with upper-case operators. Identifiers are resolved against the SPDX licence list; one that
 * is not on it ({@code Public-Domain}) keeps the grammar valid but makes {@link #isSpdx()} false, so the
 * writers can name it as free text (CycloneDX) or turn it into a {@code LicenseRef-} (SPDX).
 */
record LicenseExpression(List<Token> tokens) {

    enum Kind { OPEN, CLOSE, AND, OR, WITH, LICENCE, EXCEPTION, LICENCE_REF, UNKNOWN }

    /**
     * @param text the token as written, or its canonical spelling for {@link Kind#LICENCE} and
     *             {@link Kind#EXCEPTION} ({@code mit} becomes {@code MIT})
     */
    record Token(Kind kind, String text) {
        boolean isOperator() {
            return kind == Kind.AND || kind == Kind.OR || kind == Kind.WITH;
        }
    }

    private static final Pattern LICENCE_REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9.+-]+");

    LicenseExpression {
        tokens = List.copyOf(tokens);
    }

    /** The expression, or empty when {@code text} is not one (e.g. {@code Public Domain}, {@code BSD, MIT}). */
    static Optional<LicenseExpression> parse(String text) {
        List<Token> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        Parser parser = new Parser(tokens);
        if (!parser.expression() || parser.position != tokens.size()) {
            return Optional.empty();
        }
        return Optional.of(new LicenseExpression(tokens));
    }

    /** Every identifier is on the SPDX licence list (or is a {@code LicenseRef-}). */
    boolean isSpdx() {
        return tokens.stream().noneMatch(t -> t.kind() == Kind.UNKNOWN);
    }

    /** One listed licence id, nothing else: what CycloneDX accepts as {@code license.id}. */
    boolean isSingleLicenceId() {
        return tokens.size() == 1 && tokens.getFirst().kind() == Kind.LICENCE
                && SpdxLicenseList.get().licence(tokens.getFirst().text()).isPresent();
    }

    /** Contains an operator, so it needs parentheses when combined with another. */
    boolean isCompound() {
        return tokens.stream().anyMatch(Token::isOperator);
    }

    String canonical() {
        return render(Token::text);
    }

    /** The expression with each licence or exception token written by {@code leaf}. */
    String render(Function<Token, String> leaf) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            boolean space = previous != null && previous.kind() != Kind.OPEN && token.kind() != Kind.CLOSE;
            if (space) {
                out.append(' ');
            }
            out.append(switch (token.kind()) {
                case OPEN -> "(";
                case CLOSE -> ")";
                case AND, OR, WITH -> token.kind().name();
                case LICENCE, EXCEPTION, LICENCE_REF, UNKNOWN -> leaf.apply(token);
            });
            previous = token;
        }
        return out.toString();
    }

    /** Null when a word cannot be part of an expression at all. */
    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        String spaced = text.replace("(", " ( ").replace(")", " ) ").strip();
        if (spaced.isEmpty()) {
            return tokens;
        }
        boolean afterWith = false;
        for (String word : spaced.split("\\s+")) {
            Token token = switch (word) {
                case "(" -> new Token(Kind.OPEN, word);
                case ")" -> new Token(Kind.CLOSE, word);
                case "AND" -> new Token(Kind.AND, word);
                case "OR" -> new Token(Kind.OR, word);
                case "WITH" -> new Token(Kind.WITH, word);
                default -> afterWith ? exception(word) : licence(word);
            };
            if (token == null) {
                return null;
            }
            afterWith = token.kind() == Kind.WITH;
            tokens.add(token);
        }
        return tokens;
    }

    private static Token licence(String word) {
        SpdxLicenseList list = SpdxLicenseList.get();
        Optional<String> listed = list.licence(word);
        if (listed.isPresent()) {
            return new Token(Kind.LICENCE, listed.get());
        }
        if (word.endsWith("+")) {
            Optional<String> orLater = list.licence(word.substring(0, word.length() - 1));
            if (orLater.isPresent()) {
                return new Token(Kind.LICENCE, orLater.get() + "+");
            }
        }
        if (LICENCE_REF.matcher(word).matches()) {
            return new Token(Kind.LICENCE_REF, word);
        }
        return IDENTIFIER.matcher(word).matches() ? new Token(Kind.UNKNOWN, word) : null;
    }

    /** An unknown exception makes the text no expression: WITH must be followed by a listed exception. */
    private static Token exception(String word) {
        return SpdxLicenseList.get().exception(word).map(id -> new Token(Kind.EXCEPTION, id)).orElse(null);
    }

    /** Recursive descent over: expression = and (OR and)*; and = with (AND with)*; with = primary [WITH exception]. */
    private static final class Parser {
        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean expression() {
            if (!and()) {
                return false;
            }
            while (accept(Kind.OR)) {
                if (!and()) {
                    return false;
                }
            }
            return true;
        }

        private boolean and() {
            if (!with()) {
                return false;
            }
            while (accept(Kind.AND)) {
                if (!with()) {
                    return false;
                }
            }
            return true;
        }

        private boolean with() {
            if (!primary()) {
                return false;
            }
            return !accept(Kind.WITH) || accept(Kind.EXCEPTION);
        }

        private boolean primary() {
            if (accept(Kind.OPEN)) {
                return expression() && accept(Kind.CLOSE);
            }
            return accept(Kind.LICENCE) || accept(Kind.LICENCE_REF) || accept(Kind.UNKNOWN);
        }

        private boolean accept(Kind kind) {
            if (position < tokens.size() && tokens.get(position).kind() == kind) {
                position++;
                return true;
            }
            return false;
        }
    }
}
