// jac: run the command on the process's arguments and standard streams, then exit with its status.
import JacCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(StandardStreams.runProcess())
