package io.paycron.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * {@code --sqlite}: Paycron on its embedded default, as {@code ./paycron serve} runs without {@code
 * PAYCRON_DB_URL}: a fresh temporary data folder per run, deleted when the run ends (also on
 * Ctrl-C). The harness opens the node's database file itself: read-only while the node runs (WAL
 * mode lets readers in beside the node's writer), read-write only for its writes between phases.
 */
final class SqliteDataFolder implements PaycronStorage {

  /** The file the server makes in its data folder (server: storage/DataSourceConfig). */
  static final String DATABASE_FILE = "paycron.db";

  /** The node's own busy timeout: the harness's writes wait for its writer as its own do. */
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private final Path folder;
  private final Thread deleteOnExit;

  private SqliteDataFolder(Path folder) {
    this.folder = folder;
    this.deleteOnExit = new Thread(this::delete, "bench-delete-sqlite-folder");
    Runtime.getRuntime().addShutdownHook(deleteOnExit);
  }

  static SqliteDataFolder create(String name) {
    try {
      return new SqliteDataFolder(Files.createTempDirectory("paycron-bench-" + name + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary data folder", e);
    }
  }

  /**
   * For the machine line: the SQLite library and the file system the database is on, since with
   * {@code synchronous=FULL} every commit waits for the disk.
   */
  static String describeDatabase() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String fileSystem;
    try {
      fileSystem = Files.getFileStore(tmp).type();
    } catch (IOException e) {
      fileSystem = "file system unknown";
    }
    return "embedded SQLite "
        + sqliteVersion()
        + " (sqlite-jdbc), in a fresh data folder under "
        + tmp
        + " ("
        + fileSystem
        + ")";
  }

  @Override
  public Map<String, String> nodeProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("paycron.data", folder.toString());
    // no database URL is what selects SQLite; an empty one also overrides a PAYCRON_DB_URL in the
    // environment, which would otherwise turn this run into a PostgreSQL run without a word
    properties.put("paycron.db-url", "");
    return properties;
  }

  @Override
  public SqlRunner reads() {
    return () -> open(true);
  }

  @Override
  public SqlRunner writes() {
    return () -> open(false);
  }

  /** One transaction, so the node never sees the tables half emptied. */
  @Override
  public void emptyTables(List<String> tables) {
    try (Connection connection = open(false);
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      for (String table : tables) {
        statement.execute("DELETE FROM " + table);
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("emptying " + tables + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    return "SQLite " + database();
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(deleteOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or has run
    }
  }

  private Path database() {
    return folder.resolve(DATABASE_FILE);
  }

  private Connection open(boolean readOnly) throws SQLException {
    if (!Files.exists(database())) {
      throw new IllegalStateException(
          "no " + database() + ": the node did not start on the embedded SQLite database");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    if (!readOnly) {
      // as the node's own: take the write lock at BEGIN, never fail upgrading a read to a write
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    return DriverManager.getConnection("jdbc:sqlite:" + database(), config.toProperties());
  }

  private synchronized void delete() {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("bench: could not delete " + folder + ": " + e.getMessage());
    }
  }

  private static String sqliteVersion() {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT sqlite_version()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return "(version unknown: " + e.getMessage() + ")";
    }
  }
}
