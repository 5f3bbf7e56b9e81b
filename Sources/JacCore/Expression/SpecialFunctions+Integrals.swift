#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The integrals of elementary functions in `Double`: erfi, Ei (and E₁), Si and Ci, Shi and Chi,
/// li, the Fresnel integrals, and sinc. Each is a power series where its terms do not cancel
/// much, and an asymptotic series or a continued fraction beyond (the methods of Numerical
/// Recipes §6.3, §6.8, §6.9 and DLMF chapters 6 and 7), checked against mpmath to 1e-13
/// relative in `SpecialFunctionTests+Integrals` away from the functions' zeros (near a zero
/// the error is absolute: Ei near 0.3725, Ci near 0.6165, Chi near 0.5238).
extension SpecialFunctions {
  /// The Euler–Mascheroni constant γ.
  static let eulerGamma = 0.577_215_664_901_532_860_61
  /// The relative size of the last term a series or continued fraction keeps.
  static let seriesTolerance = 1e-17

  /// erfi x = (2/√π) Σₖ x^(2k+1)/(k!·(2k + 1)) (DLMF 7.6.1 at ix; positive terms) for |x| ≤ 6.5;
  /// above, erfi x ~ e^(x²)/(x√π) Σₖ (2k − 1)!!/(2x²)ᵏ (DLMF 7.12.1 at ix), its terms still
  /// below 10^(−17) when they stop falling. e^(x²) is e^s·(1 + ε) with x² = s + ε exactly.
  static func erfi(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    let y = Swift.abs(x)
    let rootPi = 1.772_453_850_905_516_027_3
    var value: Double
    if y <= 6.5 {
      let z = y * y
      var p = y
      var sum = y
      var k = 1.0
      while true {
        p *= z / k
        let t = p / (2 * k + 1)
        sum += t
        if t <= sum * seriesTolerance { break }
        k += 1
      }
      value = 2 / rootPi * sum
    } else {
      let s = y * y
      let e = fma(y, y, -s)
      let inverse = 1 / (2 * s)
      var t = 1.0
      var sum = 1.0
      var k = 1.0
      while k < 200 {
        let next = t * (2 * k - 1) * inverse
        if next >= t || next <= sum * seriesTolerance { break }
        t = next
        sum += t
        k += 1
      }
      value = exp(s - log(y * rootPi)) * (1 + e) * sum
    }
    return x < 0 ? -value : value
  }

  /// Ei x: γ + log x + Σₖ≥₁ xᵏ/(k·k!) (DLMF 6.6.2; positive terms) for 0 < x ≤ 40; above,
  /// Ei x ~ (eˣ/x) Σₖ k!/xᵏ (DLMF 6.12.2) to its smallest term (below 10^(−16) past 40); for
  /// x < 0, Ei x = −E₁(−x). Ei 0 = −∞, as log 0.
  static func ei(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x == 0 { return -.infinity }
    if x < 0 { return -e1(-x) }
    if x <= 40 {
      var p = 1.0
      var sum = 0.0
      var k = 1.0
      while true {
        p *= x / k
        let t = p / k
        sum += t
        if t <= sum * seriesTolerance { break }
        k += 1
      }
      return eulerGamma + log(x) + sum
    }
    var t = 1.0
    var sum = 1.0
    var k = 1.0
    while k < 200 {
      let next = t * k / x
      if next >= t || next <= sum * seriesTolerance { break }
      t = next
      sum += t
      k += 1
    }
    return exp(x - log(x)) * sum
  }

  /// E₁(y) = ∫_y^∞ e^(−t)/t dt for y > 0: −γ − log y − Σₖ≥₁ (−y)ᵏ/(k·k!) (DLMF 6.6.2) for
  /// y ≤ 1, the continued fraction e^(−y)·1/(y + 1 − 1²/(y + 3 − 2²/(y + 5 − …))) (DLMF 6.9.1,
  /// evaluated by Lentz's method as in Numerical Recipes §6.3) above.
  static func e1(_ y: Double) -> Double {
    if y <= 1 {
      var p = 1.0
      var sum = 0.0
      var k = 1.0
      while true {
        p *= -y / k
        let t = p / k
        sum += t
        if Swift.abs(t) <= seriesTolerance { break }
        k += 1
      }
      return -eulerGamma - log(y) - sum
    }
    let tiny = 1e-300
    var b = y + 1
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    var i = 1.0
    while i < 10_000 {
      let a = -i * i
      b += 2
      d = 1 / (a * d + b)
      c = b + a / c
      let delta = c * d
      h *= delta
      if Swift.abs(delta - 1) <= 1e-16 { break }
      i += 1
    }
    return h * exp(-y)
  }

