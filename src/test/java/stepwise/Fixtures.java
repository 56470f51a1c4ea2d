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
