package com.example.merchant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A merchant service that sells a monthly subscription through Paycron's scheduled payments, as in
 * i'mport's guide: store the card as a billing key, schedule the first charge, and from the signed
 * webhook of each charge schedule the next one (or a retry).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MerchantApplication {

  public static void main(String[] args) {
    // merchant-app.yml, not application.yml: this app may share a classpath with the Paycron
    // server (its end-to-end test runs both in one JVM), and the server owns application.yml
    new SpringApplicationBuilder(MerchantApplication.class)
        .properties("spring.config.name=merchant-app")
        .run(args);
  }
}
