package stepwise.cli;

import java.lang.management.ManagementFactory;

/**
 * Phase timers for a command-line run, printed on standard error when the JVM runs with
 * -Dstepwise.timings (how README "Speed" was measured): wall time of each phase and the
 * process's CPU time in it (all threads: the JIT compilers and the collector too).
 */
final class Timings {
  static final boolean ON = System.getProperty("stepwise.timings", "false").matches("|true");
  private static long lastWall;
  private static long lastCpu;

  private Timings() {}

  /** The time from the JVM's start to main (only when on: asking loads the management classes). */
  static void started() {
    if (ON) {
      Main.ERR.printf("timings: %-36s %6d ms wall %6.0f ms cpu%n", "JVM start to main",
          ManagementFactory.getRuntimeMXBean().getUptime(), cpu() / 1e6);
      lastWall = System.nanoTime();
      lastCpu = cpu();
    }
  }

  /** Prints the time since the previous mark under this phase's name. */
  static synchronized void mark(String phase) {
    if (ON) {
      long wall = System.nanoTime();
      long cpu = cpu();
      Main.ERR.printf("timings: %-36s %6.0f ms wall %6.0f ms cpu%n", phase, (wall - lastWall) / 1e6, (cpu - lastCpu) / 1e6);
      lastWall = wall;
      lastCpu = cpu;
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
