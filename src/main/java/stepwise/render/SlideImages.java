package stepwise.render;

import java.io.IOException;
import stepwise.model.Text;

/**
 * A PNG of each step at twice the screen size, for slides: png/<derivation>/step-NN.png (and
 * step-00.png for the start), plus the whole derivation as png/<derivation>/derivation.png.
 */
public final class SlideImages implements MaterialWriter {
  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    for (Material.Page page : material.derivations()) {
      if (page.start() == null) {
        continue;
      }
      String dir = "png/" + page.id() + "/";
      out.write(dir + "step-00.png", Formulas.png(page.start().formula()));
      for (Material.StepPage step : page.steps()) {
        if (!step.formula().isEmpty()) {
          out.write(String.format("%sstep-%02d.png", dir, step.number()), Formulas.png(step.formula()));
        }
      }
      out.write(dir + "derivation.png", Formulas.png(Aligned.block(page, false, language)));
    }
  }
}
