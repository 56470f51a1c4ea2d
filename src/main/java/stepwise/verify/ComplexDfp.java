package stepwise.verify;

import org.apfloat.Apcomplex;
import org.apfloat.Apfloat;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.INum;
import stepwise.cas.Cas;

/**
 * Exp, Log and powers of complex numbers (and of negative real bases) with Hipparchus' Dfp, for
 * high-precision readings in a batch (see {@link Precise}): apfloat computes every complex
 * logarithm by the arithmetic-geometric mean, 30 to 170 ms each at 50 and 70 digits (measured:
 * they were nine tenths of the batch's high-precision time). Principal values as Symja's:
 * Log z = log|z| + i Arg z with Arg in (-Pi, Pi] (Pi on the negative real axis), z^w = Exp(w Log z),
 * and the square root (w = 1/2, -1/2) by the half-angle formulas, so that Sqrt(-2) is exactly
 * imaginary as apfloat's is. Each method answers null where it does not apply (an exact or
 * non-numeric argument, 0, an integer exponent, a value too large or small for the field's guard
 * digits), and the caller leaves it to Symja.
 */
final class ComplexDfp {
  private ComplexDfp() {}

  /** A complex number in Dfp. */
  private record Z(Dfp re, Dfp im) {
    boolean real() {
      return im.isZero();
    }
  }

  /** Exp(x) for a complex number x, or null. */
  static IExpr exp(IExpr x, int digits) {
    Z z = value(x, digits);
    return z == null ? null : exp(z, digits);
  }

  /** Log(x) for a complex or negative number x, or null. */
  static IExpr log(IExpr x, int digits) {
    Z z = value(x, digits);
    if (z == null || z.re().isZero() && z.im().isZero()) {
      return null;
    }
    Z l = log(z);
    return l == null || !fits(digits, 0) ? null : symja(l, digits);
  }

  /** base^exponent where either is complex or the base is negative, the exponent not an integer; or null. */
  static IExpr power(IExpr base, IExpr exponent, int digits) {
    if (exponent.isInteger() || !base.isNumericFunction(true) || !exponent.isNumericFunction(true) || base.isZero()) {
      return null;
    }
    Z b = value(base, digits);
    if (b == null || b.re().isZero() && b.im().isZero()) {
      return null;
    }
    boolean half = exponent.equals(F.C1D2);
    if (half || exponent.equals(F.CN1D2)) {
      Z root = sqrt(b);
      if (!half) {
        // 1/(a + bi) = (a - bi)/(a^2 + b^2)
        Dfp norm = root.re().multiply(root.re()).add(root.im().multiply(root.im()));
        root = new Z(root.re().divide(norm), root.im().negate().divide(norm));
      }
      return symja(root, digits);
    }
    Z w = exponent instanceof IFraction q
        ? new Z(dfp(new Apfloat(q.toBigNumerator())).divide(dfp(new Apfloat(q.toBigDenominator()))), field().getZero())
        : value(exponent, digits);
    Z l = log(b);
    if (w == null || l == null) {
      return null;
    }
    return exp(new Z(w.re().multiply(l.re()).subtract(w.im().multiply(l.im())),
        w.re().multiply(l.im()).add(w.im().multiply(l.re()))), digits);
  }

  /** e^z = e^re (cos im + i sin im), or null beyond the field's reach. */
  private static IExpr exp(Z z, int digits) {
    double re = Math.abs(z.re().toDouble());
    double im = Math.abs(z.im().toDouble());
    // the argument's absolute error becomes the value's relative one: log10 of its size more guard digits
    if (!(re <= Precise.DFP_MAX_EXP_ARGUMENT) || !(im <= Precise.DFP_MAX_TRIG_ARGUMENT)
        || !fits(digits, Math.max(re, im))) {
      return null;
    }
    Dfp size = DfpMath.exp(z.re());
    if (z.real()) {
      return Precise.symja(size, digits);
    }
    return symja(new Z(size.multiply(DfpMath.cos(z.im())), size.multiply(DfpMath.sin(z.im()))), digits);
  }

