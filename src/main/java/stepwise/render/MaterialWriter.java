package stepwise.render;

import java.io.IOException;
import stepwise.model.Text;

/** One kind of teaching material (site, .tex, Markdown, slide images) written into an Output. */
public interface MaterialWriter {
  void write(Material material, Output out, Text.Language language) throws IOException;
}
