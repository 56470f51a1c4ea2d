package stepwise.expr;

import org.matheclipse.core.interfaces.IExpr;

/** Decides what an identifier in input stands for. */
public interface Scope {
  /** A bare identifier: a symbol or constant. Throws {@link ExprSyntaxError} if unknown. */
  IExpr symbol(String name, int offset);

  /** The head of a call name(args), given the number of arguments. */
  IExpr head(String name, int arity, int offset);

  /** A pattern variable name_ (only rule catalogues allow them). */
  default IExpr patternVariable(String name, IExpr headTest, int offset) {
    throw new ExprSyntaxError("patterns like " + name + "_ are only allowed in rules", offset);
  }
}
