import Foundation
import Testing

/// ``StateStore``: checkpoints are one run's at a time, saved whole, and refused when foreign.
@Suite(.serialized) struct StateStoreTests {
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
        #expect(try CLI.run(["moments"] + CLI.tinyGrid + ["--out", "m.csv", "--checkpoint", "c.ckpt"], in: dir).status == 0)
        // Neither the stale temporary nor the checkpoint's lock file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.csv"])
    }

    @Test func checkpointOfAnotherDesignIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let checkpoint = dir.appendingPathComponent("run.ckpt"), out = dir.appendingPathComponent("out.csv")
        let args = ["moments"] + CLI.interruptibleGrid + ["--out", out.path, "--checkpoint", checkpoint.path, "--checkpoint-every", "0.05"]
        _ = try CLI.interrupt(args, signal: SIGINT, checkpoint: checkpoint, in: dir)
        let other = try CLI.run(args + ["--seed", "5"])
        #expect(other.status == 65)
        #expect(other.stderr.contains("run.ckpt: a checkpoint of a different design (seed 0 there, 5 here)"), "\(other.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A corrupted checkpoint is refused too.
        var bytes = try Array(Data(contentsOf: checkpoint))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: checkpoint)
        let corrupt = try CLI.run(args)
        #expect(corrupt.status == 65 && corrupt.stderr.contains("corrupt"))
    }
}
