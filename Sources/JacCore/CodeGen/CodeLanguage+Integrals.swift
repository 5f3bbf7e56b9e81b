/// The helpers of erfi, Ei, Si, Ci, Shi, Chi, li and the Fresnel integrals, which no language here
/// has in its standard library (C, Python's `math`, Swift, Julia's Base, MATLAB without
/// toolboxes): ``SpecialFunctions`` step for step (its power series, E₁'s continued fraction,
/// the asymptotic series of erfi and Ei, the complex continued fractions of E₁(it) and of the
/// Fresnel integrals; see `SpecialFunctions+Integrals.swift` for the formulas), so a unit agrees
/// with jac's own values. C and Swift spell the complex arithmetic out in real pairs (C's
/// `<complex.h>` would reserve `I`), with Smith's reciprocal.
///
/// The helpers and what they call: erfi; e1; Ei (e1); reciprocal (C and Swift; empty in the
/// others); sici (reciprocal), Si, Ci (sici); shichi (Ei, e1), Shi,
/// Chi (shichi); li (Ei); fresnel (reciprocal), fresnels, fresnelc (fresnel).
extension CodeLanguage {
  /// The helpers for f, callees first.
  static func integralHelpers(for f: Function) -> [String] {
    switch f {
    case .erfi: return ["erfi"]
    case .ei: return ["e1", "Ei"]
    case .si, .ci: return ["reciprocal", "sici", f.name]
    case .shi, .chi: return ["e1", "Ei", "shichi", f.name]
    case .li: return ["e1", "Ei", "li"]
    case .fresnels, .fresnelc: return ["reciprocal", "fresnel", f.name]
    case .sin, .cos, .tan, .cot, .sec, .csc, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp,
      .log, .abs, .sech, .csch, .coth, .acot, .asec, .acsc, .asech, .acsch, .acoth, .sign, .heaviside, .floor, .ceil,
      .relu, .sigmoid, .softplus, .erf, .erfc, .gamma, .loggamma, .digamma, .lambertw, .sinc:
      return []
    }
  }

  /// The helper names of ``integralHelpers(for:)`` in an order where each follows its callees.
  static let integralHelperOrder = [
    "erfi", "e1", "Ei", "reciprocal", "sici", "Si", "Ci", "shichi", "Shi", "Chi", "li", "fresnel", "fresnels",
    "fresnelc",
  ]

