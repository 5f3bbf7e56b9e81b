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

  /// The stack a process's main thread usually has (`ulimit -s`: 8 MiB on Linux and macOS), on
  /// which small runs skip the deep thread (the command layer's rule, `Invocation.fitsOrdinaryStack`).
  public static let ordinarySize = 8 << 20

  /// Whether the main thread's stack may grow to ``ordinarySize`` at least (`ulimit -s`,
  /// unlimited included). Only the main thread's stack follows this limit.
  public static var mainThreadHasOrdinaryStack: Bool {
    #if canImport(Glibc)
      let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
    #else
      let resource = RLIMIT_STACK
    #endif
    var limit = rlimit()
    // Unlimited is the largest value the type holds.
    return getrlimit(resource, &limit) == 0 && limit.rlim_cur >= rlim_t(ordinarySize)
  }

  /// Marks the threads this type starts, so a nested ``run(_:)`` calls its body directly.
  private static let marker: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Whether the calling thread already has the large stack.
  public static var isDeep: Bool { pthread_getspecific(marker) != nil }

  /// Calls `body` on a thread with a ``size``-byte stack and waits for its result; on such a
  /// thread already, calls it directly. Inlinable, so that a caller's `T` is concrete here: the
  /// thread itself is started by ``perform(_:)``, which is not generic, since a generic class or
  /// optional of a new `T` has its metadata built at run time (issue 20).
  @inlinable
  public static func run<T>(_ body: @escaping () -> T) -> T {
    if isDeep { return body() }
    var result: T?
    perform { result = body() }
    return result!
  }

  /// Calls `work` on a thread with a `stack`-byte stack (``size`` unless a test asks for a
  /// smaller one) and waits until it returns (directly when no thread can be started). Only a
  /// thread of ``size`` bytes counts as deep (``isDeep``).
  @usableFromInline
  static func perform(stack: Int = size, _ work: @escaping () -> Void) {
    let job = Job(work, deep: stack >= size)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stack)
    let context = Unmanaged.passRetained(job).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
        if job.deep { pthread_setspecific(DeepStack.marker, UnsafeRawPointer(bitPattern: 1)) }
        job.work()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<Job>.fromOpaque(context).release()
      return work()
    }
    #if canImport(Darwin)
      pthread_join(thread!, nil)
    #else
      pthread_join(thread, nil)
    #endif
  }

  private final class Job: @unchecked Sendable {
    let work: () -> Void
    let deep: Bool
    init(_ work: @escaping () -> Void, deep: Bool) {
      self.work = work
      self.deep = deep
    }
  }
}
