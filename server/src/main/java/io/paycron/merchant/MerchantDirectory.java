package io.paycron.merchant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds a merchant by id for work that runs without a request (the scheduler). */
@Service
public class MerchantDirectory {

  private final JdbcClient jdbc;
  private final Cache<String, Merchant> cache =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(100_000).build();

  MerchantDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Merchant get(String merchantId) {
    return cache.get(
        merchantId,
        id ->
            jdbc.sql("SELECT id, name, sandbox FROM merchants WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Merchant(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .single());
  }
}