  static let cIntegrals: [String: String] = [
    "erfi": """
    static inline double jac_erfi(double x) {
        double y = fabs(x), v;
        if (isnan(x)) return x;
        if (y <= 6.5) {
            double z = y * y, p = y, s = y;
            for (int k = 1; k < 1000; k++) {
                p *= z / k;
                double t = p / (2.0 * k + 1.0);
                s += t;
                if (t <= s * 1e-17) break;
            }
            v = 2.0 / 1.7724538509055160273 * s;
        } else {
            double q = y * y, e = fma(y, y, -q), inverse = 1.0 / (2.0 * q), t = 1.0, s = 1.0;
            for (int k = 1; k < 200; k++) {
                double next = t * (2.0 * k - 1.0) * inverse;
                if (next >= t || next <= s * 1e-17) break;
                t = next;
                s += t;
            }
            v = exp(q - log(y * 1.7724538509055160273)) * (1.0 + e) * s;
        }
        return x < 0 ? -v : v;
    }

    """,
    "e1": """
    static inline double jac_e1(double y) {
        if (y <= 1.0) {
            double p = 1.0, s = 0.0;
            for (int k = 1; k < 100; k++) {
                p *= -y / k;
                double t = p / k;
                s += t;
                if (fabs(t) <= 1e-17) break;
            }
            return -0.57721566490153286061 - log(y) - s;
        }
        double b = y + 1.0, c = 1e300, d = 1.0 / b, h = d;
        for (int i = 1; i < 10000; i++) {
            double a = -(double)i * i;
            b += 2.0;
            d = 1.0 / (a * d + b);
            c = b + a / c;
            h *= c * d;
            if (fabs(c * d - 1.0) <= 1e-16) break;
        }
        return h * exp(-y);
    }

    """,
    "Ei": """
    static inline double jac_Ei(double x) {
        if (isnan(x)) return x;
        if (x == 0) return -(double)INFINITY;
        if (x < 0) return -jac_e1(-x);
        if (x <= 40.0) {
            double p = 1.0, s = 0.0;
            for (int k = 1; k < 1000; k++) {
                p *= x / k;
                double t = p / k;
                s += t;
                if (t <= s * 1e-17) break;
            }
            return 0.57721566490153286061 + log(x) + s;
        }
        double t = 1.0, s = 1.0;
        for (int k = 1; k < 200; k++) {
            double next = t * k / x;
            if (next >= t || next <= s * 1e-17) break;
            t = next;
            s += t;
        }
        return exp(x - log(x)) * s;
    }

    """,
    "reciprocal": """
    /* 1/(re + i im), in place (Smith's method). */
    static inline void jac_reciprocal(double *re, double *im) {
        double r, d;
        if (fabs(*re) >= fabs(*im)) {
            r = *im / *re; d = *re + *im * r; *re = 1.0 / d; *im = -r / d;
        } else {
            r = *re / *im; d = *re * r + *im; *re = r / d; *im = -1.0 / d;
        }
    }

    """,
    "sici": """
    /* Si(x) and Ci(x): the series to 2, then E1(it) = -Ci t + i(Si t - pi/2) by its continued fraction. */
    static inline void jac_sici(double x, double *si, double *ci) {
        double t = fabs(x), s, c;
        if (isnan(x)) { *si = x; *ci = x; return; }
        if (t == 0) { *si = 0.0; *ci = -(double)INFINITY; return; }
        if (t <= 2.0) {
            double p = t, odd = t, even = 0.0;
            for (int n = 2; n < 200; n++) {
                p *= (n % 2 == 0 ? -1.0 : 1.0) * t / n;
                double term = p / n;
                if (n % 2 == 0) even += term; else odd += term;
                if (fabs(term) <= 1e-17 * fabs(odd)) break;
            }
            s = odd;
            c = 0.57721566490153286061 + log(t) + even;
        } else if (isinf(t)) {
            s = 1.5707963267948966;
            c = 0.0;
        } else {
            double br = 1.0, bi = t, cr = 1e300, ci0 = 0.0, dr = br, di = bi, hr, hi;
            jac_reciprocal(&dr, &di);
            hr = dr; hi = di;
            for (int i = 2; i < 100000; i++) {
                double a = -(double)(i - 1) * (i - 1), er, ei, qr, qi;
                br += 2.0;
                dr = dr * a + br; di = di * a + bi;
                jac_reciprocal(&dr, &di);
                qr = cr; qi = ci0;
                jac_reciprocal(&qr, &qi);
                cr = br + qr * a; ci0 = bi + qi * a;
                er = cr * dr - ci0 * di; ei = cr * di + ci0 * dr;
                qr = hr * er - hi * ei; qi = hr * ei + hi * er;
                hr = qr; hi = qi;
                if (fabs(er - 1.0) + fabs(ei) <= 1e-16) break;
            }
            double co = cos(t), sn = -sin(t), pr = hr * co - hi * sn, pm = hr * sn + hi * co;
            s = 1.5707963267948966 + pm;
            c = -pr;
        }
        *si = x < 0 ? -s : s;
        *ci = x < 0 ? (double)NAN : c;
    }

    """,
    "Si": "static inline double jac_Si(double x) { double s, c; jac_sici(x, &s, &c); return s; }\n",
    "Ci": "static inline double jac_Ci(double x) { double s, c; jac_sici(x, &s, &c); return c; }\n",
    "shichi": """
    /* Shi(x) and Chi(x): the series to 2, then (Ei(t) + E1(t))/2 and (Ei(t) - E1(t))/2. */
    static inline void jac_shichi(double x, double *shi, double *chi) {
        double t = fabs(x), s, c;
        if (isnan(x)) { *shi = x; *chi = x; return; }
        if (t == 0) { *shi = 0.0; *chi = -(double)INFINITY; return; }
        if (t <= 2.0) {
            double p = t, odd = t, even = 0.0;
            for (int n = 2; n < 200; n++) {
                p *= t / n;
                double term = p / n;
                if (n % 2 == 0) even += term; else odd += term;
                if (fabs(term) <= 1e-17 * fabs(odd)) break;
            }
            s = odd;
            c = 0.57721566490153286061 + log(t) + even;
        } else {
            double a = jac_Ei(t), b = jac_e1(t);
            s = (a + b) / 2.0;
            c = (a - b) / 2.0;
        }
        *shi = x < 0 ? -s : s;
        *chi = x < 0 ? (double)NAN : c;
    }

    """,
    "Shi": "static inline double jac_Shi(double x) { double s, c; jac_shichi(x, &s, &c); return s; }\n",
    "Chi": "static inline double jac_Chi(double x) { double s, c; jac_shichi(x, &s, &c); return c; }\n",
    "li": """
    static inline double jac_li(double x) {
        if (isnan(x) || x < 0) return (double)NAN;
        return x == 0 ? 0.0 : jac_Ei(log(x));
    }

    """,
    "fresnel": """
    /* S(x) and C(x): the series below 1.5, then the continued fraction of erfc((1 - i) sqrt(pi) t/2). */
    static inline void jac_fresnel(double x, double *s, double *c) {
        double t = fabs(x), sv, cv;
        if (isnan(x)) { *s = x; *c = x; return; }
        if (t < 1.5) {
            double a = 1.5707963267948966 * t * t, m = -a * a, pc = 1.0, ps = 1.0, sc = 1.0, ss = 1.0 / 3.0;
            for (int k = 1; k < 200; k++) {
                pc *= m / ((2.0 * k - 1.0) * (2.0 * k));
                ps *= m / ((2.0 * k) * (2.0 * k + 1.0));
                double tc = pc / (4.0 * k + 1.0), ts = ps / (4.0 * k + 3.0);
                sc += tc;
                ss += ts;
                if (fabs(tc) <= 1e-17 && fabs(ts) <= 1e-17) break;
            }
            sv = t * a * ss;
            cv = t * sc;
        } else if (isinf(t)) {
            sv = 0.5;
            cv = 0.5;
        } else {
            double br = 1.0, bi = -(3.141592653589793 * t * t), cr = 1e300, ci = 0.0, dr = br, di = bi, hr, hi;
            double n = -1.0;
            jac_reciprocal(&dr, &di);
            hr = dr; hi = di;
            for (int k = 2; k < 100000; k++) {
                double a, er, ei, qr, qi;
                n += 2.0;
                a = -n * (n + 1.0);
                br += 4.0;
                dr = dr * a + br; di = di * a + bi;
                jac_reciprocal(&dr, &di);
                qr = cr; qi = ci;
                jac_reciprocal(&qr, &qi);
                cr = br + qr * a; ci = bi + qi * a;
                er = cr * dr - ci * di; ei = cr * di + ci * dr;
                qr = hr * er - hi * ei; qi = hr * ei + hi * er;
                hr = qr; hi = qi;
                if (fabs(er - 1.0) + fabs(ei) <= 1e-16) break;
            }
            double gr = hr * t + hi * t, gi = hi * t - hr * t;
            double square = t * t, phase = 1.5707963267948966 * (fmod(square, 4.0) + fma(t, t, -square));
            double co = cos(phase), sn = sin(phase), ur = 1.0 - (co * gr - sn * gi), ui = -(co * gi + sn * gr);
            cv = 0.5 * ur - 0.5 * ui;
            sv = 0.5 * ui + 0.5 * ur;
        }
        *s = x < 0 ? -sv : sv;
        *c = x < 0 ? -cv : cv;
    }

    """,
    "fresnels": "static inline double jac_fresnels(double x) { double s, c; jac_fresnel(x, &s, &c); return s; }\n",
    "fresnelc": "static inline double jac_fresnelc(double x) { double s, c; jac_fresnel(x, &s, &c); return c; }\n",
  ]
}
