/// The integrals' helpers in Swift: ``SpecialFunctions``' algorithms, the complex continued
/// fractions in real pairs (no complex type in the standard library); see
/// `CodeLanguage+Integrals.swift`. Every local has its type written, for the type checker's speed.
extension CodeLanguage {
  static let swiftIntegrals: [String: String] = [
    "erfi": """
    func jac_erfi(_ x: Double) -> Double {
        if x.isNaN { return x }
        let y: Double = abs(x)
        var v: Double
        if y <= 6.5 {
            let z: Double = y * y
            var p: Double = y
            var s: Double = y
            var k: Double = 1
            while k < 1000 {
                p *= z / k
                let t: Double = p / (2 * k + 1)
                s += t
                if t <= s * 1e-17 { break }
                k += 1
            }
            v = 2 / 1.7724538509055160273 * s
        } else {
            let q: Double = y * y
            let e: Double = fma(y, y, -q)
            let inverse: Double = 1 / (2 * q)
            var t: Double = 1
            var s: Double = 1
            var k: Double = 1
            while k < 200 {
                let next: Double = t * (2 * k - 1) * inverse
                if next >= t || next <= s * 1e-17 { break }
                t = next
                s += t
                k += 1
            }
            v = exp(q - log(y * 1.7724538509055160273)) * (1 + e) * s
        }
        return x < 0 ? -v : v
    }


    """,
    "e1": """
    func jac_e1(_ y: Double) -> Double {
        if y <= 1 {
            var p: Double = 1
            var s: Double = 0
            var k: Double = 1
            while k < 100 {
                p *= -y / k
                let t: Double = p / k
                s += t
                if abs(t) <= 1e-17 { break }
                k += 1
            }
            return -0.57721566490153286061 - log(y) - s
        }
        var b: Double = y + 1
        var c: Double = 1e300
        var d: Double = 1 / b
        var h: Double = d
        var i: Double = 1
        while i < 10000 {
            let a: Double = -i * i
            b += 2
            d = 1 / (a * d + b)
            c = b + a / c
            let delta: Double = c * d
            h *= delta
            if abs(delta - 1) <= 1e-16 { break }
            i += 1
        }
        return h * exp(-y)
    }


    """,
    "Ei": """
    func jac_Ei(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x == 0 { return -.infinity }
        if x < 0 { return -jac_e1(-x) }
        if x <= 40 {
            var p: Double = 1
            var s: Double = 0
            var k: Double = 1
            while k < 1000 {
                p *= x / k
                let t: Double = p / k
                s += t
                if t <= s * 1e-17 { break }
                k += 1
            }
            return 0.57721566490153286061 + log(x) + s
        }
        var t: Double = 1
        var s: Double = 1
        var k: Double = 1
        while k < 200 {
            let next: Double = t * k / x
            if next >= t || next <= s * 1e-17 { break }
            t = next
            s += t
            k += 1
        }
        return exp(x - log(x)) * s
    }


    """,
    "reciprocal": """
    /// 1/(re + i·im) by Smith's method.
    func jac_reciprocal(_ re: Double, _ im: Double) -> (Double, Double) {
        if abs(re) >= abs(im) {
            let r: Double = im / re
            let d: Double = re + im * r
            return (1 / d, -r / d)
        }
        let r: Double = re / im
        let d: Double = re * r + im
        return (r / d, -1 / d)
    }


    """,
    "sici": """
    /// Si(x), Ci(x): the series to 2, then E1(it) = -Ci t + i(Si t - pi/2) by its continued fraction.
    func jac_sici(_ x: Double) -> (Double, Double) {
        if x.isNaN { return (x, x) }
        let t: Double = abs(x)
        if t == 0 { return (0, -.infinity) }
        var s: Double
        var c: Double
        if t <= 2 {
            var p: Double = t
            var odd: Double = t
            var even: Double = 0
            var n: Double = 2
            while n < 200 {
                let even2: Bool = n.truncatingRemainder(dividingBy: 2) == 0
                p *= (even2 ? -1 : 1) * t / n
                let term: Double = p / n
                if even2 { even += term } else { odd += term }
                if abs(term) <= 1e-17 * abs(odd) { break }
                n += 1
            }
            (s, c) = (odd, 0.57721566490153286061 + log(t) + even)
        } else if t.isInfinite {
            (s, c) = (1.5707963267948966, 0)
        } else {
            var (br, bi): (Double, Double) = (1, t)
            var (cr, ci): (Double, Double) = (1e300, 0)
            var (dr, di): (Double, Double) = jac_reciprocal(br, bi)
            var (hr, hi): (Double, Double) = (dr, di)
            var i: Double = 2
            while i < 100000 {
                let a: Double = -(i - 1) * (i - 1)
                br += 2
                (dr, di) = jac_reciprocal(dr * a + br, di * a + bi)
                let (qr, qi): (Double, Double) = jac_reciprocal(cr, ci)
                (cr, ci) = (br + qr * a, bi + qi * a)
                let (er, ei): (Double, Double) = (cr * dr - ci * di, cr * di + ci * dr)
                (hr, hi) = (hr * er - hi * ei, hr * ei + hi * er)
                if abs(er - 1) + abs(ei) <= 1e-16 { break }
                i += 1
            }
            let (co, sn): (Double, Double) = (cos(t), -sin(t))
            (s, c) = (1.5707963267948966 + (hr * sn + hi * co), -(hr * co - hi * sn))
        }
        return (x < 0 ? -s : s, x < 0 ? .nan : c)
    }


    """,
    "Si": "func jac_Si(_ x: Double) -> Double { jac_sici(x).0 }\n\n",
    "Ci": "func jac_Ci(_ x: Double) -> Double { jac_sici(x).1 }\n\n",
    "shichi": """
    /// Shi(x), Chi(x): the series to 2, then (Ei(t) + E1(t))/2 and (Ei(t) - E1(t))/2.
    func jac_shichi(_ x: Double) -> (Double, Double) {
        if x.isNaN { return (x, x) }
        let t: Double = abs(x)
        if t == 0 { return (0, -.infinity) }
        var s: Double
        var c: Double
        if t <= 2 {
            var p: Double = t
            var odd: Double = t
            var even: Double = 0
            var n: Double = 2
            while n < 200 {
                p *= t / n
                let term: Double = p / n
                if n.truncatingRemainder(dividingBy: 2) == 0 { even += term } else { odd += term }
                if abs(term) <= 1e-17 * abs(odd) { break }
                n += 1
            }
            (s, c) = (odd, 0.57721566490153286061 + log(t) + even)
        } else {
            let a: Double = jac_Ei(t)
            let b: Double = jac_e1(t)
            (s, c) = ((a + b) / 2, (a - b) / 2)
        }
        return (x < 0 ? -s : s, x < 0 ? .nan : c)
    }


    """,
    "Shi": "func jac_Shi(_ x: Double) -> Double { jac_shichi(x).0 }\n\n",
    "Chi": "func jac_Chi(_ x: Double) -> Double { jac_shichi(x).1 }\n\n",
    "li": """
    func jac_li(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        return x == 0 ? 0 : jac_Ei(log(x))
    }


    """,
    "fresnel": """
    /// S(x), C(x): the series below 1.5, then the continued fraction of erfc((1 - i) sqrt(pi) t/2).
    func jac_fresnel(_ x: Double) -> (Double, Double) {
        if x.isNaN { return (x, x) }
        let t: Double = abs(x)
        var s: Double
        var c: Double
        if t < 1.5 {
            let a: Double = 1.5707963267948966 * t * t
            let m: Double = -a * a
            var (pc, ps, sc, ss): (Double, Double, Double, Double) = (1, 1, 1, 1.0 / 3)
            var k: Double = 1
            while k < 200 {
                pc *= m / ((2 * k - 1) * (2 * k))
                ps *= m / ((2 * k) * (2 * k + 1))
                let (tc, ts): (Double, Double) = (pc / (4 * k + 1), ps / (4 * k + 3))
                sc += tc
                ss += ts
                if abs(tc) <= 1e-17 && abs(ts) <= 1e-17 { break }
                k += 1
            }
            (s, c) = (t * a * ss, t * sc)
        } else if t.isInfinite {
            (s, c) = (0.5, 0.5)
        } else {
            var (br, bi): (Double, Double) = (1, -(3.141592653589793 * t * t))
            var (cr, ci): (Double, Double) = (1e300, 0)
            var (dr, di): (Double, Double) = jac_reciprocal(br, bi)
            var (hr, hi): (Double, Double) = (dr, di)
            var n: Double = -1
            var k: Double = 2
            while k < 100000 {
                n += 2
                let a: Double = -n * (n + 1)
                br += 4
                (dr, di) = jac_reciprocal(dr * a + br, di * a + bi)
                let (qr, qi): (Double, Double) = jac_reciprocal(cr, ci)
                (cr, ci) = (br + qr * a, bi + qi * a)
                let (er, ei): (Double, Double) = (cr * dr - ci * di, cr * di + ci * dr)
                (hr, hi) = (hr * er - hi * ei, hr * ei + hi * er)
                if abs(er - 1) + abs(ei) <= 1e-16 { break }
                k += 1
            }
            let (gr, gi): (Double, Double) = (hr * t + hi * t, hi * t - hr * t)
            let square: Double = t * t
            let phase: Double = 1.5707963267948966 * (fmod(square, 4) + fma(t, t, -square))
            let (co, sn): (Double, Double) = (cos(phase), sin(phase))
            let (ur, ui): (Double, Double) = (1 - (co * gr - sn * gi), -(co * gi + sn * gr))
            (s, c) = (0.5 * ui + 0.5 * ur, 0.5 * ur - 0.5 * ui)
        }
        return (x < 0 ? -s : s, x < 0 ? -c : c)
    }


    """,
    "fresnels": "func jac_fresnels(_ x: Double) -> Double { jac_fresnel(x).0 }\n\n",
    "fresnelc": "func jac_fresnelc(_ x: Double) -> Double { jac_fresnel(x).1 }\n\n",
  ]
}
