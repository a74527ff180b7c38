package io.paycron.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on: a benchmark without its machine means little. */
final class MachineDescription {

  private MachineDescription() {}

  /** {@code database}: what the measured systems run on, and where. */
  static String describe(String database) {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%d cores (`nproc`), %s, %s RAM; %s %s (%s); %s; JVM max heap %s",
        runtime.availableProcessors(),
        cpuModel(),
        memory(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        database,
        ResultTable.mib(runtime.maxMemory()));
  }

  /** The 1-, 5- and 15-minute load averages: other work on the machine skews every number. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("CPU model unknown");
  }

  private static String memory() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(
            text -> {
              long kib = Long.parseLong(text.replaceAll("[^0-9]", ""));
              return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            })
        .orElse("unknown");
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
