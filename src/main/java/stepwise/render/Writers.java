package stepwise.render;

import java.util.ArrayList;
import java.util.List;

/** The kinds of teaching material the render command writes. */
public final class Writers {
  private Writers() {}

  /** The formats render --format names, in the order they are written. */
  public static final List<String> FORMATS = List.of("png", "site", "tex", "markdown", "beamer");

  /** What render writes by default: everything but the slides (--format beamer, or all). */
  public static List<MaterialWriter> all() {
    return List.of(new SlideImages(), new SiteWriter(), new TexWriter(), new MarkdownWriter());
  }

  /**
   * The writers for the named formats (png, site, tex, markdown, beamer; "default" for all()
   * and "all" for all() and the slides), each once, in FORMATS order. IllegalArgumentException
   * names an unknown format.
   */
  public static List<MaterialWriter> of(List<String> names) {
    List<String> wanted = new ArrayList<>();
    for (String name : names) {
      String n = name.strip().toLowerCase(java.util.Locale.ROOT);
      switch (n) {
        case "default" -> wanted.addAll(List.of("png", "site", "tex", "markdown"));
        case "all" -> wanted.addAll(FORMATS);
        case "md" -> wanted.add("markdown");
        default -> {
          if (!FORMATS.contains(n)) {
            throw new IllegalArgumentException("unknown format \"" + name.strip() + "\": choose from default, all, "
                + String.join(", ", FORMATS));
          }
          wanted.add(n);
        }
      }
    }
    List<MaterialWriter> out = new ArrayList<>();
    for (String f : FORMATS) {
      if (wanted.contains(f)) {
        out.add(switch (f) {
          case "png" -> new SlideImages();
          case "site" -> new SiteWriter();
          case "tex" -> new TexWriter();
          case "markdown" -> new MarkdownWriter();
          default -> new BeamerWriter();
        });
      }
    }
    return out;
  }
}
