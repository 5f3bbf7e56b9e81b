import Testing

@testable import JacCore

/// ``CodeSchedule``: a C line's identifiers, and each variable's read and each temporary placed
/// just before the first line that needs it.
@Suite struct CodeScheduleTests {
  @Test func identifiersSkipNumbersAndKeepNames() {
    let names = CodeSchedule.identifiers("    out[3] = 2.5e-05*exp(u12) - t0_ + x1/1e5;").map(String.init)
    #expect(names == ["out", "exp", "u12", "t0_", "x1"])
  }

  @Test func eachLoadAndTemporaryGoesBeforeItsFirstUse() {
    let statements = ["    out[0] = t0;", "    out[1] = -r*t0;", "    out[2] = r*t1;", "    out[3] = 1.0;"]
    let temporaries = [("t0", "    const double t0 = cos(t);"), ("t1", "    const double t1 = sin(t);")]
    let loads = [("r", "    const double r = x[0];"), ("t", "    const double t = x[1];")]
    #expect(
      CodeSchedule.ordered(statements: statements, temporaries: temporaries, loads: loads) == [
        "    const double t = x[1];", "    const double t0 = cos(t);", "    out[0] = t0;",
        "    const double r = x[0];", "    out[1] = -r*t0;", "    const double t1 = sin(t);", "    out[2] = r*t1;",
        "    out[3] = 1.0;",
      ])
    // Before a statement come the temporaries it needs, and only those: naming t2 = t1*t writes
    // t1 first but not t0, which waits for a statement that names it (none here: it comes last).
    let chained = temporaries + [("t2", "    const double t2 = t1*t;")]
    #expect(
      CodeSchedule.ordered(statements: ["    nzval[0] = t2;"], temporaries: chained, loads: []) == [
        "    const double t1 = sin(t);", "    const double t2 = t1*t;", "    nzval[0] = t2;",
        "    const double t0 = cos(t);",
      ])
    // A variable no line uses is never read.
    #expect(
      CodeSchedule.ordered(statements: ["    out[0] = 1.0;"], temporaries: [], loads: loads) == ["    out[0] = 1.0;"])
  }
}
