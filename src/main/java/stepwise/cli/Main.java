package stepwise.cli;
public class Main { public static void main(String[] a){ org.matheclipse.core.basic.Config.JAS_NO_THREADS=true; org.matheclipse.core.expression.F.initSymbols(); System.out.println(new org.matheclipse.core.eval.EvalEngine(true).evaluate(new org.matheclipse.core.eval.EvalEngine(true).parse("D(Log(x),x)"))); } }
