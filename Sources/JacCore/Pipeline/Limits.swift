/// The sizes jac accepts. Each keeps one request's time and memory bounded (seconds and hundreds
/// of MB at most, measured in docs/reliability.md) whatever is typed or piped in; going past one
/// is a ``JacError/limit(_:)`` error (exit status 3), never a crash or a hang.
///
/// Also limits, with the code they guard: nesting (``Parser/maxNesting``), literal size
/// (``Lexer/maxLiteralDigits``, ``Lexer/maxLiteralExponent``), result depth
/// (``Engine/maxDepth``) and exact-number size (``ExpressionPool/maxNumberLimbs``).
///
/// Not here because they are not errors: exponents too large to expand (`(x + y)^100000` stays
/// factored, `2^1000000` stays a power; ``ExpressionPool/maxExactPowerBits``) and the
/// simplifier's work budget (``Simplifier/budgetPerExpression``: past it the exact canonical
/// form is kept and ``Answer/simplificationCut`` is set).
public enum Limits {
  /// Bytes in one input (an argument or a line of standard input): 64 MiB. The 1-D Bratu
  /// system with 333,334 equations (1,000,000 nonzeros) is 21 MB on one line.
  public static let inputBytes = 64 << 20
  /// Components (functions) in one request. Matrices are sparse (``Matrix``), so this bounds
  /// only per-component bookkeeping (the input's bytes bound it too).
  public static let components = 1_000_000
  /// Variables in one request (a few bytes of bookkeeping each, like components).
  public static let variables = 1_000_000
  /// Structural nonzeros of a Jacobian or Hessian: entries whose function holds the variable,
  /// counted before any is differentiated. Each costs a derivative, a simplification and a
  /// printed entry (about 1 µs and 100 bytes for Bratu's); 1,000,000 (Bratu with n = 333,334)
  /// are answered.
  public static let nonzeros = 4_000_000
  /// Entries (m·n, zeros included) of a matrix used or printed whole: `--check` and `--steps`
  /// (one line per entry), `--dense`, LaTeX, JSON's rows, generated code with `--layout row`
  /// or `col` (an array of m·n), the pattern `jac sparsity` draws, the second-derivative test:
  /// 2000×2000. Past it, text lists the nonzeros, JSON gives them as coordinates and code
  /// takes `--layout csc`.
  public static let denseEntries = 4_000_000
  /// Rows of a matrix whose determinant or inverse is computed symbolically. The cost is
  /// O(n⁴) operations and the expanded result grows exponentially with n for most matrices.
  public static let determinantSize = 40
  /// Variables of a `newton` or `critical` run whose point jac tries to recognise as exact (a
  /// rational point where F or ∇f is exactly 0; for critical, the Hessian's inertia there on
  /// rationals).
  public static let exactPointVariables = 32
  /// Terms of a Taylor polynomial, C(n + k, k) for n variables to order k (each a derivative).
  public static let taylorTerms = 20_000
  /// Nodes in one result entry, counted as a printed tree (shared subexpressions count every
  /// time they are printed): 4,000,000 nodes is about 15–40 MB of text. The gradient of 1,600
  /// nested sin/cos (issue 4's chain family at 8×) has about 2.1 million per entry.
  public static let resultNodes = 4_000_000
  /// Work the derivatives of one request may do, as ``DerivativeCost`` bounds it before each
  /// pass: the terms and factors of the nodes the rules would build, summed over the variables
  /// and the passes (each unit a few bytes and 10–300 ns). The largest benchmark workload,
  /// arm400, bounds 3.7 million (12.3 million before long sums were indexed); `diff "x^x"` to order 17 bounds 9.6 million and is answered,
  /// to order 18 (19.2 million) it is refused before its 18th derivative.
  public static let derivativeWork = 16_000_000
  /// Bytes one answer may print (its text, LaTeX, JSON or code, with its notes): 320 MiB. The
  /// size is computed exactly from the expression DAG before anything is printed
  /// (``TextLength``, ``LatexLength``; code by an upper bound, ``CodeLength``), in time linear
  /// in the DAG, so a refusal costs no printing. The largest benchmark answer, the arm400
  /// Jacobian, prints 284 MB of text (and as JSON); printing 320 MiB takes about 1.5 s here,
  /// and an answer is written as it is printed, so it is never held whole.
  public static let outputBytes = 320 << 20
  /// Bits of an exact number's numerator or denominator (``ExpressionPool/maxNumberLimbs``).
  public static let numberBits = 32 * ExpressionPool.maxNumberLimbs

