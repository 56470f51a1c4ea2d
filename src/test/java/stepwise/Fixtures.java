package stepwise;

import java.nio.file.Path;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.cas.Cas;
import stepwise.expr.ExprParser;
import stepwise.expr.OpenScope;
import stepwise.load.CatalogueLoader;
import stepwise.model.Derivation;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;
import stepwise.verify.Verifier;

/** Shared set-up for tests: the built-in catalogue, a verifier, parsing and checking files. */
public final class Fixtures {
  /**
   * A true identity that no prover knows (Gauss's multiplication formula for 3) and whose
   * sampling (Gamma at 50 digits) is slow: a check of it takes its whole time limit. Tests of
   * cancelling and of queues use it; if a prover learns it, pick another.
   */
  public static final String[] SLOW_TRUE_IDENTITY = {"Gamma(x)*Gamma(x + 1/3)*Gamma(x + 2/3)",
      "2*Pi*3^(1/2 - 3*x)*Gamma(3*x)", "x > 0"};

  static {
    Cas.warmUp();
  }

  /**
   * Settings for tests of what a verdict is: the default samples and seed, and time enough for
   * a loaded machine (a CI box running two test JVMs). Deadlines have tests of their own.
   */
  public static final Settings SETTINGS = new Settings(Settings.DEFAULT.samples(), java.time.Duration.ofSeconds(30),
      Settings.DEFAULT.seed());

  private Fixtures() {}

  public static Catalogue catalogue() {
    return CatalogueLoader.builtIn();
  }

  public static Verifier verifier() {
    return new Verifier(catalogue(), SETTINGS);
  }

  public static IExpr parse(String text) {
    return ExprParser.parse(text, new OpenScope());
  }

  public static Report check(Path... files) {
    Pipeline pipeline = new Pipeline(catalogue(), SETTINGS);
    List<Derivation> derivations = pipeline.load(stepwise.pipeline.Inputs.files(List.of(files)));
    return pipeline.check(derivations);
  }

  /** A value as a counterexample shows it ("0.25", "4/5", "Pi/2"), as an exact Symja number or constant. */
  public static IExpr exactValue(String value) {
    try {
      java.math.BigDecimal d = new java.math.BigDecimal(value).stripTrailingZeros();
      return d.scale() <= 0 ? org.matheclipse.core.expression.F.ZZ(d.toBigIntegerExact())
          : org.matheclipse.core.expression.F.fraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(d.scale()));
    } catch (NumberFormatException e) {
      return parse(value);
    }
  }
}
