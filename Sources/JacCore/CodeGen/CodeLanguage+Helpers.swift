/// The source of the helper functions a generated unit calls where the language's standard
/// library lacks a function (``CodeLanguage/call(_:_:)``). Each follows `SpecialFunctions`
/// (the same algorithms, so the unit agrees with `--at`): σ and softplus without overflow,
/// ψ by reflection, recurrence and the asymptotic series, ψ⁽ⁿ⁾ by recurrence and its series,
/// B through Γ (for positive arguments past Γ's range, log Γ(a) − log Γ(a + b) by Stirling's
/// series: ``SpecialFunctions/beta(_:_:)``). Julia's Base has no erf or Γ (they are in the SpecialFunctions package), so its
/// units get erf and erfc (the series 2x e^(−x²)/√π Σ (2x²)ⁿ/(1·3·…·(2n + 1)) below 2.5, the
/// continued fraction of erfc above) and Γ by Lanczos' approximation (g = 7, 9 terms). ψ near
/// its positive zero x₀ is its Taylor series there, in h = (x − x₀,hi) − x₀,lo
/// (``SpecialFunctions/digammaZero``; the coefficients are written once, in
/// ``SpecialFunctions/digammaTaylor``, and interpolated into each language's helper).
extension CodeLanguage {
  /// ψ's Taylor coefficients at x₀ as a helper writes them, four to a line, the lines after the
  /// first starting with `indent`.
  static func digammaTaylor(indent: String) -> String {
    let c = SpecialFunctions.digammaTaylor
    return stride(from: 0, to: c.count, by: 4).map { k in
      c[k..<min(k + 4, c.count)].map { "\($0)" }.joined(separator: ", ")
    }.joined(separator: ",\n" + indent)
  }

  /// x₀'s nearest double and the rest, as literals.
  static let digammaZero = ("\(SpecialFunctions.digammaZero.hi)", "\(SpecialFunctions.digammaZero.lo)")

  /// Every helper, in an order where each comes after those it calls.
  static let helperOrder =
    [
      "sign", "heaviside", "relu", "sigmoid", "softplus", "erf", "erfc", "gamma", "loggamma", "digamma", "polygamma",
      "beta", "lambertw",
    ] + integralHelperOrder + ["sinc"]

  /// The definition of helper `name` (`jac_name`) in this language.
  func helperSource(_ name: String) -> String {
    if let source = Self.integralSource(self, name) { return source }
    switch self {
    case .c:
      return "#ifndef JAC_HELPER_\(name.uppercased())\n#define JAC_HELPER_\(name.uppercased())\n"
        + Self.cHelpers[name]! + "#endif\n"
    case .python: return Self.pythonHelpers[name]!
    case .swift: return Self.swiftHelpers[name]!
    case .julia: return Self.juliaHelpers[name]!
    case .matlab: return Self.matlabHelpers[name]!
    }
  }

  /// The integrals' helpers (`CodeLanguage+Integrals.swift`), or nil for another name.
  private static func integralSource(_ language: CodeLanguage, _ name: String) -> String? {
    switch language {
    case .c:
      return cIntegrals[name].map {
        "#ifndef JAC_HELPER_\(name.uppercased())\n#define JAC_HELPER_\(name.uppercased())\n" + $0 + "#endif\n"
      }
    case .python: return pythonIntegrals[name]
    case .swift: return swiftIntegrals[name]
    case .julia: return juliaIntegrals[name]
    case .matlab: return matlabIntegrals[name]
    }
  }

