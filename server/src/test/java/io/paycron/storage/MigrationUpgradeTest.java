package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Upgrades from every released schema version, on both databases. A store is migrated step by step
 * to a released version, taking at each version the rows that release wrote ({@code
 * migration-data/V{n}.sql}, if there is one: V1's rows at V1, then V2's at V2, …), and is then
 * migrated to the latest version. It must end with exactly the schema of a store migrated fresh,
 * every row it had (value for value, in every column that still exists), and the rules of {@link
 * UpgradeInvariant}; from the oldest and the newest release, a real server on the upgraded store
 * must serve those rows through its API. The versions come from Flyway, so a new migration is
 * upgraded to, and from, as soon as it exists.
 */
class MigrationUpgradeTest {

  /** Per database: every migration version, and the schema of a store migrated fresh. */
  private record Fresh(List<MigrationVersion> versions, List<String> schema) {
    MigrationVersion latest() {
      return versions.get(versions.size() - 1);
    }
  }

  private static final Map<TestDatabase, Fresh> FRESH = new ConcurrentHashMap<>();

  /**
   * Portable changes of each kind the schema comparison must see: an index, a partial index
   * predicate, a column, a column's type, nullability and default, a foreign key.
   */
  private static final List<String> DRIFT =
      List.of(
          "CREATE INDEX payments_probe ON payments (merchant_id, amount) WHERE amount > 0",
          "DROP INDEX subscriptions_to_cancel",
          "CREATE INDEX subscriptions_to_cancel ON subscriptions (cancel_at) WHERE cancel_at > 1",
          "ALTER TABLE plans ADD COLUMN probe_note TEXT",
          "DROP TABLE test_clock_customers",
          """
          CREATE TABLE test_clock_customers (
              merchant_id   TEXT NOT NULL REFERENCES merchants (id),
              customer_uid  VARCHAR(64) NOT NULL,
              test_clock_id TEXT DEFAULT 'none',
              PRIMARY KEY (merchant_id, customer_uid)
          )""");

  private static Fresh fresh(TestDatabase database) {
    return FRESH.computeIfAbsent(
        database,
        db -> {
          try (MigratedStore store = MigratedStore.fresh(db)) {
            List<MigrationVersion> versions = store.versions();
            store.migrateToLatest();
            return new Fresh(versions, SchemaDescription.of(db, store.dataSource()));
          }
        });
  }

  static Stream<Arguments> everyReleasedVersion() {
    return Stream.of(TestDatabase.values())
        .flatMap(db -> fresh(db).versions().stream().map(version -> arguments(db, version)));
  }

  static Stream<Arguments> oldestAndNewestRelease() {
    return Stream.of(TestDatabase.values())
        .flatMap(
            db ->
                Stream.of(
                    arguments(db, fresh(db).versions().get(0)), arguments(db, fresh(db).latest())));
  }

  @ParameterizedTest(name = "{0}, from V{1}")
  @MethodSource("everyReleasedVersion")
  void anUpgradeEndsWithTheFreshSchemaAndEveryRowItStartedWith(
      TestDatabase database, MigrationVersion released) {
    try (MigratedStore store = MigratedStore.fresh(database)) {
      migrateWithReleasedRows(store, released);
      TableContents before = TableContents.of(database, store.jdbc());
      assertThat(before.rowCount()).as("rows written up to V%s", released).isPositive();

      List<MigrationVersion> applied = store.migrateToLatest();

      assertThat(applied)
          .as("migrations applied to a store at V%s", released)
          .isEqualTo(versionsAfter(released, database));
      List<String> schema = SchemaDescription.of(database, store.dataSource());
      TableContents after = before.readAgain(database, store.jdbc());
      SoftAssertions.assertSoftly(
          softly -> {
            softly
                .assertThat(SchemaDescription.difference(schema, fresh(database).schema()))
                .as("schema upgraded from V%s (+) against one migrated fresh (-)", released)
                .isEmpty();
            before
                .rows()
                .forEach(
                    (table, rows) ->
                        softly
                            .assertThat(after.rows().get(table))
                            .as("rows of %s written up to V%s, after the upgrade", table, released)
                            .containsExactlyElementsOf(rows));
            for (UpgradeInvariant rule : UpgradeInvariant.values()) {
              softly
                  .assertThat(store.jdbc().sql(rule.breaches).query(String.class).list())
                  .as("rows breaking %s after an upgrade from V%s", rule, released)
                  .isEmpty();
            }
          });
    }
  }

