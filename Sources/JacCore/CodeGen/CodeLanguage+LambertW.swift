/// `jac_lambertw`, W₀ in each language: ``SpecialFunctions/lambertw(_:)``'s algorithm step for
/// step (three regions, their first guesses and iterations; e, 1/e = c_hi + c_lo and the
/// branch-point series interpolated from there), so a unit agrees with jac's own values. No
/// language here has a real W₀ in its standard library (SciPy's `lambertw` is complex, Julia's is
/// a package, MATLAB's needs the Symbolic Math Toolbox).
extension CodeLanguage {
  /// The branch-point series in `p` by Horner's rule, as each language here writes it:
  /// `p * (1.0 + p * (-0.3333333333333333 + … + p * 0.04450231481481482))`.
  static var lambertwSeries: String {
    let c = SpecialFunctions.lambertwBranchSeries
    return c.dropLast().reversed().reduce("p * \(c.last!)") { "p * (\($1) + \($0))" }
  }

  /// e, c_hi and −c_lo as literals (c_lo < 0: the helpers subtract it).
  private static let lambertwConstants = (
    e: "\(SpecialFunctions.e)", hi: "\(SpecialFunctions.inverseE.hi)", lo: "\(-SpecialFunctions.inverseE.lo)"
  )

  static var cLambertW: String {
    let (e, hi, lo) = lambertwConstants
    return """
      static inline double jac_lambertw(double x) {
          if (isnan(x) || x == (double)INFINITY) return x;
          if (x < -0.25) {
              /* Near the branch point: t = 1 + w solves (t - 1) e^t + 1 = r = 1 + e x. */
              double r = \(e) * ((x + \(hi)) - \(lo));
              if (!(r > 0)) return r == 0 ? -1.0 : (double)NAN;
              double p = sqrt(2.0 * r), t = \(lambertwSeries);
              for (int k = 0; k < 10; k++) {
                  double d = ((t - 1.0) * expm1(t) + t - r) / (t * exp(t));
                  d /= 1.0 - d * (t + 1.0) / (2.0 * t);
                  t -= d;
                  if (fabs(d) <= 1e-15) break;
              }
              return t - 1.0;
          }
          if (x <= \(e)) {
              double l = log1p(x), w = l * (1.0 - log1p(l) / (2.0 + l));
              for (int k = 0; k < 10; k++) {
                  double ew = exp(w), d = (w * ew - x) / (ew * (w + 1.0));
                  d /= 1.0 - d * (w + 2.0) / (2.0 * (w + 1.0));
                  w -= d;
                  if (fabs(d) <= 1e-15 * fabs(w)) break;
              }
              return w;
          }
          double l = log(x), w = l - log(l) + log(l) / l;
          for (int k = 0; k < 10; k++) {
              double d = (w + log(w) - l) * w / (w + 1.0);
              w -= d;
              if (fabs(d) <= 1e-15 * w) break;
          }
          return w;
      }

      """
  }

  static var pythonLambertW: String {
    let (e, hi, lo) = lambertwConstants
    return """
      def jac_lambertw(x):
          if x != x or x == math.inf:
              return x
          if x < -0.25:
              # Near the branch point: t = 1 + w solves (t - 1) e^t + 1 = r = 1 + e x.
              r = \(e) * ((x + \(hi)) - \(lo))
              if not r > 0:
                  return -1.0 if r == 0 else math.nan
              p = math.sqrt(2.0 * r)
              t = \(lambertwSeries)
              for _ in range(10):
                  d = ((t - 1.0) * math.expm1(t) + t - r) / (t * math.exp(t))
                  d /= 1.0 - d * (t + 1.0) / (2.0 * t)
                  t -= d
                  if abs(d) <= 1e-15:
                      break
              return t - 1.0
          if x <= \(e):
              l = math.log1p(x)
              w = l * (1.0 - math.log1p(l) / (2.0 + l))
              for _ in range(10):
                  ew = math.exp(w)
                  d = (w * ew - x) / (ew * (w + 1.0))
                  d /= 1.0 - d * (w + 2.0) / (2.0 * (w + 1.0))
                  w -= d
                  if abs(d) <= 1e-15 * abs(w):
                      break
              return w
          l = math.log(x)
          w = l - math.log(l) + math.log(l) / l
          for _ in range(10):
              d = (w + math.log(w) - l) * w / (w + 1.0)
              w -= d
              if abs(d) <= 1e-15 * w:
                  break
          return w


      """
  }