  /** The principal logarithm: log|z| + i Arg z, Arg z = Pi on the negative real axis; null for a huge or tiny |z|. */
  private static Z log(Z z) {
    Dfp norm = z.re().multiply(z.re()).add(z.im().multiply(z.im()));
    double scale = Math.abs(Math.log10(Math.max(Math.abs(z.re().toDouble()), Math.abs(z.im().toDouble()))));
    if (!(scale < 300)) {
      return null;
    }
    Dfp angle = argument(z);
    return angle == null ? null : new Z(DfpMath.log(norm).divide(2), angle);
  }

  /**
   * Arg z in (-Pi, Pi], by Newton's method from the double-precision angle: Hipparchus'
   * DfpMath.atan is correct to about 40 digits only (measured), Sin and Cos to all the field's.
   * Each step adds tan(Arg z - t) to the angle t, which triples the correct digits (16, 48, 144).
   */
  private static Dfp argument(Z z) {
    Dfp pi = field().getPi();
    Dfp re = z.re();
    Dfp im = z.im();
    if (im.isZero()) {
      return re.lessThan(field().getZero()) ? pi : field().getZero();
    }
    if (re.isZero()) {
      Dfp half = pi.divide(2);
      return im.greaterThan(field().getZero()) ? half : half.negate();
    }
    double start = Math.atan2(im.toDouble(), re.toDouble());
    if (!Double.isFinite(start)) {
      return null;
    }
    Dfp angle = field().newDfp(start);
    for (int step = 0; step < 3; step++) {
      Dfp sin = DfpMath.sin(angle);
      Dfp cos = DfpMath.cos(angle);
      angle = angle.add(im.multiply(cos).subtract(re.multiply(sin)).divide(re.multiply(cos).add(im.multiply(sin))));
    }
    return angle;
  }

  /** The principal square root by the half-angle formulas: exact zeros stay exact (Sqrt(-2) is purely imaginary). */
  private static Z sqrt(Z z) {
    Dfp modulus = z.re().multiply(z.re()).add(z.im().multiply(z.im())).sqrt();
    Dfp t = z.re().abs().add(modulus).divide(2).sqrt();
    if (!z.re().lessThan(field().getZero())) {
      return new Z(t, z.im().isZero() ? field().getZero() : z.im().divide(t.multiply(2)));
    }
    Dfp other = z.im().abs().divide(t.multiply(2));
    return new Z(other, z.im().lessThan(field().getZero()) ? t.negate() : t);
  }

  /** Whether the field's digits cover the digits asked for, the guard digits and log10 of an argument's size. */
  private static boolean fits(int digits, double size) {
    return digits + Precise.DFP_GUARD + (size < 1 ? 0 : (int) Math.ceil(Math.log10(size))) <= Precise.DFP_DIGITS;
  }

  /** A numeric value as a Dfp pair, or null if it is not a decimal number. */
  private static Z value(IExpr x, int digits) {
    if (!x.isNumericFunction(true)) {
      return null;
    }
    IExpr n = x.isNumber() && !x.isRational() ? x : Cas.numeric(x, digits);
    Apfloat re;
    Apfloat im;
    if (n instanceof IComplexNum c) {
      Apcomplex v = c.apcomplexValue();
      re = v.real();
      im = v.imag();
    } else if (n instanceof INum r) {
      re = r.apfloatValue();
      im = Apfloat.ZERO;
    } else {
      return null;
    }
    if (re.radix() != 10 || im.radix() != 10) {
      return null;
    }
    return new Z(dfp(re), dfp(im));
  }

  private static Dfp dfp(Apfloat a) {
    return Precise.dfp(a);
  }

  private static DfpField field() {
    return Precise.Dfp.FIELD;
  }

  /** The value as a complex Symja number with the digits asked for, as apfloat's complex functions give it; null if not finite. */
  private static IExpr symja(Z z, int digits) {
    Apfloat re = apfloat(z.re(), digits);
    Apfloat im = apfloat(z.im(), digits);
    return re == null || im == null ? null : F.complexNum(new Apcomplex(re, im));
  }

  private static Apfloat apfloat(Dfp value, int digits) {
    if (value.isZero()) {
      return new Apfloat(0, digits);
    }
    if (value.isNaN() || value.isInfinite() || value.classify() != Dfp.FINITE) {
      return null;
    }
    return new Apfloat(value.toString(), digits);
  }
}
