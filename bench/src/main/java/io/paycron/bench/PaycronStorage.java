package io.paycron.bench;

import java.util.List;
import java.util.Map;

/**
 * Where the in-process Paycron keeps its data for one measured run, and where the harness's SQL
 * about it goes: a fresh schema on the run's PostgreSQL ({@link PostgresSchema}), or with {@code
 * --sqlite} a fresh data folder for the embedded SQLite default ({@link SqliteDataFolder}). The
 * benchmark itself is the same for both.
 */
interface PaycronStorage extends AutoCloseable {

  /** Makes a fresh storage for one run, named after it ({@code paycron}, {@code paycron_2n}). */
  @FunctionalInterface
  interface Fresh {
    PaycronStorage create(String name);
  }

  /** The properties that put a node on this storage (given as its command-line arguments). */
  Map<String, String> nodeProperties();

  /** The harness's reads: progress counts while the nodes run, the measurement afterwards. */
  SqlRunner reads();

  /** The harness's writes between phases, while the nodes run (dropping the calibration load). */
  SqlRunner writes();

  /** Empties Paycron's work tables under the running nodes (after the warm-up). */
  void emptyTables(List<String> tables);

  /** Where it is, for the console. */
  String description();

  /** Gives the storage back; called after the nodes have stopped. */
  @Override
  void close();
}
