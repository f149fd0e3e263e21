package io.stella.registry.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in the config: a positive whole number and a one-letter unit, e.g. {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}. */
final class ConfigDurations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    private ConfigDurations() {
    }

    /**
     * @param key      the key holding the value, for the error
     * @param units    the unit letters this key accepts, out of {@code smhd}
     * @param examples how to write it, for the error, e.g. {@code 90s, 10m, 2h}
     * @throws InvalidConfigValueException when the text is not a positive duration in one of {@code units}
     */
    static Duration parse(String key, String text, String units, String examples) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || units.indexOf(m.group(2).charAt(0)) < 0 || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidConfigValueException(key, key + " '" + text + "' is not a duration; write it as "
                    + unitNames(units) + ", e.g. " + examples);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static String unitNames(String units) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0) {
                names.append(i == units.length() - 1 ? " or " : ", ");
            }
            names.append(switch (units.charAt(i)) {
                case 's' -> "seconds";
                case 'm' -> "minutes";
                case 'h' -> "hours";
                case 'd' -> "days";
                default -> throw new IllegalArgumentException("unknown duration unit " + units.charAt(i));
            });
        }
        return names.toString();
    }
}
