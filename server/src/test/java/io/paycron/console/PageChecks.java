package io.paycron.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** What every console page must satisfy, checked in the browser, and its screenshot. */
final class PageChecks {

  /** A whole card number, grouped by dashes or not. */
  private static final Pattern CARD = Pattern.compile("\\d{4}-?\\d{4}-?\\d{4}-?\\d{4}");

  private PageChecks() {}

  /** The card numbers of {@code cardsUsed} that appear whole in the page source. */
  static List<String> unmaskedCards(ChromeDriver browser, Set<String> cardsUsed) {
    List<String> found = new ArrayList<>();
    Matcher m = CARD.matcher(browser.getPageSource());
    while (m.find()) {
      if (cardsUsed.contains(m.group().replace("-", ""))) {
        found.add(m.group());
      }
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  static List<String> unlabelledControls(ChromeDriver browser) {
    return (List<String>)
        browser.executeScript(
            """
            return Array.from(document.querySelectorAll('input, select, textarea'))
              .filter(e => e.type !== 'hidden')
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                && !e.getAttribute('aria-labelledby'))
              .map(e => e.outerHTML);""");
  }

  /** Only a table's own scrolling wrapper may be wider than the screen. */
  static boolean overflows(ChromeDriver browser) {
    return (Boolean)
        browser.executeScript(
            "return document.body.scrollWidth > window.innerWidth"
                + " || document.documentElement.scrollWidth > window.innerWidth;");
  }

  /** Saves the viewport as it is now, when {@code paycron.screenshots} names a folder. */
  static void screenshot(ChromeDriver browser, String name) {
    String target = System.getProperty("paycron.screenshots");
    if (target == null || target.isBlank()) {
      return;
    }
    Path dir = Path.of(target);
    if (!dir.isAbsolute()
        && Path.of("").toAbsolutePath().getFileName().toString().equals("server")) {
      dir = Path.of("..").resolve(dir); // maven runs the tests in server/
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
