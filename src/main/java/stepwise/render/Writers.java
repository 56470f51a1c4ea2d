package stepwise.render;

import java.util.List;

/** The kinds of teaching material the render command writes. */
public final class Writers {
  private Writers() {}

  public static List<MaterialWriter> all() {
    return List.of(new SlideImages(), new SiteWriter(), new TexWriter(), new MarkdownWriter());
  }
}
