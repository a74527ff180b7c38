package io.paycron.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's Debian packages, driven through the system's chromedriver:
 * Selenium Manager never runs and nothing is downloaded.
 */
final class Browser {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  /**
   * Skips the calling tests when there is no Chromium on a developer's machine; in CI (where
   * .ci/run installs it) a missing browser fails instead.
   */
  static void assumeAvailable() {
    boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException(
          "CI is set but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing (.ci/run installs"
              + " the chromium and chromium-driver packages)");
    }
    Assumptions.assumeTrue(
        present,
        "console browser tests skipped: install Debian's chromium and chromium-driver packages ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + ")");
  }

  static ChromeDriver start() {
    Path profile;
    try {
      profile = Files.createTempDirectory("paycron-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /** The viewport as a device of this size would have it (a window can't get narrow enough). */
  static void viewport(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }
}
