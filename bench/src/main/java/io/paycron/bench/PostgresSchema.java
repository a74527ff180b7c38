package io.paycron.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Paycron on a fresh schema of the run's PostgreSQL database, dropped when the run ends. */
final class PostgresSchema implements PaycronStorage {

  private final BenchDatabase db;
  private final String schema;

  private PostgresSchema(BenchDatabase db, String schema) {
    this.db = db;
    this.schema = schema;
  }

  static PostgresSchema create(BenchDatabase db, String name) {
    return new PostgresSchema(db, db.createSchema(name));
  }

  @Override
  public Map<String, String> nodeProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("paycron.db-url", db.urlFor(schema));
    properties.put("paycron.db-user", db.user());
    return properties;
  }

  @Override
  public SqlRunner reads() {
    return db.at(schema);
  }

  @Override
  public SqlRunner writes() {
    return db.at(schema);
  }

  @Override
  public void emptyTables(List<String> tables) {
    db.execute(schema, "TRUNCATE " + String.join(", ", tables));
  }

  @Override
  public String description() {
    return "schema " + schema;
  }

  /** Nothing yet: {@link BenchDatabase} drops all of the run's schemas when the run ends. */
  @Override
  public void close() {}
}
