import Testing

@testable import JacCore

/// ``CodeSchedule``: a C line's identifiers, and each variable's read placed just before the
/// first line that names it.
@Suite struct CodeScheduleTests {
  @Test func identifiersSkipNumbersAndKeepNames() {
    let names = CodeSchedule.identifiers("    out[3] = 2.5e-05*exp(u12) - t0_ + x1/1e5;").map(String.init)
    #expect(names == ["out", "exp", "u12", "t0_", "x1"])
  }

  @Test func eachLoadGoesBeforeItsFirstUse() {
    let lines = ["    const double t0 = cos(t);", "    out[0] = t0;", "    out[1] = -r*t0;", "    out[2] = r*t;"]
    let loads = [("r", "    const double r = x[0];"), ("t", "    const double t = x[1];")]
    #expect(
      CodeSchedule.ordered(lines, loads: loads) == [
        "    const double t = x[1];", "    const double t0 = cos(t);", "    out[0] = t0;",
        "    const double r = x[0];", "    out[1] = -r*t0;", "    out[2] = r*t;",
      ])
    // A variable no line uses is never read.
    #expect(CodeSchedule.ordered(["    out[0] = 1.0;"], loads: loads) == ["    out[0] = 1.0;"])
  }
}
