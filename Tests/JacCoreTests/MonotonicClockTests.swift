import JacCore
import Testing

/// The clock of `--stats` (``MonotonicClock``, in place of `ContinuousClock`, issue 20): its
/// readings never go back, and their differences are the durations between them.
@Test func monotonicClockNeverGoesBack() {
  let clock = MonotonicClock()
  let first = clock.now
  var last = first
  for _ in 0..<1_000 {
    let now = MonotonicClock.now
    #expect(!(now < last))
    #expect(now - last >= .zero)
    #expect((now - first) == (now - last) + (last - first))
    last = now
  }
}
