import Foundation

/// Runs the built `qkverify` executable, which `swift test` builds beside the test bundle.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("qkverify")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try execute(executable, arguments, environment: environment, in: directory)
    }

    /// Runs a shell command line in which `$QK` is the executable (for redirections such as `2>&-`).
    static func shell(_ script: String, in directory: URL? = nil) throws -> Result {
        try execute(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: ["QK": executable.path], in: directory)
    }

    /// Runs a program without the user's GSL_RNG_* settings, and collects its output and status.
    private static func execute(_ program: URL, _ arguments: [String], environment: [String: String], in directory: URL?) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["GSL_RNG_TYPE"] = nil
        env["GSL_RNG_SEED"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (outData, errData) = readBoth(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads two pipes to their ends at once, so a child that fills one while we wait on the other
    /// cannot deadlock.
    static func readBoth(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let handle = err.fileHandleForReading
        DispatchQueue.global().async {
            box.data = handle.readDataToEndOfFile()
            done.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        return (outData, box.data)
    }

    /// Starts the executable without waiting for it.
    static func start(_ arguments: [String], in directory: URL? = nil, standardError: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A one-cell moments grid at the smallest sample size: for tests of what a run writes, not of its numbers.
    static let tinyGrid = ["--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--quiet"]

    /// A grid long enough to interrupt (about 4.5 s in a debug build on 2 cores), small enough to run three times.
    static let interruptibleGrid = ["--dims", "64", "--means", "0,1", "--sigmas", "1", "--samples", "2e6", "--block-size", "2000", "--quiet"]

    /// The file type bits of a path, not following a final symlink (0 when it does not exist).
    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Starts a run, waits, interrupts it, and returns its exit status, seconds from the signal to the
    /// exit, and its peak memory (VmHWM, kB) just before the signal.
    static func interrupt(_ arguments: [String], after seconds: Double, in dir: URL) throws -> (status: Int32, seconds: Double, peakKB: Int) {
        let process = try start(arguments, in: dir)
        usleep(UInt32(seconds * 1e6))
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? -1
        let signalled = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        return (process.terminationStatus, Date().timeIntervalSince(signalled), peak)
    }

    /// Interrupts a run with `signal` once its first checkpoint is on disk, and returns its exit status.
    static func interrupt(_ arguments: [String], signal: Int32, checkpoint: URL, in dir: URL) throws -> Int32 {
        let process = try start(arguments, in: dir)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: checkpoint.path) && Date() < deadline && process.isRunning {
            usleep(10_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
