package stepwise.cas;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.exception.TimeoutException;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ParserConfig;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;

/**
 * The one seam to Symja: global settings, the per-thread engine, evaluation of copies, and
 * deadlines. Nothing else in Stepwise touches Config, EvalEngine.set or engine limits.
 */
public final class Cas {
  private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
  private static final ThreadLocal<EvalEngine> ENGINE = ThreadLocal.withInitial(Cas::newEngine);
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stepwise-deadline");
        t.setDaemon(true);
        return t;
      });

  static {
    SymjaStart.begin();
    // Without this JAS starts a cached thread pool that keeps the JVM alive ~60 s after main.
    Config.JAS_NO_THREADS = true;
    Config.FILESYSTEM_ENABLED = false;
    Config.UNPROTECT_ALLOWED = false;
    // Bounds against exploding input: a huge AST or integer fails fast instead of eating memory.
    Config.MAX_AST_SIZE = 500_000;
    Config.MAX_BIT_LENGTH = 200_000;
    Config.MAX_POLYNOMIAL_DEGREE = 2_000;
    Config.MAX_OUTPUT_SIZE = 1_000_000;
    F.initSymbols();
    Sandbox.install();
  }

  private Cas() {}

  /**
   * Makes sure Symja is configured and initialised (by this class's static block) before any of
   * its symbols is used: the names of built-ins are only right after F.initSymbols().
   */
  public static void start() {
    // class initialisation does the work
  }

  /** Forces the (slow, ~1 s) Symja start-up now, e.g. on a background thread. */
  public static void warmUp() {
    engine();
  }

  private static EvalEngine newEngine() {
    EvalEngine engine = new EvalEngine("stepwise", 256, 100_000, SILENT, SILENT, false);
    engine.setQuietMode(true);
    engine.setOutPrintStream(SILENT);
    engine.setErrorPrintStream(SILENT);
    EvalEngine.set(engine);
    return engine;
  }

  /** The engine of the calling thread (each thread has its own). */
  public static EvalEngine engine() {
    EvalEngine engine = ENGINE.get();
    EvalEngine.set(engine);
    return engine;
  }

  /** A deep copy: Symja evaluates in place, and the author's tree must stay as written. */
  public static IExpr copy(IExpr expr) {
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    IASTAppendable copy = F.ast(copy(ast.head()), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      copy.append(copy(ast.get(i)));
    }
    return copy;
  }

  /**
   * MathML (presentation markup, without the math element) of an expression as written, not
   * evaluated; null when Symja cannot print it. Symja's MathMLForm prints a sum's terms last to
   * first (polynomial order), so they are handed to it reversed and come out in the author's order.
   */
  public static String mathml(IExpr expr) {
    engine();
    StringBuilder out = new StringBuilder();
    try {
      return new org.matheclipse.core.form.mathml.MathMLFormFactory().convert(out, sumsReversed(expr), Integer.MIN_VALUE,
          false) ? out.toString() : null;
    } catch (RuntimeException e) {
      return null; // a head it has no form for
    }
  }

  private static IExpr sumsReversed(IExpr expr) {
    if (!(expr instanceof IAST ast)) {
      return expr;
    }
    IASTAppendable copy = F.ast(sumsReversed(ast.head()), ast.argSize());
    boolean sum = ast.head().equals(org.matheclipse.core.expression.S.Plus);
    for (int i = 1; i <= ast.argSize(); i++) {
      copy.append(sumsReversed(ast.get(sum ? ast.argSize() + 1 - i : i)));
    }
    return copy;
  }

  /** Evaluates a deep copy: Symja re-sorts its argument in place, the author's tree must stay. */
  public static IExpr evaluate(IExpr expr) {
    EvalEngine engine = engine();
    try {
      return engine.evaluate(copy(expr));
    } catch (TimeoutException e) {
      throw new DeadlineExceeded();
    }
  }

  /**
   * Evaluates a deep copy numerically with the given number of digits. Symja's N first
   * evaluates its argument symbolically, and inexact numbers met there are computed at
   * Symja's largest precision (32768 digits: seconds for a single Log); here the precision is
   * set before anything is evaluated.
   */
  public static IExpr numeric(IExpr expr, int digits) {
    EvalEngine engine = engine();
    boolean oldMode = engine.isNumericMode();
    long oldPrecision = engine.getNumericPrecision();
    int oldFigures = engine.getSignificantFigures();
    try {
      engine.setNumericMode(true, Math.max(digits, ParserConfig.MACHINE_PRECISION), digits);
      return engine.evalWithoutNumericReset(copy(expr));
    } catch (TimeoutException e) {
      throw new DeadlineExceeded();
    } finally {
      engine.setNumericMode(oldMode, oldPrecision, oldFigures);
    }
  }

  /**
   * A constant's value as a decimal of the given digits (Symja prints 1.2*10^-5, which
   * BigDecimal does not read), or null if it is not a real number.
   */
  public static java.math.BigDecimal decimal(IExpr constant, int digits) {
    IExpr v = constant.isNumber() && !constant.isRational() ? constant : numeric(constant, digits + 5);
    if (!v.isReal()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(v.toString().replace("*10^", "E").replace("*^", "E").replace(" ", ""))
          .round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Runs work on this thread; if it is still running after the deadline, Symja is asked to stop
   * and {@link DeadlineExceeded} is thrown. The engine stays usable afterwards.
   */
  public static <T> T withDeadline(Duration deadline, Supplier<T> work) {
    EvalEngine engine = engine();
    Thread worker = Thread.currentThread();
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(() -> engine.setStopRequested(true), deadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      T result = work.get();
      if (engine.isStopRequested()) {
        throw new DeadlineExceeded();
      }
      return result;
    } catch (TimeoutException e) {
      throw new DeadlineExceeded();
    } catch (RuntimeException e) {
      if (engine.isStopRequested()) {
        throw new DeadlineExceeded();
      }
      throw e;
    } finally {
      alarm.cancel(false);
      engine.setStopRequested(false);
      Thread.interrupted(); // clear a stray interrupt so later evaluation is not cut short
      assert worker == Thread.currentThread();
    }
  }

  /** A symbolic computation ran past its deadline. */
  public static final class DeadlineExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceeded() {
      super("time limit reached", null, false, false);
    }
  }
}
