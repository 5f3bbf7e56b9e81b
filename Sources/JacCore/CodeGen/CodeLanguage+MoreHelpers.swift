/// Helpers in Swift, Julia and MATLAB (see `CodeLanguage+Helpers.swift`).
extension CodeLanguage {
  static let swiftHelpers: [String: String] = [
    "lambertw": swiftLambertW,
    "sign": "func jac_sign(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x }\n\n",
    "heaviside": "func jac_heaviside(_ x: Double) -> Double { x > 0 ? 1 : x <= 0 ? 0 : x }\n\n",
    "sinc": "func jac_sinc(_ x: Double) -> Double { x == 0 ? 1 : sin(x) / x }\n\n",
    "relu": "func jac_relu(_ x: Double) -> Double { x > 0 ? x : x <= 0 ? 0 : x }\n\n",
    "sigmoid": """
    func jac_sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }


    """,
    "softplus": """
    func jac_softplus(_ x: Double) -> Double { x.isNaN ? x : max(x, 0) + log1p(exp(-abs(x))) }


    """,
    "digamma": """
    func jac_digamma(_ x: Double) -> Double {
        if x.isNaN || (x <= 0 && x == x.rounded(.down)) { return .nan }
        if x < 0 { return jac_digamma(1 - x) - Double.pi / tan(Double.pi * (x - x.rounded())) }
        if abs(x - \(digammaZero.0)) < 0.125 {
            let c: [Double] = [
                \(digammaTaylor(indent: "            "))]
            let h = (x - \(digammaZero.0)) - \(digammaZero.1)
            return h * c.reversed().reduce(0) { $0 * h + $1 }
        }
        var (y, s) = (x, 0.0)
        while y < 12 { s -= 1 / y; y += 1 }
        let y2: Double = 1 / (y * y)
        let a: Double = 1 / 132 - y2 * (691 / 32760 - y2 / 12)
        let c: Double = 1 / 120 - y2 * (1 / 252 - y2 * (1 / 240 - y2 * a))
        let series: Double = y2 * (1 / 12 - y2 * c)
        return s + log(y) - 0.5 / y - series
    }


    """,
    "polygamma": """
    func jac_polygamma(_ n: Double, _ x: Double) -> Double {
        if !(n >= 0 && n <= 100 && n == n.rounded(.down)) || x.isNaN || (x <= 0 && x == x.rounded(.down)) || x < -1e6 {
            return .nan
        }
        if n == 0 { return jac_digamma(x) }
        if x < 0 {
            // Reflection: psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x)), P_0 = c,
            // P_(k+1) = -(1 + c^2) P_k'(c): the sum below would cancel at x < 0.
            let m = Int(n)
            var p = [Double](repeating: 0, count: m + 3)
            p[1] = 1
            for k in 0..<m {
                var q = [Double](repeating: 0, count: m + 3)
                for j in 1...(k + 1) {
                    q[j - 1] -= Double(j) * p[j]
                    q[j + 1] -= Double(j) * p[j]
                }
                p = q
            }
            let r = x - x.rounded()
            let c = Double(signOf: r, magnitudeOf: sin(Double.pi * (0.5 - abs(r)))) / sin(Double.pi * abs(r))
            let v = p.reversed().reduce(0.0) { $0 * c + $1 }
            let w = jac_polygamma(n, 1 - x)
            return (m % 2 == 1 ? -w : w) - pow(Double.pi, n + 1) * v
        }
        let b: [Double] = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6]
        var s = 0.0
        var y = x
        while y < 2 * n + 20 { s += pow(y, -(n + 1)); y += 1 }
        let tail: Double = n / (2 * pow(y, n + 1))
        var sum: Double = 1 / pow(y, n) + tail
        var ratio = 1.0
        for k in 1...7 {
            let k2 = Double(2 * k)
            ratio *= (k2 + n - 2) * (k2 + n - 1) / ((k2 - 1) * k2)
            sum += b[k - 1] * ratio / pow(y, k2 + n)
        }
        let m = tgamma(n + 1) * s + tgamma(n) * sum
        return n.truncatingRemainder(dividingBy: 2) == 1 ? m : -m
    }


    """,
    "beta": """
    func jac_beta(_ a: Double, _ b: Double) -> Double {
        func pole(_ x: Double) -> Bool { x <= 0 && x == x.rounded(.down) }
        func sign(_ x: Double) -> Double { x > 0 || (-x.rounded(.down)).truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1 }
        if a.isNaN || b.isNaN || pole(a) || pole(b) { return .nan }
        if pole(a + b) { return 0 }
        if max(abs(a), abs(b), abs(a + b)) < 170 { return tgamma(a) * tgamma(b) / tgamma(a + b) }
        if a > 0 && b > 0 {
            func tail(_ x: Double) -> Double {
                let y2 = 1 / (x * x)
                return (1.0 / 12 - y2 * (1.0 / 360 - y2 * (1.0 / 1260 - y2 / 1680))) / x
            }
            let (p, q) = (max(a, b), min(a, b))
            return exp(lgamma(q) - (p - 0.5) * log1p(q / p) - q * log(p + q) + q + tail(p) - tail(p + q))
        }
        return sign(a) * sign(b) * sign(a + b) * exp(lgamma(a) + lgamma(b) - lgamma(a + b))
    }


    """,
  ]