  /// Si x (odd) and Ci x (real for x > 0; Ci 0 = −∞, NaN below), for t = |x|: the series
  /// Si t = Σₖ (−1)ᵏ t^(2k+1)/((2k + 1)·(2k + 1)!), Ci t = γ + log t + Σₖ≥₁ (−1)ᵏ t^(2k)/(2k·(2k)!)
  /// (DLMF 6.6.5, 6.6.6) for t ≤ 2; above, E₁(it) = −Ci t + i(Si t − π/2) (DLMF 6.5.5) by the
  /// continued fraction of DLMF 6.9.1 in complex arithmetic (Numerical Recipes §6.9).
  static func sici(_ x: Double) -> (si: Double, ci: Double) {
    if x.isNaN { return (.nan, .nan) }
    let t = Swift.abs(x)
    if t == 0 { return (0, -.infinity) }
    var si: Double
    var ci: Double
    if t <= 2 {
      (si, ci) = oscillatingSeries(t, sign: -1)
    } else if t.isInfinite {
      (si, ci) = (Double.pi / 2, 0)
    } else {
      var b = Complex(1, t)
      var c = Complex(1e300, 0)
      var d = b.reciprocal
      var h = d
      var i = 2.0
      while i < 100_000 {
        let a = -(i - 1) * (i - 1)
        b = b + Complex(2, 0)
        d = (d.scaled(a) + b).reciprocal
        c = b + c.reciprocal.scaled(a)
        let delta = c * d
        h = h * delta
        if Swift.abs(delta.re - 1) + Swift.abs(delta.im) <= 1e-16 { break }
        i += 1
      }
      h = h * Complex(cos(t), -sin(t))
      (si, ci) = (Double.pi / 2 + h.im, -h.re)
    }
    return (x < 0 ? -si : si, x < 0 ? .nan : ci)
  }

  /// Shi x (odd) and Chi x (real for x > 0; Chi 0 = −∞, NaN below), for t = |x|: the series of
  /// positive terms Shi t = Σₖ t^(2k+1)/((2k + 1)·(2k + 1)!), Chi t = γ + log t + Σₖ≥₁ t^(2k)/(2k·(2k)!)
  /// (DLMF 6.6.5, 6.6.6 at it) for t ≤ 2; above, Shi t = (Ei t + E₁ t)/2 and
  /// Chi t = (Ei t − E₁ t)/2 (DLMF 6.2.15, 6.2.16), which do not cancel there (E₁ t < Ei t/100).
  static func shichi(_ x: Double) -> (shi: Double, chi: Double) {
    if x.isNaN { return (.nan, .nan) }
    let t = Swift.abs(x)
    if t == 0 { return (0, -.infinity) }
    var shi: Double
    var chi: Double
    if t <= 2 {
      (shi, chi) = oscillatingSeries(t, sign: 1)
    } else {
      let (a, b) = (ei(t), e1(t))
      (shi, chi) = ((a + b) / 2, (a - b) / 2)
    }
    return (x < 0 ? -shi : shi, x < 0 ? .nan : chi)
  }

  /// The series of (Si, Ci) (`sign` −1) or (Shi, Chi) (`sign` 1) at t > 0: pₙ = ±tⁿ/n!, the sign
  /// (`sign`)^⌊n/2⌋, and pₙ/n added to the odd or the even sum.
  private static func oscillatingSeries(_ t: Double, sign: Double) -> (Double, Double) {
    var p = t
    var odd = t
    var even = 0.0
    var n = 2.0
    while true {
      p *= (n.truncatingRemainder(dividingBy: 2) == 0 ? sign : 1) * t / n
      let term = p / n
      if n.truncatingRemainder(dividingBy: 2) == 0 { even += term } else { odd += term }
      if Swift.abs(term) <= seriesTolerance * Swift.abs(odd) { break }
      n += 1
    }
    return (odd, eulerGamma + log(t) + even)
  }