  static var swiftLambertW: String {
    let (e, hi, lo) = lambertwConstants
    return """
      func jac_lambertw(_ x: Double) -> Double {
          if x.isNaN || x == .infinity { return x }
          if x < -0.25 {
              // Near the branch point: t = 1 + w solves (t - 1) e^t + 1 = r = 1 + e x.
              let r: Double = \(e) * ((x + \(hi)) - \(lo))
              if !(r > 0) { return r == 0 ? -1 : .nan }
              let p: Double = (2 * r).squareRoot()
              var t: Double = \(lambertwSeries)
              for _ in 0..<10 {
                  var d: Double = ((t - 1) * expm1(t) + t - r) / (t * exp(t))
                  d /= 1 - d * (t + 1) / (2 * t)
                  t -= d
                  if abs(d) <= 1e-15 { break }
              }
              return t - 1
          }
          if x <= \(e) {
              let l: Double = log1p(x)
              var w: Double = l * (1 - log1p(l) / (2 + l))
              for _ in 0..<10 {
                  let ew: Double = exp(w)
                  var d: Double = (w * ew - x) / (ew * (w + 1))
                  d /= 1 - d * (w + 2) / (2 * (w + 1))
                  w -= d
                  if abs(d) <= 1e-15 * abs(w) { break }
              }
              return w
          }
          let l: Double = log(x)
          var w: Double = l - log(l) + log(l) / l
          for _ in 0..<10 {
              let d: Double = (w + log(w) - l) * w / (w + 1)
              w -= d
              if abs(d) <= 1e-15 * w { break }
          }
          return w
      }


      """
  }

  static var juliaLambertW: String {
    let (e, hi, lo) = lambertwConstants
    return """
      function jac_lambertw(x)
          (isnan(x) || x == Inf) && return x
          if x < -0.25
              # Near the branch point: t = 1 + w solves (t - 1) e^t + 1 = r = 1 + e x.
              r = \(e) * ((x + \(hi)) - \(lo))
              r > 0 || return r == 0 ? -1.0 : NaN
              p = sqrt(2 * r)
              t = \(lambertwSeries)
              for _ in 1:10
                  d = ((t - 1) * expm1(t) + t - r) / (t * exp(t))
                  d /= 1 - d * (t + 1) / (2 * t)
                  t -= d
                  abs(d) <= 1e-15 && break
              end
              return t - 1
          end
          if x <= \(e)
              l = log1p(x)
              w = l * (1 - log1p(l) / (2 + l))
              for _ in 1:10
                  ew = exp(w)
                  d = (w * ew - x) / (ew * (w + 1))
                  d /= 1 - d * (w + 2) / (2 * (w + 1))
                  w -= d
                  abs(d) <= 1e-15 * abs(w) && break
              end
              return w
          end
          l = log(x)
          w = l - log(l) + log(l) / l
          for _ in 1:10
              d = (w + log(w) - l) * w / (w + 1)
              w -= d
              abs(d) <= 1e-15 * w && break
          end
          return w
      end

      """
  }

  static var matlabLambertW: String {
    let (e, hi, lo) = lambertwConstants
    return """

      function w = jac_lambertw(x)
        w = x;
        if isnan(x) || x == Inf
          return;
        end
        if x < -0.25
          % Near the branch point: t = 1 + w solves (t - 1) e^t + 1 = r = 1 + e x.
          r = \(e)*((x + \(hi)) - \(lo));
          if ~(r > 0)
            w = NaN;
            if r == 0
              w = -1;
            end
            return;
          end
          p = sqrt(2*r);
          t = \(lambertwSeries);
          for k = 1:10
            d = ((t - 1)*expm1(t) + t - r)/(t*exp(t));
            d = d/(1 - d*(t + 1)/(2*t));
            t = t - d;
            if abs(d) <= 1e-15
              break;
            end
          end
          w = t - 1;
        elseif x <= \(e)
          l = log1p(x);
          w = l*(1 - log1p(l)/(2 + l));
          for k = 1:10
            ew = exp(w);
            d = (w*ew - x)/(ew*(w + 1));
            d = d/(1 - d*(w + 2)/(2*(w + 1)));
            w = w - d;
            if abs(d) <= 1e-15*abs(w)
              break;
            end
          end
        else
          l = log(x);
          w = l - log(l) + log(l)/l;
          for k = 1:10
            d = (w + log(w) - l)*w/(w + 1);
            w = w - d;
            if abs(d) <= 1e-15*w
              break;
            end
          end
        end
      end

      """
  }
}
