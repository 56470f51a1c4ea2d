package stepwise.derive;

import org.matheclipse.core.interfaces.IExpr;
import stepwise.model.Derivation;
import stepwise.pipeline.StepFinder;
import stepwise.rules.Catalogue;
import stepwise.verify.Settings;

/** The search, offered to the pipeline as its step finder (see META-INF/services). */
public final class AutoStepFinder implements StepFinder {
  @Override
  public Derivation fill(Derivation d, IExpr start, Catalogue catalogue, Settings settings) {
    return AutoSteps.fill(d, start, catalogue, settings);
  }
}
