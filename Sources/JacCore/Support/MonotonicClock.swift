#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The time since an arbitrary fixed point (`CLOCK_MONOTONIC`), for the phase times of
/// `--stats`: `clock.now - start` is a `Duration`, as with the standard library's
/// `ContinuousClock`.
///
/// Not `ContinuousClock`: it lives in the `_Concurrency` library, and using it links that
/// library and libdispatch into the static binary, whose initialisers run at every start
/// (libdispatch reads the processor count from `/sys` twice, the runtime registers its executor
/// hooks): about 17 more page faults and 0.1 ms for a program that only prints (issue 20,
/// docs/performance.md, "Session 11: start-up").
public struct MonotonicClock: Sendable {
  /// A reading of the clock.
  public struct Instant: Sendable, Comparable {
    /// Time since the clock's fixed point.
    let sinceStart: Duration

    public static func - (later: Instant, earlier: Instant) -> Duration { later.sinceStart - earlier.sinceStart }
    public static func < (a: Instant, b: Instant) -> Bool { a.sinceStart < b.sinceStart }
  }

  public init() {}

  /// The clock's reading now.
  public var now: Instant { Self.now }

  /// The clock's reading now.
  public static var now: Instant {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Instant(sinceStart: .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec)))
  }
}
