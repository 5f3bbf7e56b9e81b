import Foundation

/// Files of the repository, found from this source file's path (no working-directory assumption).
enum TestFiles {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  static func read(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }
}
