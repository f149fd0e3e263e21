package io.stella.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Sizes such as {@code 512}, {@code 64k}, {@code 128m}, {@code 2g} (binary multiples; KiB/MiB/GiB also accepted). */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long multiplier = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k' -> multiplier = 1L << 10;
                case 'm' -> multiplier = 1L << 20;
                case 'g' -> multiplier = 1L << 30;
                default -> { }
            }
        }
        String digits = multiplier == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n * multiplier;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size; use e.g. 128m, 1g or 65536");
        }
    }
}