  static let juliaHelpers: [String: String] = [
    "lambertw": juliaLambertW,
    "heaviside": "jac_heaviside(x) = isnan(x) ? x : (x > 0 ? 1.0 : 0.0)\n\n",
    "sinc": "jac_sinc(x) = x == 0 ? 1.0 : sin(x) / x\n\n",
    "relu": "jac_relu(x) = isnan(x) ? x : (x > 0 ? x : 0.0)\n\n",
    "sigmoid": "jac_sigmoid(x) = x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))\n\n",
    "softplus": "jac_softplus(x) = isnan(x) ? x : max(x, 0.0) + log1p(exp(-abs(x)))\n\n",
    "erf": """
    function jac_erf(x)
        isnan(x) && return x
        abs(x) >= 2.5 && return sign(x) * (1 - jac_erfc(abs(x)))
        term, s, n = 1.0, 1.0, 0
        while term > 1e-17 * s
            n += 1
            term *= 2 * x * x / (2n + 1)
            s += term
        end
        return 2 * x * exp(-x * x) / sqrt(pi) * s
    end

    """,
    "erfc": """
    function jac_erfc(x)
        (isnan(x) || x < 2.5) && return 1 - jac_erf(x)
        f = x
        for k in 60:-1:1
            f = x + (k / 2) / f
        end
        return exp(-x * x) / (sqrt(pi) * f)
    end

    """,
    "gamma": """
    const jac_lanczos = (0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7)

    function jac_gamma(x)
        (isnan(x) || (x <= 0 && x == floor(x))) && return NaN
        x < 0.5 && return pi / (sin(pi * x) * jac_gamma(1 - x))
        x -= 1
        a = jac_lanczos[1] + sum(jac_lanczos[i + 1] / (x + i) for i in 1:8)
        t = x + 7.5
        return sqrt(2pi) * t^(x + 0.5) * exp(-t) * a
    end

    """,
    "loggamma": """
    function jac_loggamma(x)
        (isnan(x) || (x <= 0 && x == floor(x))) && return NaN
        if x < 0.5
            g = jac_gamma(x)
            return g > 0 ? log(g) : NaN
        end
        x -= 1
        a = jac_lanczos[1] + sum(jac_lanczos[i + 1] / (x + i) for i in 1:8)
        t = x + 7.5
        return 0.5 * log(2pi) + (x + 0.5) * log(t) - t + log(a)
    end

    """,
    "digamma": """
    function jac_digamma(x)
        (isnan(x) || (x <= 0 && x == floor(x))) && return NaN
        x < 0 && return jac_digamma(1 - x) - pi / tan(pi * (x - round(x, RoundNearestTiesAway)))
        if abs(x - \(digammaZero.0)) < 0.125
            h = (x - \(digammaZero.0)) - \(digammaZero.1)
            return h * evalpoly(h, (
                \(digammaTaylor(indent: "            "))))
        end
        s = 0.0
        while x < 12
            s -= 1 / x
            x += 1
        end
        y2 = 1 / (x * x)
        return s + log(x) - 0.5 / x - y2 * (1 / 12 - y2 * (1 / 120 - y2 * (1 / 252 - y2 * (1 / 240 -
            y2 * (1 / 132 - y2 * (691 / 32760 - y2 / 12))))))
    end

    """,
    "polygamma": """
    function jac_polygamma(n, x)
        (!(0 <= n <= 100 && n == floor(n)) || isnan(x) || (x <= 0 && x == floor(x)) || x < -1e6) && return NaN
        n == 0 && return jac_digamma(x)
        if x < 0
            # Reflection: psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x)), P_0 = c,
            # P_(k+1) = -(1 + c^2) P_k'(c): the sum below would cancel at x < 0.
            m = Int(n)
            p = zeros(m + 3)
            p[2] = 1.0
            for k in 0:m-1
                q = zeros(m + 3)
                for j in 1:k+1
                    q[j] -= j * p[j + 1]
                    q[j + 2] -= j * p[j + 1]
                end
                p = q
            end
            r = x - round(x)
            c = copysign(sin(pi * (0.5 - abs(r))), r) / sin(pi * abs(r))
            v = foldr((coefficient, acc) -> acc * c + coefficient, p; init = 0.0)
            w = jac_polygamma(n, 1.0 - x)
            return (isodd(m) ? -w : w) - Float64(pi)^(n + 1) * v
        end
        b = (1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6)
        s, y = 0.0, Float64(x)
        while y < 2n + 20
            s += y^(-(n + 1))
            y += 1
        end
        total, ratio = 1 / y^n + n / (2 * y^(n + 1)), 1.0
        for k in 1:7
            ratio *= (2k + n - 2) * (2k + n - 1) / ((2k - 1) * 2k)
            total += b[k] * ratio / y^(2k + n)
        end
        m = jac_gamma(n + 1) * s + jac_gamma(n) * total
        return n % 2 == 1 ? m : -m
    end

    """,
    "beta": """
    function jac_beta(a, b)
        pole(x) = x <= 0 && x == floor(x)
        (isnan(a) || isnan(b) || pole(a) || pole(b)) && return NaN
        pole(a + b) && return 0.0
        max(abs(a), abs(b), abs(a + b)) < 170 && return jac_gamma(a) * jac_gamma(b) / jac_gamma(a + b)
        if a > 0 && b > 0
            tail(x) = (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x^2)) / x^2) / x^2) / x
            p, q = max(a, b), min(a, b)
            return exp(jac_loggamma(q) - (p - 0.5) * log1p(q / p) - q * log(p + q) + q + tail(p) - tail(p + q))
        end
        sgn(x) = x > 0 || iseven(Int(-floor(x))) ? 1.0 : -1.0
        lg(x) = x > 0 ? jac_loggamma(x) : log(pi / abs(sin(pi * x))) - jac_loggamma(1 - x)
        return sgn(a) * sgn(b) * sgn(a + b) * exp(lg(a) + lg(b) - lg(a + b))
    end

    """,
  ]

  static let matlabHelpers: [String: String] = [
    "lambertw": matlabLambertW,
    "heaviside": "\nfunction y = jac_heaviside(x)\n  y = double(x > 0);\n  if isnan(x)\n    y = x;\n  end\nend\n",
    "sinc": "\nfunction y = jac_sinc(x)\n  if x == 0\n    y = 1;\n  else\n    y = sin(x) / x;\n  end\nend\n",
    "relu": "\nfunction y = jac_relu(x)\n  y = max(x, 0);\n  if isnan(x)\n    y = x;\n  end\nend\n",
    "sigmoid":
      "\nfunction y = jac_sigmoid(x)\n  if x >= 0\n    y = 1/(1 + exp(-x));\n  else\n    y = exp(x)/(1 + exp(x));\n  end\nend\n",
    "softplus":
      "\nfunction y = jac_softplus(x)\n  y = max(x, 0) + log1p(exp(-abs(x)));\n  if isnan(x)\n    y = x;\n  end\nend\n",
  ]
}