  @ParameterizedTest(name = "{0}, from V{1}")
  @MethodSource("oldestAndNewestRelease")
  void aServerOnTheUpgradedStoreServesTheRowsOfTheOldestAndTheNewestRelease(
      TestDatabase database, MigrationVersion released) {
    TestDatabase.Store upgraded;
    List<String> dataSets;
    try (MigratedStore store = MigratedStore.fresh(database)) {
      dataSets = migrateWithReleasedRows(store, released);
      store.migrateToLatest();
      upgraded = store.store();
    }
    try (TestServer server = TestServer.startOn(database, upgraded)) {
      ReleasedRowsOverTheApi.check(server.baseUrl(), dataSets);
    }
  }

  /** The upgrade's schema check is only as good as the description it compares. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSchemaComparisonSeesEachKindOfDrift(TestDatabase database) {
    try (MigratedStore store = MigratedStore.fresh(database)) {
      store.migrateToLatest();
      for (String statement : DRIFT) {
        store.jdbc().sql(statement).update();
      }
      if (database == TestDatabase.POSTGRES) {
        store.jdbc().sql("ALTER TABLE payments SET (fillfactor = 90)").update();
      }

      List<String> drifted = SchemaDescription.of(database, store.dataSource());

      List<String> differences = SchemaDescription.difference(drifted, fresh(database).schema());
      assertThat(differences)
          .anyMatch(line -> line.startsWith("+ index payments.payments_probe"))
          .anyMatch(line -> line.startsWith("- ") && line.contains("subscriptions_to_cancel"))
          .anyMatch(line -> line.startsWith("+ ") && line.contains("cancel_at > 1"))
          .anyMatch(line -> line.startsWith("+ column plans.probe_note"))
          .anyMatch(
              line ->
                  line.matches(
                      "(?i)\\+ column test_clock_customers\\.customer_uid .*(varchar|varying).*"))
          .anyMatch(
              line ->
                  line.matches(
                      "(?i)\\+ column test_clock_customers\\.test_clock_id #3 text null"
                          + " default='none'.*"))
          .anyMatch(
              line -> line.matches("\\+ .*test_clock_customers.*merchant_id.*merchants\\(id\\).*"));
      if (database == TestDatabase.POSTGRES) {
        assertThat(differences)
            .anyMatch(
                line -> line.startsWith("+ relation payments") && line.contains("fillfactor=90"));
      }
    }
  }

  /**
   * Migrates one version at a time up to {@code released}, inserting each version's rows right
   * after migrating to it. Returns the versions whose rows it inserted.
   */
  private static List<String> migrateWithReleasedRows(
      MigratedStore store, MigrationVersion released) {
    List<String> inserted = new ArrayList<>();
    for (MigrationVersion version : fresh(store.database()).versions()) {
      if (version.compareTo(released) > 0) {
        break;
      }
      assertThat(store.migrateTo(version)).containsExactly(version);
      Resource rows = new ClassPathResource(dataSet(version));
      if (rows.exists()) {
        store.run(rows);
        inserted.add(version.getVersion());
      }
    }
    return inserted;
  }

  private static List<MigrationVersion> versionsAfter(
      MigrationVersion released, TestDatabase database) {
    return fresh(database).versions().stream().filter(v -> v.compareTo(released) > 0).toList();
  }

  /** Named like the migration it follows: V3_1__… is followed by migration-data/V3_1.sql. */
  private static String dataSet(MigrationVersion version) {
    return "migration-data/V" + version.getVersion().replace('.', '_') + ".sql";
  }
}
