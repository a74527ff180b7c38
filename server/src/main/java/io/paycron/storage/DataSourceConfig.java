package io.paycron.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paycron.PaycronProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** PostgreSQL when PAYCRON_DB_URL is set, otherwise an embedded SQLite file under PAYCRON_DATA. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

  private static final Logger log = LoggerFactory.getLogger(DataSourceConfig.class);

  @Bean
  SqlDialect sqlDialect(PaycronProperties properties) {
    return properties.usesPostgres() ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE;
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(PaycronProperties properties) {
    return properties.usesPostgres() ? postgres(properties) : sqlite(properties.data());
  }

  private static HikariDataSource postgres(PaycronProperties properties) {
    if (!properties.dbUrl().startsWith("jdbc:postgresql:")) {
      throw new StartupRefusedException(
          "PAYCRON_DB_URL must be a jdbc:postgresql: URL, got '" + properties.dbUrl() + "'.",
          "Set PAYCRON_DB_URL=jdbc:postgresql://host:5432/db, or unset it to use SQLite.");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("paycron-pg");
    config.setJdbcUrl(properties.dbUrl());
    if (properties.dbUser() != null && !properties.dbUser().isBlank()) {
      config.setUsername(properties.dbUser());
    }
    if (properties.dbPassword() != null && !properties.dbPassword().isEmpty()) {
      config.setPassword(properties.dbPassword());
    }
    config.setMaximumPoolSize(16);
    // JDBC batches of inserts become multi-row inserts: one round trip per batch
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // Plan every execution for its parameters. Otherwise PostgreSQL may cache a generic plan made
    // while a table was nearly empty (a sequential scan looks free then) and keep it as the table
    // grows to millions of rows: primary-key updates then scan the whole table.
    //
    // Reading a page at random costs what reading it in sequence does when the data is in memory
    // or on SSD, not four times as much (PostgreSQL's default, made for spinning disks). With 4 the
    // planner prefers scanning a whole 50,000-row table to 400 primary-key lookups when it expects
    // few rows to match a status filter, and every batch of a billing run pays that scan.
    config.addDataSourceProperty(
        "options", "-c plan_cache_mode=force_custom_plan -c random_page_cost=1.1");
    log.info("storage: PostgreSQL");
    return new HikariDataSource(config);
  }

  private static HikariDataSource sqlite(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("paycron.db");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new StartupRefusedException(
          "cannot create the data folder " + file.getParent() + ": " + e.getMessage(),
          "Set PAYCRON_DATA to a writable folder.");
    }
    SingleNodeLock lock = SingleNodeLock.acquire(file);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(30_000);
    // Writers take the lock when the transaction begins, so two read-then-write transactions
    // wait for each other instead of failing with SQLITE_BUSY on lock upgrade.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    sqlite.enforceForeignKeys(true);
    SQLiteDataSource target = new SQLiteDataSource(sqlite);
    target.setUrl("jdbc:sqlite:" + file);
    HikariConfig config = new HikariConfig();
    config.setPoolName("paycron-sqlite");
    config.setDataSource(target);
    config.setMaximumPoolSize(4);
    log.info("storage: SQLite at {}", file);
    return new LockHoldingDataSource(config, lock);
  }

  /** Keeps the single-node lock for exactly as long as the pool lives. */
  private static final class LockHoldingDataSource extends HikariDataSource {
    private final SingleNodeLock lock;

    LockHoldingDataSource(HikariConfig config, SingleNodeLock lock) {
      super(config);
      this.lock = lock;
    }

    @Override
    public void close() {
      super.close();
      try {
        lock.close();
      } catch (IOException e) {
        log.warn("could not release the database lock: {}", e.getMessage());
      }
    }
  }
}
