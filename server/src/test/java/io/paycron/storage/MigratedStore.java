package io.paycron.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.paycron.PaycronProperties;
import io.paycron.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A fresh store opened through the server's own {@link DataSourceConfig} (same connection settings,
 * same single-node lock on SQLite) and migrated by Flyway configured as the server configures it:
 * the {@code spring.flyway} locations of application.yml, {@code {vendor}} resolved from the JDBC
 * URL as Spring Boot resolves it. Unlike the server it can stop at any version.
 */
final class MigratedStore implements AutoCloseable {

  private static final String FLYWAY = "spring.flyway.";
  private static final String LOCATIONS = FLYWAY + "locations";

  private final TestDatabase database;
  private final TestDatabase.Store store;
  private final HikariDataSource dataSource;
  private final String[] locations;

  private MigratedStore(TestDatabase database, TestDatabase.Store store) {
    this.database = database;
    this.store = store;
    PaycronProperties properties =
        new Binder(new MapConfigurationPropertySource(store.properties()))
            .bindOrCreate("paycron", PaycronProperties.class);
    this.dataSource = new DataSourceConfig().dataSource(properties);
    this.locations = serverLocations(vendorOf(dataSource));
  }

  static MigratedStore fresh(TestDatabase database) {
    return new MigratedStore(database, database.freshStore());
  }

  TestDatabase database() {
    return database;
  }

  TestDatabase.Store store() {
    return store;
  }

  HikariDataSource dataSource() {
    return dataSource;
  }

  JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  /** Every versioned migration there is for this database, applied or not, oldest first. */
  List<MigrationVersion> versions() {
    return Stream.of(flyway(MigrationVersion.LATEST).info().all())
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .toList();
  }

  /** Applies the pending migrations up to {@code target}; returns the versions it applied. */
  List<MigrationVersion> migrateTo(MigrationVersion target) {
    return flyway(target).migrate().migrations.stream()
        .map(applied -> MigrationVersion.fromVersion(applied.version))
        .toList();
  }

  List<MigrationVersion> migrateToLatest() {
    return migrateTo(MigrationVersion.LATEST);
  }

  void run(Resource script) {
    new ResourceDatabasePopulator(false, false, "UTF-8", script).execute(dataSource);
  }

  /** Closes the pool; on SQLite that also lets go of the lock, so a server can open the store. */
  @Override
  public void close() {
    dataSource.close();
  }

  private Flyway flyway(MigrationVersion target) {
    return Flyway.configure().dataSource(dataSource).locations(locations).target(target).load();
  }

  private static String vendorOf(HikariDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The server's migration locations for a vendor. Any other {@code spring.flyway} setting in
   * application.yml would make the server migrate differently from this class, so it fails loudly
   * until it is applied here too.
   */
  private static String[] serverLocations(String vendor) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties application = Objects.requireNonNull(yaml.getObject());
    application.stringPropertyNames().stream()
        .filter(key -> key.startsWith(FLYWAY) && !key.equals(LOCATIONS))
        .findAny()
        .ifPresent(
            key -> {
              throw new IllegalStateException(
                  "application.yml sets " + key + ": apply it in MigratedStore too");
            });
    return Stream.of(application.getProperty(LOCATIONS).split(","))
        .map(location -> location.trim().replace("{vendor}", vendor))
        .toArray(String[]::new);
  }
}