  /// li x = Ei(log x) (DLMF 6.2.8): real for x > 0, x ≠ 1 (li 0 = 0, li 1 = −∞, NaN below 0).
  static func li(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return 0 }
    return ei(log(x))
  }

  /// The Fresnel integrals S x = ∫₀ˣ sin(πt²/2) dt and C x = ∫₀ˣ cos(πt²/2) dt (both odd), for
  /// t = |x|, a = πt²/2: the series C t = t Σₖ (−a²)ᵏ/((2k)!(4k + 1)),
  /// S t = t·a Σₖ (−a²)ᵏ/((2k + 1)!(4k + 3)) (DLMF 7.6.4, 7.6.6 with 7.2.7) for t < 1.5; above,
  /// C + iS = (1 + i)/2·(1 − e^(ia)·h), h = (1 − i)t·w and w the continued fraction of
  /// erfc((1 − i)√π t/2) in Lentz's form (Numerical Recipes §6.9). The phase a is reduced
  /// exactly: t² = s + ε with s a double, and s modulo 4.
  static func fresnel(_ x: Double) -> (s: Double, c: Double) {
    if x.isNaN { return (.nan, .nan) }
    let t = Swift.abs(x)
    var s: Double
    var c: Double
    if t < 1.5 {
      let a = Double.pi / 2 * t * t
      let minusSquare = -a * a
      var pc = 1.0
      var ps = 1.0
      var sumC = 1.0
      var sumS = 1.0 / 3
      var k = 1.0
      while true {
        pc *= minusSquare / ((2 * k - 1) * (2 * k))
        ps *= minusSquare / ((2 * k) * (2 * k + 1))
        let (tc, ts) = (pc / (4 * k + 1), ps / (4 * k + 3))
        sumC += tc
        sumS += ts
        if Swift.abs(tc) <= seriesTolerance && Swift.abs(ts) <= seriesTolerance { break }
        k += 1
      }
      (s, c) = (t * a * sumS, t * sumC)
    } else if t.isInfinite {
      (s, c) = (0.5, 0.5)
    } else {
      let pix2 = Double.pi * t * t
      var b = Complex(1, -pix2)
      var cc = Complex(1e300, 0)
      var d = b.reciprocal
      var h = d
      var n = -1.0
      var k = 2
      while k < 100_000 {
        n += 2
        let a = -n * (n + 1)
        b = b + Complex(4, 0)
        d = (d.scaled(a) + b).reciprocal
        cc = b + cc.reciprocal.scaled(a)
        let delta = cc * d
        h = h * delta
        if Swift.abs(delta.re - 1) + Swift.abs(delta.im) <= 1e-16 { break }
        k += 1
      }
      h = h * Complex(t, -t)
      let square = t * t
      let error = fma(t, t, -square)
      let phase = Double.pi / 2 * (fmod(square, 4) + error)
      let cs = Complex(0.5, 0.5) * (Complex(1, 0) - Complex(cos(phase), sin(phase)) * h)
      (s, c) = (cs.im, cs.re)
    }
    return (x < 0 ? -s : s, x < 0 ? -c : c)
  }

  /// sinc x = sin(x)/x, sinc 0 = 1 (unnormalised, as SymPy; NumPy's np.sinc is sin(πx)/(πx)).
  static func sinc(_ x: Double) -> Double { x == 0 ? 1 : sin(x) / x }
}

/// A complex number for the continued fractions above (nothing more than they need).
struct Complex {
  var re: Double
  var im: Double
  init(_ re: Double, _ im: Double) { (self.re, self.im) = (re, im) }
  static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
  static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
  static func * (a: Complex, b: Complex) -> Complex {
    Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
  }
  func scaled(_ k: Double) -> Complex { Complex(re * k, im * k) }
  /// 1/z, scaled to avoid overflow (Smith's method).
  var reciprocal: Complex {
    if Swift.abs(re) >= Swift.abs(im) {
      let r = im / re
      let den = re + im * r
      return Complex(1 / den, -r / den)
    }
    let r = re / im
    let den = re * r + im
    return Complex(r / den, -1 / den)
  }
}
