import Testing

@testable import JacCore

/// `known-values` of the inverse circular functions at the sines, cosines and tangents of π/6,
/// π/4 and π/3, each checked against SymPy (which evaluates them on construction).
@Suite struct InverseTrigValueTests {
  @Test(arguments: [
    ("asin(1/2)", "pi/6"), ("asin(sqrt(2)/2)", "pi/4"), ("asin(1/sqrt(2))", "pi/4"), ("asin(sqrt(3)/2)", "pi/3"),
    ("asin(-1/2)", "-pi/6"), ("asin(-sqrt(3)/2)", "-pi/3"),
    ("acos(1/2)", "pi/3"), ("acos(sqrt(2)/2)", "pi/4"), ("acos(sqrt(3)/2)", "pi/6"),
    ("acos(-1/2)", "2*pi/3"), ("acos(-sqrt(2)/2)", "3*pi/4"), ("acos(-sqrt(3)/2)", "5*pi/6"),
    ("atan(sqrt(3))", "pi/3"), ("atan(sqrt(3)/3)", "pi/6"), ("atan(1/sqrt(3))", "pi/6"), ("atan(-sqrt(3))", "-pi/3"),
    ("acot(sqrt(3))", "pi/6"), ("acot(sqrt(3)/3)", "pi/3"), ("acot(-sqrt(3))", "-pi/6"),
    ("asec(2)", "pi/3"), ("asec(sqrt(2))", "pi/4"), ("asec(2/sqrt(3))", "pi/6"), ("asec(-2)", "2*pi/3"),
    ("acsc(2)", "pi/6"), ("acsc(sqrt(2))", "pi/4"), ("acsc(2/sqrt(3))", "pi/3"), ("acsc(-2)", "-pi/6"),
    // Not a table value: stays.
    ("asin(1/3)", "asin(1/3)"), ("atan(2)", "atan(2)"), ("acos(sqrt(5)/2)", "acos(sqrt(5)/2)"),
    // Round trips: sin of the value is the argument again.
    ("sin(asin(sqrt(3)/2)) + cos(acos(-1/2))", "sqrt(3)/2 - 1/2"),
  ])
  func values(_ input: String, _ expected: String) {
    let f = Fixture()
    #expect(f.text(f.parse(input)) == expected)
  }
}