  private static let cHelpers: [String: String] = [
    "lambertw": cLambertW,
    "sign": "static inline double jac_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x; }\n",
    "heaviside": "static inline double jac_heaviside(double x) { return x > 0 ? 1.0 : x <= 0 ? 0.0 : x; }\n",
    "sinc": "static inline double jac_sinc(double x) { return x == 0 ? 1.0 : sin(x) / x; }\n",
    "relu": "static inline double jac_relu(double x) { return x > 0 ? x : x <= 0 ? 0.0 : x; }\n",
    "sigmoid": """
    static inline double jac_sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + exp(-x));
        double e = exp(x);
        return e / (1.0 + e);
    }

    """,
    "softplus": """
    static inline double jac_softplus(double x) { return isnan(x) ? x : fmax(x, 0.0) + log1p(exp(-fabs(x))); }

    """,
    "digamma": """
    static inline double jac_digamma(double x) {
        if (isnan(x) || (x <= 0 && x == floor(x))) return (double)NAN;
        if (x < 0) return jac_digamma(1.0 - x) - 3.141592653589793 / tan(3.141592653589793 * (x - round(x)));
        if (fabs(x - \(digammaZero.0)) < 0.125) {
            static const double c[\(SpecialFunctions.digammaTaylor.count)] = {
                \(digammaTaylor(indent: "            "))};
            double h = (x - \(digammaZero.0)) - \(digammaZero.1), s = 0.0;
            for (int k = \(SpecialFunctions.digammaTaylor.count - 1); k >= 0; k--) s = s * h + c[k];
            return s * h;
        }
        double s = 0.0;
        while (x < 12) { s -= 1.0 / x; x += 1.0; }
        double y2 = 1.0 / (x * x);
        return s + log(x) - 0.5 / x - y2 * (1.0 / 12 - y2 * (1.0 / 120 - y2 * (1.0 / 252 - y2 * (1.0 / 240
            - y2 * (1.0 / 132 - y2 * (691.0 / 32760 - y2 / 12))))));
    }

    """,
    "polygamma": """
    static inline double jac_polygamma(double n, double x) {
        static const double b[7] = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6};
        if (!(n >= 0 && n <= 100 && n == floor(n)) || isnan(x) || (x <= 0 && x == floor(x)) || x < -1e6) return (double)NAN;
        if (n == 0) return jac_digamma(x);
        if (x < 0) {
            /* Reflection: psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x)), P_0 = c,
               P_(k+1) = -(1 + c^2) P_k'(c): the sum below would cancel at x < 0. */
            double p[102] = {0.0}, q[102];
            int m = (int)n;
            p[1] = 1.0;
            for (int k = 0; k < m; k++) {
                for (int j = 0; j <= k + 2; j++) q[j] = 0.0;
                for (int j = 1; j <= k + 1; j++) { q[j - 1] -= j * p[j]; q[j + 1] -= j * p[j]; }
                for (int j = 0; j <= k + 2; j++) p[j] = q[j];
            }
            /* cot(pi r) = sin(pi (1/2 - |r|))/sin(pi r), r = x - round(x): exactly 0 at half-integers. */
            double r = x - round(x), v = 0.0;
            double c = copysign(sin(3.141592653589793 * (0.5 - fabs(r))), r) / sin(3.141592653589793 * fabs(r));
            for (int j = m + 1; j >= 0; j--) v = v * c + p[j];
            double w = jac_polygamma(n, 1.0 - x);
            return (m % 2 == 1 ? -w : w) - pow(3.141592653589793, n + 1) * v;
        }
        double s = 0.0, y = x;
        while (y < 2 * n + 20) { s += pow(y, -(n + 1)); y += 1.0; }
        double sum = 1.0 / pow(y, n) + n / (2 * pow(y, n + 1)), ratio = 1.0;
        for (int k = 1; k <= 7; k++) {
            ratio *= (2 * k + n - 2) * (2 * k + n - 1) / ((2.0 * k - 1) * (2.0 * k));
            sum += b[k - 1] * ratio / pow(y, 2 * k + n);
        }
        double m = tgamma(n + 1) * s + tgamma(n) * sum;
        return fmod(n, 2.0) == 1.0 ? m : -m;
    }

    """,
    "beta": """
    static inline double jac_stirling_tail(double x) {
        double y2 = 1.0 / (x * x);
        return (1.0 / 12 - y2 * (1.0 / 360 - y2 * (1.0 / 1260 - y2 / 1680))) / x;
    }
    static inline double jac_beta(double a, double b) {
        if (isnan(a) || isnan(b) || (a <= 0 && a == floor(a)) || (b <= 0 && b == floor(b))) return (double)NAN;
        if (a + b <= 0 && a + b == floor(a + b)) return 0.0;
        if (fmax(fmax(fabs(a), fabs(b)), fabs(a + b)) < 170) return tgamma(a) * tgamma(b) / tgamma(a + b);
        if (a > 0 && b > 0) {
            double p = fmax(a, b), q = fmin(a, b);
            return exp(lgamma(q) - (p - 0.5) * log1p(q / p) - q * log(p + q) + q + jac_stirling_tail(p)
                - jac_stirling_tail(p + q));
        }
        double s = (signbit(tgamma(a)) ? -1.0 : 1.0) * (signbit(tgamma(b)) ? -1.0 : 1.0)
            * (signbit(tgamma(a + b)) ? -1.0 : 1.0);
        return s * exp(lgamma(a) + lgamma(b) - lgamma(a + b));
    }

    """,
  ]

