package io.paycron.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code paycron-server-exec.jar} in its own JVM, as an operator runs it: configured only by
 * environment variables, stdout and stderr in a log file that this class tails. Every process
 * started here is also destroyed by a JVM shutdown hook, so a failing or interrupted test never
 * leaves servers behind.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();
  private static final String READY_LINE = "Paycron ready on";

  /** The scheduler logs "node-… executed n schedule(s)" at DEBUG: how we learn a node's id. */
  private static final Pattern NODE_ID = Pattern.compile("(node-[0-9a-f]+) executed \\d+");

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> STARTED.forEach(Process::destroyForcibly), "kill-test-servers"));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private long logPosition;
  private boolean ready;
  private volatile String nodeId;

  private ServerProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code java -Xmx512m -jar jar} on a free port. The scheduler's DEBUG line is switched on
   * to learn the node id; per-delivery webhook INFO lines are switched off, since at 100,000
   * schedules writing them costs CPU that the two-core CI machine needs for the servers.
   */
  private static final String SHARED_ENCRYPTION_KEY = io.paycron.common.SecretBox.newKey();

  public static ServerProcess start(String name, Path jar, Path logDir, Map<String, String> env) {
    int port = freePort();
    Path log = logDir.resolve(name + "-" + port + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
            .directory(logDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PAYCRON_PORT", Integer.toString(port));
    builder.environment().put("PAYCRON_DATA", logDir.resolve(name + "-data").toString());
    // nodes of one database share its encryption key, as an operator's nodes would
    builder.environment().putIfAbsent("PAYCRON_ENCRYPTION_KEY", SHARED_ENCRYPTION_KEY);
    builder.environment().put("LOGGING_LEVEL_IO_PAYCRON_SCHEDULE", "DEBUG");
    builder.environment().put("LOGGING_LEVEL_IO_PAYCRON_WEBHOOK", "WARN");
    try {
      Files.createDirectories(logDir);
      Process process = builder.start();
      STARTED.add(process);
      return new ServerProcess(name, process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + jar, e);
    }
  }

  /** Waits for the ready line, then for getToken to answer; fails at once if the JVM exits. */
  public ServerProcess awaitReady(Duration deadline, String impKey, String impSecret) {
    await(name + " prints its ready line")
        .atMost(deadline)
        .pollInterval(Duration.ofMillis(100))
        .failFast(name + " exited; see " + log, () -> !process.isAlive())
        .until(() -> scanLog() && ready);
    ApiClient.login(baseUrl(), impKey, impSecret);
    return this;
  }

  public boolean isReady() {
    scanLog();
    return ready && process.isAlive();
  }

  /** This node's scheduler id, once it has executed its first batch. */
  public Optional<String> nodeId() {
    scanLog();
    return Optional.ofNullable(nodeId);
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  /**
   * SIGKILL: {@link Process#destroyForcibly()} on Linux sends signal 9, so the JVM runs no shutdown
   * hook and no graceful stop, exactly like a crash. Returns the exit code (137 = 128 + 9).
   */
  public int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    STARTED.remove(process);
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    STARTED.remove(process);
  }

  /** Reads what the process wrote since the last call; true once it has been read. */
  private synchronized boolean scanLog() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (length <= logPosition) {
        return true;
      }
      file.seek(logPosition);
      byte[] bytes = new byte[(int) Math.min(length - logPosition, 8 << 20)];
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int lastLineEnd = text.lastIndexOf('\n');
      if (lastLineEnd < 0) {
        return true; // half a line: read it whole next time
      }
      text = text.substring(0, lastLineEnd + 1);
      logPosition += text.getBytes(StandardCharsets.UTF_8).length;
      ready |= text.contains(READY_LINE);
      Matcher matcher = NODE_ID.matcher(text);
      if (nodeId == null && matcher.find()) {
        nodeId = matcher.group(1);
      }
      return true;
    } catch (IOException e) {
      return false; // not created yet
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
