import Foundation
import Testing
@testable import QKVerify

/// What a hostile user tried: outputs that are not plain files, input that used to crash, closed or
/// full standard streams, huge sample counts, long blocks, shared checkpoints. Each test failed
/// before the fix it names.
@Suite(.serialized) struct HardeningTests {
    static let small = ["--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--quiet"]

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aDeviceIsWrittenToAndNeverReplaced() throws {
        #expect(fileType("/dev/null") == S_IFCHR)
        let null = try CLI.run(["moments"] + Self.small + ["--out", "/dev/null"])
        #expect(null.status == 0 && fileType("/dev/null") == S_IFCHR)
        let full = try CLI.run(["moments"] + Self.small + ["--out", "/dev/full"])
        #expect(full.status == 74 && full.stderr.contains("/dev/full: No space left on device"), "\(full.stderr)")
        #expect(fileType("/dev/full") == S_IFCHR)
    }

    @Test func aDashIsStandardOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments"] + Self.small + ["--out", "-"], in: dir)
        #expect(r.status == 0 && r.stdout.hasPrefix("d,mu,sigma,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aSymlinkIsFollowedAndStaysALink() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.csv").path, link = dir.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        #expect(try CLI.run(["moments"] + Self.small + ["--out", link]).status == 0)
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("d,mu,sigma,"))
        // A dangling link: its target is created.
        let dangling = dir.appendingPathComponent("dangling.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "new.csv")
        #expect(try CLI.run(["moments"] + Self.small + ["--out", dangling]).status == 0)
        #expect(fileType(dangling) == S_IFLNK && fileType(dir.appendingPathComponent("new.csv").path) == S_IFREG)
    }

    @Test func aPathEndingInSlashIsRefusedBeforeAnySampling() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments", "--dims", "1", "--samples", "1e9", "--out", "newdir/"], in: dir)
        #expect(r.status == 64 && r.stderr.contains("--out: 'newdir/' ends in '/'"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let ckpt = try CLI.run(["moments"] + Self.small + ["--out", "m.csv", "--checkpoint", "-"], in: dir)
        #expect(ckpt.status == 64 && ckpt.stderr.contains("--checkpoint"))
    }

    @Test(arguments: [
        String(repeating: "(", count: 20000) + "d" + String(repeating: ")", count: 20000),
        String(repeating: "sqrt(", count: 15000) + "d" + String(repeating: ")", count: 15000),
        String(repeating: "-", count: 100000) + "d",
        String(repeating: "d^", count: 60000) + "d",
        String(repeating: "d+", count: 60000) + "d",
        String(repeating: "(", count: 101) + "d" + String(repeating: ")", count: 101),
    ])
    func deepOrLongFormulasAreRefusedNotCrashed(formula: String) throws {
        // `--var=F`: ArgumentParser itself refuses a separate argument that starts with '---'.
        let r = try CLI.run(["check", "--var=" + formula, "--dims", "1", "--samples", "1e4"])
        #expect(r.status == 64, "\(r.stderr.prefix(200))")
        #expect(r.stderr.contains("nested more than 100 deep") || r.stderr.contains("characters long; allowed: at most 1000"))
        #expect(r.stderr.split(separator: "\n").count <= 3)  // the message, the formula (cut) and a caret
    }

    @Test func aFormulaNestedOneHundredDeepIsAccepted() throws {
        let formula = String(repeating: "(", count: 99) + "d" + String(repeating: ")", count: 99)
        #expect(try Formula(parsing: formula) == .variable(.d))
    }

    @Test(arguments: [["moments", "--dims", "4611686018427387904"], ["plan", "--dims", "9223372036854775807"],
                      ["check", "--claims", "seed", "--dims", "1099511627777"]])
    func dimensionsPastTheBoundAreUsageErrors(arguments: [String]) throws {
        let r = try CLI.run(arguments + ["--out", "/dev/null"].filter { _ in arguments[0] == "moments" })
        #expect(r.status == 64 && r.stderr.contains("--dims") && r.stderr.contains("2^40"), "\(r.stderr)")
    }

    @Test func aClosedOrFullStandardErrorNeverChangesTheResult() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.shell("\"$QK\" moments --dims x 2>&-", in: dir).status == 64)
        #expect(try CLI.shell("\"$QK\" moments --dims x 2>/dev/full", in: dir).status == 64)
        let run = try CLI.shell("\"$QK\" moments --dims 1 --means 0 --sigmas 1 --samples 1e4 --out m.csv 2>&-", in: dir)
        #expect(run.status == 0)
        let reference = try CLI.run(["moments"] + Self.small + ["--out", "ref.csv"], in: dir)
        #expect(reference.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("m.csv")) == Data(contentsOf: dir.appendingPathComponent("ref.csv")))
    }

    @Test func aFullOrClosedStandardOutputIsAnIOError() throws {
        let full = try CLI.shell("\"$QK\" check --claims seed --dims 1 --means 0 --sigmas 1 --samples 1e4 --quiet > /dev/full")
        #expect(full.status == 74 && full.stderr.contains("standard output: No space left on device"), "\(full.stderr)")
        let closed = try CLI.shell("\"$QK\" check --claims seed --dims 1 --means 0 --sigmas 1 --samples 1e4 --quiet >&-")
        #expect(closed.status == 74 && closed.stderr.contains("standard output"), "\(closed.stderr)")
        let plan = try CLI.shell("\"$QK\" plan --dims 1 > /dev/full")
        #expect(plan.status == 74)
    }

    /// Starts a run, waits, interrupts it, and returns its exit status, seconds from the signal to the
    /// exit, and its peak memory (VmHWM, kB) just before the signal.
    func interrupt(_ arguments: [String], after seconds: Double, in dir: URL) throws -> (status: Int32, seconds: Double, peakKB: Int) {
        let process = try CLI.start(arguments, in: dir)
        usleep(UInt32(seconds * 1e6))
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? -1
        let signalled = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        return (process.terminationStatus, Date().timeIntervalSince(signalled), peak)
    }

    @Test func aRunOfTenToTheFifteenSamplesStartsInLittleMemoryAndStopsAtOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try interrupt(["moments", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e15", "--out", "m.csv", "--quiet"],
                              after: 1.5, in: dir)
        #expect(r.status == 130 && r.seconds < 2, "\(r)")
        #expect(r.peakKB > 0 && r.peakKB < 100_000, "\(r)")
    }

    @Test func anInterruptInsideALongBlockStopsWithinAboutASecond() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // One block of 10^7 samples at d = 64 (21 s in a release build) and one sample of 2^31 draws.
        for (i, arguments) in [["--dims", "64", "--samples", "1e7", "--block-size", "10000000"],
                               ["--dims", "1073741824", "--samples", "1e4", "--block-size", "10000"]].enumerated() {
            let r = try interrupt(["moments"] + arguments + ["--means", "0", "--sigmas", "1", "--out", "m.csv", "--quiet",
                                                             "--checkpoint", "c\(i).ckpt"], after: 1, in: dir)
            #expect(r.status == 130 && r.seconds < 1.5, "\(arguments): \(r)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.csv").path))
        }
    }

    @Test func twoRunsCannotShareACheckpoint() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLI.start(["moments", "--dims", "64", "--samples", "1e8", "--out", "a.csv", "--checkpoint", "c.ckpt", "--quiet"], in: dir)
        defer { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() }
        usleep(500_000)
        let second = try CLI.run(["moments", "--dims", "64", "--samples", "1e8", "--out", "b.csv", "--checkpoint", "c.ckpt"], in: dir)
        #expect(second.status == 64 && second.stderr.contains("--checkpoint: 'c.ckpt' is in use by another running qkverify"), "\(second.stderr)")
    }

    @Test func aFailedCheckpointSaveIsSaidAndTheRunGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["moments", "--dims", "16", "--means", "0", "--sigmas", "1", "--samples", "2e6", "--block-size", "1000",
                             "--threads", "1", "--out", dir.appendingPathComponent("m.csv").path,
                             "--checkpoint", sub.appendingPathComponent("c.ckpt").path, "--checkpoint-every", "0.05", "--quiet"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Once a save has happened, make the checkpoint's directory a plain file: later saves fail.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: sub.appendingPathComponent("c.ckpt").path) && Date() < deadline { usleep(10_000) }
        try FileManager.default.removeItem(at: sub)
        try Data().write(to: sub)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("qkverify: could not save the checkpoint"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.csv").path))
    }

    @Test func temporariesLeftByAKilledRunAreRemoved() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A pid that cannot be running (above the kernel's pid_max limit of 2^22).
        let stale = dir.appendingPathComponent(".m.csv.tmp99999999")
        try Data("half".utf8).write(to: stale)
        #expect(try CLI.run(["moments"] + Self.small + ["--out", "m.csv", "--checkpoint", "c.ckpt"], in: dir).status == 0)
        // Neither the stale temporary nor the checkpoint's lock file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.csv"])
    }
}
