package stepwise.cas;

import java.util.List;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.interfaces.AbstractFunctionEvaluator;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Second line of defence: Symja functions that reach files, the network, the class loader,
 * system options or the JVM's exit are replaced by evaluators that refuse. (The first line is
 * the parser's allow-list: input cannot even name them.) Config.FILESYSTEM_ENABLED=false
 * already disables the file functions; it leaves the ones listed first open.
 */
final class Sandbox {
  private static final List<IBuiltInSymbol> REFUSED = List.of(
      S.URLFetch, S.AddToClassPath, S.$HomeDirectory, S.$UserName, S.Unprotect,
      S.SetSystemOptions, S.SystemOptions, S.Exit, S.Quit, S.Pause, S.ToExpression,
      S.JavaNew, S.JavaClass, S.JavaObject, S.LoadJavaClass, S.InstanceOf,
      S.Get, S.Put, S.ReadString, S.ReadList, S.Import, S.Export, S.Write, S.WriteString,
      S.OpenRead, S.OpenWrite, S.OpenAppend, S.Close, S.BinaryRead, S.BinaryWrite,
      S.CreateFile, S.FileNames, S.SystemDialogInput, S.Compile, S.CompilePrint, S.Share);

  private Sandbox() {}

  static void install() {
    for (IBuiltInSymbol symbol : REFUSED) {
      symbol.setEvaluator(new Refuse(symbol.getSymbolName()));
    }
  }

  /** Thrown when evaluation reaches a refused function. */
  public static final class Refused extends SecurityException {
    private static final long serialVersionUID = 1L;

    Refused(String name) {
      super(name + " is not available in Stepwise");
    }
  }

  private static final class Refuse extends AbstractFunctionEvaluator {
    private final String name;

    Refuse(String name) {
      this.name = name;
    }

    @Override
    public IExpr evaluate(IAST ast, EvalEngine engine) {
      throw new Refused(name);
    }
  }
}