  /// Which limit a request went past, with the size found.
  public enum Exceeded: Equatable, Sendable {
    case inputBytes(Int)
    /// Standard input ran on for this many bytes without a line end; reading stopped.
    case endlessInput(Int)
    case components(Int)
    case variables(Int)
    /// A matrix past ``Limits/denseEntries`` where it must be used or printed whole.
    case denseEntries(rows: Int, columns: Int)
    /// A Jacobian or Hessian with more than ``Limits/nonzeros`` structural nonzeros.
    case nonzeros(Int)
    case determinantSize(Int)
    /// A Taylor polynomial with more than ``Limits/taylorTerms`` terms.
    case taylorTerms(Int)
    case resultNodes(entry: String)
    /// Differentiating would do this much work (``DerivativeCost``).
    case derivativeWork(Int)
    /// The answer would print this many bytes.
    case outputBytes(Int)
    case depth
    case numberSize
    /// The big-number work budget (``ExpressionPool/maxNumberWork``), not the size.
    case numberWork
    /// A value at a point not decided within ``ExpressionPool/maxCertifiedBits`` (`digits`:
    /// its decimal; else whether it is real). `nearZero`: the last ball held 0.
    case certification(entry: String, nearZero: Bool, digits: Bool)
    /// A value at a point whose evaluation passes a binary exponent of ±2^48 (``Ball/maxOrder``)
    /// where the sign or size matters.
    case valueRange(entry: String)
    /// A value at a point that needs a special function past what jac evaluates with certified
    /// digits (``BallFailure/unsupported``).
    case certifiedFunctions(entry: String)

    public var message: String {
      switch self {
      case .inputBytes(let n):
        return "input is \(n) bytes; the limit is \(Limits.inputBytes) (64 MiB)"
      case .endlessInput(let n):
        return "input runs on for more than \(n) bytes without a line end; the limit is \(Limits.inputBytes) "
          + "(64 MiB) a line, and the rest of standard input is not read"
      case .components(let n): return "\(n) components; the limit is \(Limits.components)"
      case .variables(let n): return "\(n) variables; the limit is \(Limits.variables)"
      case .denseEntries(let r, let c):
        return "the result would be \(r)×\(c) = \(r * c) entries; the limit is \(Limits.denseEntries) "
          + "for a matrix used or shown whole (its nonzeros are listed in text, as coordinates in JSON, "
          + "or with '--layout csc' in code)"
      case .nonzeros(let n):
        return "the result would have \(n) nonzero entries; the limit is \(Limits.nonzeros)"
      case .determinantSize(let n):
        return "a symbolic determinant or inverse of a \(n)×\(n) matrix; the limit is "
          + "\(Limits.determinantSize)×\(Limits.determinantSize)"
      case .taylorTerms(let n):
        return "the Taylor polynomial would have \(n) terms (one per derivative); the limit is \(Limits.taylorTerms)"
      case .resultNodes(let entry):
        return "\(entry) has more than \(Limits.resultNodes) nodes when printed; too large to show"
      case .derivativeWork(let n):
        return "the derivatives would build an estimated \(n) terms and factors; the limit is "
          + "\(Limits.derivativeWork)"
      case .outputBytes(let n):
        return "the answer would print \(n) bytes; the limit is \(Limits.outputBytes) (320 MiB)"
      case .depth: return "an expression is nested deeper than \(Engine.maxDepth) levels"
      case .numberSize:
        return "exact arithmetic too large: a number past \(Limits.numberBits) bits"
      case .numberWork:
        return "exact arithmetic on large numbers went past its work budget for one input "
          + "(\(ExpressionPool.maxNumberWork) squared limbs); no number passed the \(Limits.numberBits)-bit size limit"
      case .valueRange(let entry):
        return "\(entry) could not be evaluated at this point: an intermediate value is beyond 2^±(2^48)"
      case .certifiedFunctions(let entry):
        return "\(entry) could not be certified at this point: it needs a special function past the precision or "
          + "range where jac evaluates it with certified digits (erf, erfc, the gamma family, Si, fresnels and the "
          + "other integrals: docs/errors.md)"
      case .certification(let entry, let nearZero, let digits):
        let limit = "within the work limit (\(ExpressionPool.maxCertifiedBits) bits of precision)"
        guard digits else { return "whether \(entry) is real at this point could not be decided \(limit)" }
        let zero = "; it is indistinguishable from 0 there and may be exactly 0 ('--exact' prints it exactly)"
        return "\(entry) could not be certified at this point \(limit)" + (nearZero ? zero : "")
      }
    }
  }
}
