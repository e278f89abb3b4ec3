package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the figures were measured on: printed above every table, since they mean nothing without it. */
final class Machine {
    private Machine() {}

    /** {@return one Markdown paragraph: date, processors, memory, CPU model, OS, JDK, load average} */
    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + rt.availableProcessors()
                + " processors (" + cpuModel() + "), " + memTotal() + " RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + "); load average at start " + loadAverage() + ".\n";
    }

    /** {@return the 1, 5 and 15 minute load averages, or "n/a"} */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("CPU model n/a");
        } catch (IOException e) {
            return "CPU model n/a";
        }
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.substring(9).trim().split("\\s+")[0]);
                    return Table.fmt(kb / 1024.0 / 1024.0, 1) + " GiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
