// jac: run the command on the process's arguments and standard streams; it exits with its status.
import JacCLI

StandardStreams.runProcess()
