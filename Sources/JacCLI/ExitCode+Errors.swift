import JacCore

extension ExitCode {
  /// The status of a request that failed: a mistake on the command line (64), input that does not
  /// parse (65), a limit (3), or a mathematical failure (1). Every error is listed: a new one does
  /// not compile until it has a status.
  init(_ error: JacError) {
    switch error {
    case .parse(let p, _): self = p.message.isLimit ? .limit : .dataError
    case .limit, .limitInInput, .pointAssumptionUndecided: self = .limit
    case .matrixCalculus(let problem): self = problem.isUsage ? .usage : .mathError
    case .optionParse, .unknownPointVariable, .missingPointVariables, .vectorLength, .notANumber, .outsideDoubleRange,
      .notApplicable, .pointForDefinition, .pointContradictsAssumption, .implicitName, .implicitOrder, .derivativeOrder,
      .entryOutside,
      .entryOfEachFunction, .tooManyExplainedEntries:
      self = .usage
    case .notSquare, .notScalar, .stateCount, .equationCount, .implicitSingular, .implicitSingularAtPoint,
      .noIndependentVariables, .noVariables, .undefinedResult, .orderDerivative, .singular, .logOfSingular,
      .singularAtPoint, .undefinedAtPoint, .notSmoothAtPoint, .kinkUndecided, .checkOutsideAssumptions,
      .unboundSymbols, .undefinedFunction:
      self = .mathError
    }
  }
}
