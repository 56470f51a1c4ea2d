package stepwise.render;

import stepwise.model.Text;

/** The body of a LaTeX document being written in one language: lines, and prose escaped for LaTeX. */
class TexBody {
  final StringBuilder b = new StringBuilder();
  final Text.Language language;
  final TexWriter.Words w;

  TexBody(Text.Language language) {
    this.language = language;
    this.w = TexWriter.Words.of(language);
  }

  TexBody line(String s) {
    b.append(s).append('\n');
    return this;
  }

  String text(Text t) {
    return TexWriter.prose(t.in(language));
  }

  /** The finished document: preamble, body with upright operator names, and the closing lines. */
  TexWriter.Document finish(String stem, String preamble, java.util.List<Material.Page> pages, boolean cjk) {
    return new TexWriter.Document(stem, preamble + TexWriter.uprightNames(b.toString(), pages)
        + (cjk ? "\\end{CJK}\n" : "") + "\\end{document}\n", cjk);
  }
}
