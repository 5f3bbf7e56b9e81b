#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on a thread with a large stack, so every recursive pass (parse, differentiate,
/// simplify, print) can go as deep as ``Parser/maxNesting`` allows and further: expressions made
/// from deep input get deeper (a derivative of a depth-d chain has depth about 2d). A stack
/// overflow is a SIGSEGV, not a Swift error, so the depth limits are set well inside this stack.
public enum DeepStack {
  /// 1 GiB of address space; pages are only committed when touched.
  public static let size = 1 << 30

  /// Calls `body` on a thread with a ``size``-byte stack and waits for its result.
  public static func run<T>(_ body: @escaping () -> T) -> T {
    let result = ResultBox<T>()
    let job = Job { result.value = body() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, size)
    let context = Unmanaged.passRetained(job).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().work()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<Job>.fromOpaque(context).release()
      return body()
    }
    #if canImport(Darwin)
      pthread_join(thread!, nil)
    #else
      pthread_join(thread, nil)
    #endif
    return result.value!
  }

  private final class Job: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
  }

  private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
  }
}
