import Testing

@testable import JacCore

/// The simplifier's early exit for linear combinations of plain atoms
/// (``Simplifier/isSettledLinearCombination(_:)``) gives what the full pass gives.
@Suite struct LinearCombinationTests {
  /// Random sums and single terms of the exit's shape, and of shapes near it (other atoms, other
  /// coefficients), through the simplifier with and without the exit: the same answer, the same
  /// cost, the same budget report; and the exit is taken often enough to be tested (seed 21).
  @Test func linearCombinationsExitEarly() {
    var rng = SeededGenerator(seed: 21)
    let atoms = [
      "x", "y", "z", "u12", "pi", "exp(x)", "exp(y)", "log(z)", "log(x)", "exp(u12)", "1", "exp(-x)", "sin(y)",
      "cos(x)", "tan(z)", "sinh(x)", "abs(y)", "x^2", "sqrt(z)", "1/x", "exp(2*x)", "log(x*y)", "atan(x)", "x*y",
      "exp(x + y)", "sech(z)", "log(pi)",
    ]
    let coefficients = [
      "1", "-1", "2", "-2", "3", "6", "-4", "1/2", "-1/3", "2/3", "5/7", "-3/4", "1/10201", "-6/5", "1/10000200001",
      "123456789012345678901", "-1/123456789012345678901",
    ]
    var exits = 0
    for round in 0..<1_500 {
      // Mostly plain atoms, so that most draws have the shape; some from the whole list.
      let pool = round % 3 == 0 ? atoms : Array(atoms.prefix(11))
      let count = Int.random(in: 1...5, using: &rng)
      let terms = pool.shuffled(using: &rng).prefix(count).map { atom in
        Bool.random(using: &rng) ? atom : "(" + coefficients.randomElement(using: &rng)! + ")*" + atom
      }
      let text = terms.joined(separator: " + ")
      let fast = Fixture()
      let slow = Fixture()
      slow.engine.simplifier.exitsLinearCombinations = false
      let e = fast.parse(text)
      if fast.engine.simplifier.isSettledLinearCombination(e) { exits += 1 }
      let a = fast.engine.simplifier.simplify(e)
      let b = slow.engine.simplifier.simplify(slow.parse(text))
      #expect(fast.text(a) == slow.text(b), "seed 21: \(text) gives \(fast.text(a)), not \(slow.text(b))")
      #expect(fast.engine.simplifier.spent == slow.engine.simplifier.spent, "seed 21: \(text) costs differ")
      let (x, y) = (fast.engine.simplifier.budgetExhausted, slow.engine.simplifier.budgetExhausted)
      #expect(x == y, "seed 21: \(text)")
    }
    #expect(exits > 400)
  }

  /// Bratu's rows and diagonal entries take the exit; a sum the normal form shortens does not.
  @Test func bratuEntriesExit() {
    let f = Fixture()
    let s = f.engine.simplifier
    for text in ["u1 - 2*u2 + u3 + 1/10201*exp(u2)", "exp(u2)/10201 - 2", "-2*u1 + u2 + 1/10201*exp(u1)", "2*x", "x"] {
      #expect(s.isSettledLinearCombination(f.parse(text)), "\(text)")
    }
    for text in ["2*x + 4*y", "x/2 + y/2", "-x - y", "2*x^2 + 1", "exp(-x) + 1", "sin(x) + 1", "abs(x) + 1", "3"] {
      #expect(!s.isSettledLinearCombination(f.parse(text)), "\(text)")
    }
  }

  /// With the request's budget spent the exit is not taken: the full pass reports the budget
  /// exhausted, and so does the simplifier with the exit.
  @Test func exhaustedBudgetIsReported() {
    for exits in [true, false] {
      let f = Fixture()
      let s = f.engine.simplifier
      s.exitsLinearCombinations = exits
      s.requestBudget = 0
      s.startRequest()
      let e = f.parse("u1 - 2*u2 + u3 + 1/10201*exp(u2)")
      #expect(s.simplify(e) == e)
      #expect(s.budgetExhausted, "exit \(exits)")
    }
  }
}
