package io.paycron.console;

import io.paycron.RuntimeMode;
import io.paycron.common.Secrets;
import io.paycron.storage.StartupRefusedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in to the console, without ever a fixed default password:
 *
 * <ul>
 *   <li>{@code ./paycron operator add <name>}: creates that operator with a password read from
 *       stdin, then exits;
 *   <li>{@code PAYCRON_CONSOLE_USER} + {@code PAYCRON_CONSOLE_PASSWORD}: created at start unless an
 *       operator of that name exists (its password is then left as it is);
 *   <li>sandbox mode only, when there is no operator at all: {@code admin} with a random password,
 *       printed once in the log. Production creates none.
 * </ul>
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger("paycron");

  private final Operators operators;
  private final ConsoleProperties properties;
  private final RuntimeMode mode;
  private final ConfigurableApplicationContext context;

  OperatorBootstrap(
      Operators operators,
      ConsoleProperties properties,
      RuntimeMode mode,
      ConfigurableApplicationContext context) {
    this.operators = operators;
    this.properties = properties;
    this.mode = mode;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (properties.addsOperator()) {
      addFromCommandLine(properties.addOperator());
      return;
    }
    String missing = properties.missingHalf();
    if (missing != null) {
      throw new StartupRefusedException(
          missing + " is missing: PAYCRON_CONSOLE_USER and PAYCRON_CONSOLE_PASSWORD go together",
          "Set " + missing + " as well, or unset both.");
    }
    if (properties.hasConfiguredOperator()) {
      createConfigured();
    }
    if (mode.isSandbox() && !operators.anyExists()) {
      String password = Secrets.randomHex(12);
      operators.create("admin", password);
      int port =
          context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
      log.info(
          "Console: http://localhost:{}/console user admin, password {} (sandbox only, shown"
              + " once; set PAYCRON_CONSOLE_USER/PAYCRON_CONSOLE_PASSWORD to choose your own)",
          port,
          password);
    }
  }

  private void createConfigured() {
    try {
      if (operators.create(properties.user(), properties.password())) {
        log.info("console operator {} created from PAYCRON_CONSOLE_USER", properties.user());
      }
    } catch (IllegalArgumentException e) {
      throw new StartupRefusedException(
          "PAYCRON_CONSOLE_USER/PAYCRON_CONSOLE_PASSWORD: " + e.getMessage(),
          "Set a valid operator name and a password of at least "
              + Operators.MIN_PASSWORD_LENGTH
              + " characters, or unset both.");
    }
  }

  private void addFromCommandLine(String name) throws IOException {
    System.err.print("Password for operator " + name + " (at least 12 characters): ");
    String password =
        System.console() != null
            ? new String(System.console().readPassword())
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
    int status;
    try {
      boolean created = operators.create(name, password == null ? "" : password.strip());
      System.err.println(created ? "operator " + name + " created" : name + " exists already");
      status = created ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      status = 2;
    }
    int exit = status;
    System.exit(SpringApplication.exit(context, () -> exit));
  }
}
