import Foundation
import Testing
@testable import QKVerify

/// Interruption, resume, checkpoints, shards and merges, through the real executable.
@Suite(.serialized) struct ReliabilityTests {
    // Long enough to interrupt (about 4.5 s in a debug build on 2 cores), small enough to run three times.
    static let grid = ["--dims", "64", "--means", "0,1", "--sigmas", "1", "--samples", "2e6", "--block-size", "2000", "--quiet"]

    func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// Interrupts a run once its first checkpoint is on disk.
    func interrupt(_ arguments: [String], signal: Int32, checkpoint: URL, in dir: URL) throws -> Int32 {
        let process = try CLI.start(arguments, in: dir)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: checkpoint.path) && Date() < deadline && process.isRunning {
            usleep(10_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedRunSavesACheckpointAndResumesToTheSameBytes(signal: Int32, status: Int32) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = dir.appendingPathComponent("ref.csv"), out = dir.appendingPathComponent("out.csv")
        let checkpoint = dir.appendingPathComponent("run.ckpt")
        #expect(try CLI.run(["moments"] + Self.grid + ["--out", reference.path]).status == 0)
        let args = ["moments"] + Self.grid + ["--out", out.path, "--checkpoint", checkpoint.path, "--checkpoint-every", "0.05"]
        #expect(try interrupt(args, signal: signal, checkpoint: checkpoint, in: dir) == status)
        #expect(!FileManager.default.fileExists(atPath: out.path))   // no table from an interrupted run
        let saved = try RunStateFile(bytes: Array(read(checkpoint)), path: checkpoint.path)
        #expect(saved.kind == .checkpoint && !saved.tree.isComplete && !saved.tree.nodes.isEmpty)
        let resumed = try CLI.run(args)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try read(out) == read(reference))
        #expect(!FileManager.default.fileExists(atPath: checkpoint.path))  // removed once the table is written
    }

    @Test func checkpointOfAnotherDesignIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let checkpoint = dir.appendingPathComponent("run.ckpt"), out = dir.appendingPathComponent("out.csv")
        let args = ["moments"] + Self.grid + ["--out", out.path, "--checkpoint", checkpoint.path, "--checkpoint-every", "0.05"]
        _ = try interrupt(args, signal: SIGINT, checkpoint: checkpoint, in: dir)
        let other = try CLI.run(args + ["--seed", "5"])
        #expect(other.status == 65)
        #expect(other.stderr.contains("run.ckpt: a checkpoint of a different design (seed 0 there, 5 here)"), "\(other.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A corrupted checkpoint is refused too.
        var bytes = try Array(read(checkpoint))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: checkpoint)
        let corrupt = try CLI.run(args)
        #expect(corrupt.status == 65 && corrupt.stderr.contains("corrupt"))
    }

    @Test func threeShardsInSeparateProcessesMergeToTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = ["--dims", "1,3,8", "--means", "0,1", "--sigmas", "1", "--samples", "20000", "--block-size", "3000", "--quiet"]
        let reference = dir.appendingPathComponent("ref.csv")
        #expect(try CLI.run(["moments"] + grid + ["--out", reference.path, "--controls", dir.appendingPathComponent("c1.csv").path]).status == 0)
        let shards = try (1...3).map { i in try CLI.start(["moments"] + grid + ["--shard", "\(i)/3"], in: dir) }
        for shard in shards { shard.waitUntilExit(); #expect(shard.terminationStatus == 0) }
        let parts = (1...3).map { dir.appendingPathComponent("moments-shard-\($0)-of-3.part").path }
        let merged = dir.appendingPathComponent("merged.csv")
        let merge = try CLI.run(["merge", parts[2], parts[0], parts[1], "--out", merged.path, "--quiet",
                                 "--controls", dir.appendingPathComponent("c2.csv").path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try read(merged) == read(reference))
        #expect(try read(dir.appendingPathComponent("c1.csv")) == read(dir.appendingPathComponent("c2.csv")))

        // Refused, naming the file, with no output: missing, duplicate, foreign, corrupt, unreadable.
        let out = dir.appendingPathComponent("refused.csv").path
        let missing = try CLI.run(["merge", parts[0], parts[1], "--out", out])
        #expect(missing.status == 64 && missing.stderr.contains("shard 3/3 missing"))
        let duplicate = try CLI.run(["merge", parts[0], parts[1], parts[1], "--out", out])
        #expect(duplicate.status == 65 && duplicate.stderr.contains("shard 2/3 is given twice"))
        let foreign = dir.appendingPathComponent("foreign.part").path
        #expect(try CLI.run(["moments"] + grid + ["--seed", "9", "--shard", "3/3", "--out", foreign]).status == 0)
        let mixed = try CLI.run(["merge", parts[0], parts[1], foreign, "--out", out])
        #expect(mixed.status == 65 && mixed.stderr.contains("foreign.part: from a different design"))
        var bytes = try Array(read(URL(fileURLWithPath: parts[2])))
        bytes[200] = bytes[200] == 48 ? 49 : 48
        let corruptPath = dir.appendingPathComponent("corrupt.part")
        try Data(bytes).write(to: corruptPath)
        let corrupt = try CLI.run(["merge", parts[0], parts[1], corruptPath.path, "--out", out])
        #expect(corrupt.status == 65 && corrupt.stderr.contains("corrupt.part: corrupt"))
        let unreadable = try CLI.run(["merge", parts[0], parts[1], dir.appendingPathComponent("nope.part").path, "--out", out])
        #expect(unreadable.status == 74 && unreadable.stderr.contains("nope.part"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func partFilesRoundTripBitForBit() throws {
        let design = try Fixtures.design(dims: [2, 5], means: [0, 1000], sigmas: [1], samples: 10_000, blockSize: 999)
        let (tree, finished) = MomentsExperiment(design: design, threads: 2)
            .run(BlockSelection(shard: 1, of: 4), from: MergeTree(plan: design.plan))
        #expect(finished)
        let state = RunStateFile(kind: .part, design: design, selection: BlockSelection(shard: 1, of: 4), tree: tree)
        let read = try RunStateFile(bytes: state.bytes, path: "x")
        #expect(read.tree.nodes == tree.nodes && read.design == design && read.isComplete)
        #expect(read.bytes == state.bytes)
    }

    /// A state file whose nodes do not fit its design or shard is refused, even with a valid checksum.
    @Test(arguments: [
        ("node 0 0 9999 ", "does not fit the design"), ("node 0 40 0 ", "does not fit the design"),
        ("node 0 0 -1 ", "does not fit the design"), ("node 7 0 0 ", "does not fit the design"),
        ("node 0 0 \(Int.max) ", "does not fit the design"), ("node 0 0 0 ", "not in shard 2/4"),
    ])
    func stateFilesWithNodesOutsideTheirShardAreRefused(node: String, reason: String) throws {
        let design = try Fixtures.design(dims: [2, 5], means: [0], sigmas: [1], samples: 10_000, blockSize: 999)
        let (tree, _) = MomentsExperiment(design: design, threads: 1).run(BlockSelection(shard: 1, of: 4), from: MergeTree(plan: design.plan))
        let text = String(decoding: RunStateFile(kind: .part, design: design, selection: BlockSelection(shard: 1, of: 4), tree: tree).bytes, as: UTF8.self)
        var lines = text.split(separator: "\n").map(String.init).dropLast()
        let firstNode = lines.firstIndex { $0.hasPrefix("node ") }!
        let summary = lines[firstNode].split(separator: " ").dropFirst(4).joined(separator: " ")
        lines.append(node + summary)
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        let bytes = body + Array("checksum \(FNV1a.hex(body))\n".utf8)
        #expect { try RunStateFile(bytes: bytes, path: "x") } throws: { error in
            "\(error)".contains(reason)
        }
        // Two copies of one node overlap.
        lines[lines.count - 1] = lines[firstNode]
        let twice = Array((lines.joined(separator: "\n") + "\n").utf8)
        #expect { try RunStateFile(bytes: twice + Array("checksum \(FNV1a.hex(twice))\n".utf8), path: "x") } throws: { error in
            "\(error)".contains("overlap")
        }
    }

    /// Any truncation of a state file is refused, never read as a smaller state.
    @Test func truncatedStateFilesAreRefused() throws {
        let design = try Fixtures.design(dims: [2], means: [0], sigmas: [1], samples: 10_000, blockSize: 3000)
        let (tree, _) = MomentsExperiment(design: design, threads: 1).run(BlockSelection(shard: 0, of: 2), from: MergeTree(plan: design.plan))
        let bytes = RunStateFile(kind: .checkpoint, design: design, selection: .all, tree: tree).bytes
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: QKVerifyError.self) { try RunStateFile(bytes: Array(bytes[..<cut]), path: "x") }
        }
    }

    @Test(arguments: [
        (["--shard", "0/3"], "--shard"), (["--shard", "4/3"], "--shard"), (["--shard", "1-3"], "--shard"),
        (["--checkpoint-every", "0"], "--checkpoint-every"),
        (["--shard", "1/2", "--controls", "c.csv"], "--controls"),
    ])
    func badReliabilityOptionsAreRefused(arguments: [String], option: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["moments", "--dims", "1", "--samples", "10000", "--out", dir.appendingPathComponent("o").path] + arguments)
        #expect(r.status == 64 && r.stderr.contains(option), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
