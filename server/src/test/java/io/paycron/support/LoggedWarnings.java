package io.paycron.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts the warnings and errors an in-process server logs, by kind (logger and message pattern),
 * so a fault test can report how many errors the server saw and recovered from. Attach it after the
 * server started: Spring Boot resets the logging configuration while it starts.
 */
public final class LoggedWarnings extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();

  private LoggedWarnings() {}

  public static LoggedWarnings capture() {
    LoggedWarnings warnings = new LoggedWarnings();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    warnings.setContext(root.getLoggerContext());
    warnings.setName("logged-warnings");
    warnings.start();
    root.addAppender(warnings);
    return warnings;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      String logger = event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1);
      String kind = event.getLevel() + " " + logger + ": " + event.getMessage();
      byKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  public int total() {
    return byKind.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** How many warnings and errors had a kind containing {@code fragment}. */
  public int count(String fragment) {
    return byKind().entrySet().stream()
        .filter(e -> e.getKey().contains(fragment))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Count per kind, sorted by kind. */
  public Map<String, Integer> byKind() {
    Map<String, Integer> counts = new TreeMap<>();
    byKind.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  @Override
  public void close() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(this);
    stop();
  }
}
