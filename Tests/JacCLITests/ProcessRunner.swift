import Foundation
import Testing

/// Runs the built `jac` binary as a process, the way a person does.
enum ProcessRunner {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// The `jac` executable beside this test bundle (swift build puts both in one folder).
  static var executable: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("jac"), bundle.deletingLastPathComponent().appendingPathComponent("jac"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  /// Runs another tool (a compiler, pdflatex) in `directory`; standard output and error
  /// together.
  static func tool(_ path: String, _ arguments: [String], in directory: URL) throws -> (code: Int32, log: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let log = Pipe()
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let output = String(decoding: readAll(log.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  static func run(_ arguments: [String], stdin: String? = nil, stdinData: Data? = nil) throws -> Result {
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      Issue.record("no jac binary at \(executable.path): run 'swift build' before 'swift test' (make test does)")
      return Result(stdout: "", stderr: "", status: -1)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    // Standard input and error go through files, standard output through a pipe: no threads.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jac-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputFile = scratch.appendingPathComponent("stdin")
    let errorFile = scratch.appendingPathComponent("stderr")
    try (stdinData ?? stdin.map { Data($0.utf8) } ?? Data()).write(to: inputFile)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let outData = readAll(output.fileHandleForReading)
    process.waitUntilExit()
    let errData = try Data(contentsOf: errorFile)
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Everything `handle` gives until end of file, retrying a read interrupted by a signal
  /// (Foundation's `readDataToEndOfFile` traps on EINTR, which a loaded machine delivers).
  static func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if n > 0 {
        data.append(contentsOf: buffer[0..<n])
      } else if n == 0 || errno != EINTR {
        return data
      }
    }
  }
}
