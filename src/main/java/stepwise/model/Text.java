package stepwise.model;

/** Prose in English and Chinese; either may be empty. */
public record Text(String en, String zh) {
  public static final Text NONE = new Text("", "");

  public Text {
    en = en == null ? "" : en.strip();
    zh = zh == null ? "" : zh.strip();
  }

  public static Text en(String en) {
    return new Text(en, "");
  }

  /** The text in the wanted language, falling back to the other one. */
  public String in(Language language) {
    String wanted = language == Language.ZH ? zh : en;
    return wanted.isEmpty() ? (language == Language.ZH ? en : zh) : wanted;
  }

  public boolean isEmpty() {
    return en.isEmpty() && zh.isEmpty();
  }

  public enum Language {
    EN, ZH
  }
}
