import JacCore
import Testing

@testable import JacCLI

/// The output formats' table (issue 20 replaced a lookup by name with a `switch`).
@Suite struct OutputStyleTests {
  /// A format is a code format exactly when a code language has its name, and then it is that
  /// language.
  @Test func languageOfEachFormat() {
    for format in OutputStyle.Format.allCases {
      #expect(format.language == CodeLanguage(rawValue: format.rawValue), "\(format)")
    }
    #expect(OutputStyle.Format.allCases.compactMap(\.language) == CodeLanguage.allCases)
  }
}