  private static let pythonHelpers: [String: String] = [
    "lambertw": pythonLambertW,
    "sign": "def jac_sign(x):\n    return x if x != x else float((x > 0) - (x < 0))\n\n\n",
    "heaviside": "def jac_heaviside(x):\n    return x if x != x else (1.0 if x > 0 else 0.0)\n\n\n",
    "sinc": "def jac_sinc(x):\n    return 1.0 if x == 0 else math.sin(x) / x\n\n\n",
    "relu": "def jac_relu(x):\n    return x if x != x else (x if x > 0 else 0.0)\n\n\n",
    "sigmoid": """
    def jac_sigmoid(x):
        if x >= 0:
            return 1.0 / (1.0 + math.exp(-x))
        e = math.exp(x)
        return e / (1.0 + e)


    """,
    "softplus": """
    def jac_softplus(x):
        return x if x != x else max(x, 0.0) + math.log1p(math.exp(-abs(x)))


    """,
    "digamma": """
    def jac_digamma(x):
        if x != x or (x <= 0 and x == math.floor(x)):
            return math.nan
        if x < 0:
            r = x - math.copysign(math.floor(abs(x) + 0.5), x)
            return jac_digamma(1.0 - x) - math.pi / math.tan(math.pi * r)
        if abs(x - \(digammaZero.0)) < 0.125:
            h, s = (x - \(digammaZero.0)) - \(digammaZero.1), 0.0
            for c in reversed((
                    \(digammaTaylor(indent: "                ")))):
                s = s * h + c
            return s * h
        s = 0.0
        while x < 12:
            s -= 1.0 / x
            x += 1.0
        y2 = 1.0 / (x * x)
        return s + math.log(x) - 0.5 / x - y2 * (1.0 / 12 - y2 * (1.0 / 120 - y2 * (1.0 / 252 - y2 * (
            1.0 / 240 - y2 * (1.0 / 132 - y2 * (691.0 / 32760 - y2 / 12))))))


    """,
    "polygamma": """
    def jac_polygamma(n, x):
        if not (0 <= n <= 100 and n == math.floor(n)) or x != x or (x <= 0 and x == math.floor(x)) or x < -1e6:
            return math.nan
        if n == 0:
            return jac_digamma(x)
        if x < 0:
            # Reflection: psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x)), P_0 = c,
            # P_(k+1) = -(1 + c^2) P_k'(c): the sum below would cancel at x < 0.
            m = int(n)
            p = [0.0, 1.0] + [0.0] * m
            for k in range(m):
                q = [0.0] * (m + 2)
                for j in range(1, k + 2):
                    q[j - 1] -= j * p[j]
                    q[j + 1] -= j * p[j]
                p = q
            r = x - round(x)
            c = math.copysign(math.sin(math.pi * (0.5 - abs(r))), r) / math.sin(math.pi * abs(r))
            v = 0.0
            for coefficient in reversed(p):
                v = v * c + coefficient
            w = jac_polygamma(n, 1.0 - x)
            return (-w if m % 2 == 1 else w) - math.pi ** (n + 1) * v
        b = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6]
        s, y = 0.0, x
        while y < 2 * n + 20:
            s += y ** -(n + 1)
            y += 1.0
        total, ratio = 1.0 / y ** n + n / (2 * y ** (n + 1)), 1.0
        for k in range(1, 8):
            ratio *= (2 * k + n - 2) * (2 * k + n - 1) / ((2.0 * k - 1) * (2.0 * k))
            total += b[k - 1] * ratio / y ** (2 * k + n)
        m = math.gamma(n + 1) * s + math.gamma(n) * total
        return m if n % 2 == 1 else -m


    """,
    "beta": """
    def jac_beta(a, b):
        if a != a or b != b or (a <= 0 and a == math.floor(a)) or (b <= 0 and b == math.floor(b)):
            return math.nan
        if a + b <= 0 and a + b == math.floor(a + b):
            return 0.0
        if max(abs(a), abs(b), abs(a + b)) < 170:
            return math.gamma(a) * math.gamma(b) / math.gamma(a + b)
        if a > 0 and b > 0:
            def tail(x):
                y2 = 1.0 / (x * x)
                return (1.0 / 12 - y2 * (1.0 / 360 - y2 * (1.0 / 1260 - y2 / 1680))) / x
            p, q = max(a, b), min(a, b)
            return math.exp(math.lgamma(q) - (p - 0.5) * math.log1p(q / p) - q * math.log(p + q) + q + tail(p)
                            - tail(p + q))
        def sign(x):
            return 1.0 if x > 0 or (-math.floor(x)) % 2 == 0 else -1.0
        return sign(a) * sign(b) * sign(a + b) * math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))


    """,
  ]
}
