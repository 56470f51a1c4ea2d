package stepwise.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import stepwise.verify.Settings;

/**
 * How hard to check, as the command line's options.
 *
 * @param samples sample points per numeric check, 100 to 100,000 (default 200)
 * @param timeout the time of each whole check: an equivalence, one step, one claim (default 5 s);
 *     past it the verdict is unknown (time limit), given within 0.5 s
 * @param rules extra rule catalogue files (YAML, the format of the built-in one), as --rules
 * @param latex equiv only: both sides are LaTeX (assumptions may be plain or LaTeX), as --latex
 */
public record Options(int samples, Duration timeout, List<Path> rules, boolean latex) {
  /** The longest timeout a check may be given. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** 200 samples, 5 s per check, the built-in catalogue, plain syntax. */
  public static final Options DEFAULT = new Options(200, Duration.ofSeconds(5), List.of(), false);

  public Options {
    if (samples < 100 || samples > Settings.MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be between 100 and " + Settings.MAX_SAMPLES + " (got " + samples + ")");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be more than 0 and at most 3600 s (got " + timeout + ")");
    }
    rules = List.copyOf(rules == null ? List.of() : rules);
  }

  public Options withSamples(int n) {
    return new Options(n, timeout, rules, latex);
  }

  public Options withTimeout(Duration t) {
    return new Options(samples, t, rules, latex);
  }

  public Options withRules(List<Path> files) {
    return new Options(samples, timeout, files, latex);
  }

  public Options withLatex(boolean on) {
    return new Options(samples, timeout, rules, on);
  }

  Settings settings() {
    return new Settings(samples, timeout, Settings.DEFAULT.seed());
  }
}
