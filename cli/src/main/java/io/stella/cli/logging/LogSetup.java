package io.stella.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.slf4j.LoggerFactory;

/**
 * The JSON log file, {@code $STELLA_HOME/logs/stella.log}: one JSON object a line, rotated daily and at
 * {@value #MAX_FILE_SIZE} into {@code stella.YYYY-MM-DD.N.log}, kept {@value #MAX_HISTORY} days and at most
 * {@value #TOTAL_SIZE_CAP} in all. stella's events ({@link EventLog}) are written from INFO, libraries from WARN.
 *
 * <p>Logback is configured statically (logback.xml: stderr at WARN); the file depends on the environment of the run,
 * so it is attached here. One JVM may run the CLI many times (tests): configuring again for another STELLA_HOME moves
 * the file there.
 */
public final class LogSetup {
    public static final String LOG_DIR = "logs";
    public static final String LOG_FILE = "stella.log";
    /** Rotated files: {@code stella.2026-12-01.0.log}. */
    public static final String ROTATED_PATTERN = "stella.%d{yyyy-MM-dd}.%i.log";
    static final String APPENDER_NAME = "STELLA_JSON_FILE";
    static final String MAX_FILE_SIZE = "10MB";
    static final int MAX_HISTORY = 7;
    static final String TOTAL_SIZE_CAP = "100MB";

    private static Path current;

    private LogSetup() {
    }

    public static Path logDir(Path stellaHome) {
        return stellaHome.resolve(LOG_DIR);
    }

    /** Writes the log to {@code stellaHome/logs/stella.log} from now on; a no-op when it already does. */
    public static void configure(Path stellaHome) {
        configure(stellaHome, FileSize.valueOf(MAX_FILE_SIZE));
    }

    static synchronized void configure(Path stellaHome, FileSize maxFileSize) {
        Optional<LoggerContext> context = loggerContext();
        if (context.isEmpty()) {
            return;
        }
        Path dir = logDir(stellaHome).toAbsolutePath().normalize();
        Path file = dir.resolve(LOG_FILE);
        if (file.equals(current)) {
            return;
        }
        detach();
        LoggerContext ctx = context.get();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName(APPENDER_NAME);
        appender.setFile(file.toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve(ROTATED_PATTERN).toString());
        policy.setMaxFileSize(maxFileSize);
        policy.setMaxHistory(MAX_HISTORY);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        policy.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(ctx));
        appender.start();
        if (!appender.isStarted()) {
            return; // logback has reported why on its status channel; stella runs on without a log file
        }
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger events = ctx.getLogger(EventLog.ROOT);
        events.setLevel(Level.INFO);
        events.addAppender(appender);
        current = file;
    }

    /** Stops writing the log file (a run that only reads the logs writes none). */
    public static synchronized void detach() {
        loggerContext().ifPresent(ctx -> {
            for (Logger logger : new Logger[]{ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME), ctx.getLogger(EventLog.ROOT)}) {
                Appender<ILoggingEvent> appender = logger.getAppender(APPENDER_NAME);
                if (appender != null) {
                    logger.detachAppender(appender);
                    appender.stop();
                }
            }
        });
        current = null;
    }

    /** The appender writing the log file now, if any. */
    static Optional<RollingFileAppender<ILoggingEvent>> appender() {
        return loggerContext().map(ctx -> ctx.getLogger(EventLog.ROOT).getAppender(APPENDER_NAME))
                .map(a -> (RollingFileAppender<ILoggingEvent>) a);
    }

    private static LogstashEncoder encoder(LoggerContext ctx) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.setTimeZone("UTC");
        LogstashFieldNames names = encoder.getFieldNames();
        names.setTimestamp("timestamp");
        names.setLogger("logger");
        names.setThread("thread");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
        masking.addValueMasker(new SecretRedaction());
        masking.start();
        encoder.setJsonGeneratorDecorator(masking);
        encoder.start();
        return encoder;
    }

    private static Optional<LoggerContext> loggerContext() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx ? Optional.of(ctx) : Optional.empty();
    }
}
