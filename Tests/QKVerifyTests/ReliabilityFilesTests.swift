import Foundation
import Testing

/// Issue #23's files and signals, through the real executable: a report's directory is one run's at
/// a time, a checkpoint is never a symbolic link, every signal that ends a run saves its checkpoint
/// and exits 128 + the signal, a FIFO output never makes a run deaf to Ctrl-C, and outputs that
/// cannot be written are refused before the work. Every process is started here and waited for.
@Suite(.serialized) struct ReliabilityFilesTests {
    /// A second report into a directory whose lock another process holds is refused: one line
    /// naming --out-dir, exit 64, nothing written (two reports once mixed REPORT.md of one seed with
    /// the tables of another).
    @Test func aReportIntoALockedDirectoryIsRefusedAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lock = dir.appendingPathComponent(".report.lock").path
        let fd = open(lock, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        let r = try CLI.run(["report", "--dims", "1,2", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--out-dir", dir.path, "--quiet"])
        #expect(r.status == 64, "\(r.status): \(r.stderr)")
        #expect(r.stderr.hasPrefix("qkverify: error: --out-dir: ") && r.stderr.contains("in use by another running qkverify report"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [".report.lock"])
    }

    /// The lock of a finished report is gone, so the next report into the directory runs.
    @Test func aFinishedReportLeavesNoLock() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let args = ["report", "--dims", "1,2", "--means", "0", "--sigmas", "1", "--samples", "1e4", "--keys", "16", "--collapse-keys", "16",
                    "--queries", "100", "--distribution-samples", "1000", "--out-dir", out.path, "--quiet"]
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".report.lock").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("REPORT.md").path))
        // A refused report into a new directory leaves neither the lock nor the directory.
        let refused = try CLI.run(["report", "--out-dir", dir.appendingPathComponent("new").path, "--keys", "0"])
        #expect(refused.status == 64 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path))
        let empty = try CLI.run(["report", "--out-dir", ""])
        #expect(empty.status == 64 && empty.stderr.contains("--out-dir: the path is empty"), "\(empty.stderr)")
    }

    /// A symbolic link as --checkpoint is refused (finishing once deleted the link and left the
    /// target; a dangling link made its target's directory): exit 64, the link untouched, nothing made.
    @Test(arguments: ["target.ckpt", "missing/dir/target.ckpt"])
    func aSymlinkCheckpointIsRefused(target: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("link.ckpt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "m.csv", "--checkpoint", "link.ckpt"], in: dir)
        #expect(r.status == 64 && r.stderr.contains("--checkpoint: 'link.ckpt' is a symbolic link"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["link.ckpt"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    /// A run refused after its checkpoint was locked (here: the checkpoint is another design's)
    /// leaves no `.NAME.lock` behind.
    @Test func aRefusedRunLeavesNoLockFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["moments", "--dims", "64", "--means", "0", "--sigmas", "1", "--samples", "2e6", "--block-size", "2000", "--quiet",
                    "--out", "m.csv", "--checkpoint", "c.ckpt", "--checkpoint-every", "0.05"]
        #expect(try CLI.interrupt(args, signal: SIGINT, checkpoint: dir.appendingPathComponent("c.ckpt"), in: dir) == 130)
        let refused = try CLI.run(args + ["--seed", "3"], in: dir)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["c.ckpt"])
    }

    /// SIGHUP and SIGQUIT stop a run as SIGINT does: the checkpoint saved, exit 129 and 131 (SIGHUP
    /// killed without a save; SIGQUIT printed "Program crashed" and exited 0), and the run resumes.
    @Test(arguments: [(SIGHUP, Int32(129)), (SIGQUIT, Int32(131))])
    func hangupAndQuitSaveTheCheckpoint(signal: Int32, status: Int32) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let checkpoint = dir.appendingPathComponent("run.ckpt")
        let args = ["moments"] + CLI.interruptibleGrid + ["--out", "out.csv", "--checkpoint", checkpoint.path, "--checkpoint-every", "0.05"]
        #expect(try CLI.interrupt(args, signal: signal, checkpoint: checkpoint, in: dir) == status)
        #expect(FileManager.default.fileExists(atPath: checkpoint.path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".run.ckpt.lock").path))
    }

    /// A run started with SIGHUP ignored (`nohup`) keeps running through a hangup, as `nohup` means,
    /// and still stops cleanly on SIGINT.
    @Test func anIgnoredHangupStaysIgnored() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = CLI.interruptibleGrid.joined(separator: " ")
        let r = try CLI.shell("""
            trap '' HUP
            "$QK" moments \(grid) --out out.csv --checkpoint run.ckpt --checkpoint-every 0.05 &
            pid=$!
            sleep 1; kill -HUP $pid; sleep 0.5
            kill -0 $pid && echo alive
            kill -INT $pid; wait $pid; echo "status $?"
            """, in: dir)
        #expect(r.stdout == "alive\nstatus 130\n", "\(r.stdout) \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("run.ckpt").path))
    }

    /// A command without a checkpoint ends by the signal on SIGQUIT, never with exit 0.
    @Test func quitEndsACommandBySignal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = try CLI.start(["distribution", "--dims", "1,2", "--samples", "3e6", "--out", "d.csv", "--histogram", "h.csv", "--quiet"], in: dir)
        usleep(700_000)
        kill(process.processIdentifier, SIGQUIT)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGQUIT,
                "\(process.terminationReason) \(process.terminationStatus)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.csv").path))
    }

    /// A run whose --out is a FIFO nobody reads yet stops on SIGINT and SIGTERM (a blocking open
    /// ignored both), says which signal by name, and writes the table once a reader comes.
    @Test(arguments: [(SIGINT, Int32(130), "SIGINT (signal 2)"), (SIGTERM, Int32(143), "SIGTERM (signal 15)")])
    func aRunWaitingForAFIFOReaderStopsOnASignal(signal: Int32, status: Int32, name: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("t.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let log = dir.appendingPathComponent("stderr.txt")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
        let errors = try FileHandle(forWritingTo: log)
        let process = try CLI.start(["moments"] + CLI.tinyGrid + ["--out", fifo], in: dir, standardError: errors)
        usleep(1_500_000)  // the tiny run is done well before: it waits for a reader
        #expect(process.isRunning)
        let signalled = Date()
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errors.close()
        #expect(process.terminationStatus == status && Date().timeIntervalSince(signalled) < 1)
        #expect(try String(contentsOf: log, encoding: .utf8)
                == "qkverify: error: \(fifo): interrupted by \(name) while waiting for a reader; nothing written\n")
        // With a reader the table comes through.
        let writer = try CLI.start(["moments"] + CLI.tinyGrid + ["--out", fifo], in: dir)
        let reader = try #require(FileHandle(forReadingAtPath: fifo))
        let text = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        try reader.close()
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0 && text.hasPrefix("d,mu,sigma,"))
    }

    /// Outputs that cannot be written are refused before the work: a socket, and a directory where
    /// no file can be made even by root (/sys). The 10^12-sample run would take hours.
    @Test func unwritableOutputsAreRefusedBeforeTheWork() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let socketPath = dir.appendingPathComponent("s.csv").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        var paths = [(socketPath, "is a socket")]
        if FileManager.default.fileExists(atPath: "/sys/kernel") { paths.append(("/sys/qk-\(getpid()).csv", "cannot create a file in '/sys'")) }
        for (path, reason) in paths {
            let started = Date()
            let r = try CLI.run(["moments", "--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e12", "--out", path, "--quiet"])
            #expect(r.status == 64 && r.stderr.contains("--out: ") && r.stderr.contains(reason), "\(path): \(r.stderr)")
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }
}
