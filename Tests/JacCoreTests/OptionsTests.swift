import Testing

@testable import JacCore

/// The bit set of options and the command table's refusals (issue 20: no hashed `Set<Option>` or
/// `[Option: String]` on the start-up path) say what `Set` and `Dictionary` said.
@Suite struct OptionsTests {
  /// Every option has a bit of its own, its place in the table.
  @Test func ordinalIsThePlaceInTheTable() {
    #expect(Option.allCases.count < 64)
    for (i, option) in Option.allCases.enumerated() {
      #expect(option.ordinal == i, "\(option)")
    }
    #expect(Option.ordered == Option.allCases)
    #expect(Option.allCases.sorted() == Option.allCases)
  }

  /// Membership, insertion, union and disjointness agree with `Set` on every pair of options.
  @Test func agreesWithSet() {
    let all = Option.allCases
    for a in all {
      for b in all {
        var options: Options = [a]
        var set: Set<Option> = [a]
        #expect(options.insert(b).inserted == set.insert(b).inserted)
        #expect(Array(options) == set.sorted())
        #expect(options.count == set.count)
        let other: Options = [b, .help]
        #expect(options.isDisjoint(with: other) == set.isDisjoint(with: [b, .help]))
        #expect(Array(options.union(other)) == set.union([b, .help]).sorted())
        for c in [a, b, .vars, .help] {
          #expect(options.contains(c) == set.contains(c))
        }
      }
    }
    #expect(Options().isEmpty && !Options([.at]).isEmpty)
  }

  /// A spelling finds its option (`-h` is help); others find none.
  @Test func spellings() {
    for option in Option.allCases {
      #expect(Option(spelling: option.name) == option)
    }
    #expect(Option(spelling: "-h") == .help)
    #expect(Option(spelling: "--var") == nil && Option(spelling: "vars") == nil && Option(spelling: "") == nil)
  }

  /// The refusals read as the dictionary literal they are written as.
  @Test func refusals() {
    let refusals: Refusals = [.at: "the start is '--from'", .vars: "name them"]
    #expect(refusals[.at] == "the start is '--from'")
    #expect(refusals[.vars] == "name them")
    #expect(refusals[.wrt] == nil)
    #expect(Array(refusals.options) == [.vars, .at])
    let none: Refusals = [:]
    #expect(none[.at] == nil && none.options.isEmpty)
    #expect(Request.Command.newton.description.refusals[.at] == "the start is '--from'")
  }

  /// The function-name table: a later kind's name does not replace an earlier one's (`log` is
  /// the logarithm of one or two arguments, `ln` the natural one).
  @Test func calleeTable() {
    #expect(Parser.callee(named: "log")?.arity == 1...2)
    #expect(Parser.function(named: "ln") == .some(.log))
    #expect(Parser.function(named: "sqrt") == .some(nil))
    #expect(Parser.function(named: "arcsin") == .some(.asin))
    #expect(Parser.callee(named: "atan2")?.arity == 2...2)
    #expect(Parser.callee(named: "hypot")?.arity == 2...2)
  }
}

/// `CommandDescription.command(named:)` finds a command by its own name without building the catalogue
/// (issue 20); it finds what a search of the catalogue finds, for every name, alias and near miss.
@Suite struct CommandNamesTests {
  @Test func namedAgreesWithTheCatalogue() {
    let names = CommandDescription.allNames + ["Det", "jacobians", "gradien", "x", "", "determinant "]
    for name in names {
      let searched = CommandDescription.all.first { $0.name == name || $0.aliases.contains(name) }
      #expect(CommandDescription.command(named: name) == searched?.command, "\(name)")
    }
    #expect(CommandDescription.command(named: "determinant") == .det)
    #expect(CommandDescription.command(named: "gradient") == .grad)
  }

  /// Every command name and alias is an identifier (letters only), so the scanner looks up only
  /// identifiers.
  @Test func namesAreIdentifiers() {
    for name in CommandDescription.allNames {
      #expect(name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }, "\(name)")
    }
  }
}
