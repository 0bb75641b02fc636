import Foundation
import Testing
@testable import QKPersistence

/// `qkverify merge`: shards run in separate processes merge to the unsharded bytes.
@Suite(.serialized) struct MergeCommandTests {
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
        #expect(try Data(contentsOf: merged) == Data(contentsOf: reference))
        #expect(try Data(contentsOf: dir.appendingPathComponent("c1.csv")) == Data(contentsOf: dir.appendingPathComponent("c2.csv")))

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
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: parts[2])))
        bytes[200] = bytes[200] == 48 ? 49 : 48
        let corruptPath = dir.appendingPathComponent("corrupt.part")
        try Data(bytes).write(to: corruptPath)
        let corrupt = try CLI.run(["merge", parts[0], parts[1], corruptPath.path, "--out", out])
        #expect(corrupt.status == 65 && corrupt.stderr.contains("corrupt.part: corrupt"))
        let unreadable = try CLI.run(["merge", parts[0], parts[1], dir.appendingPathComponent("nope.part").path, "--out", out])
        #expect(unreadable.status == 74 && unreadable.stderr.contains("nope.part"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A part whose checksum is valid but whose design record lacks a field, or was made by another
    /// sampling algorithm, is bad data: exit 65, the file named, no output (it once said
    /// "samples: missing" and exited 1, the status check uses for a rejected claim).
    @Test(arguments: [("samples", "samples: missing"), ("algorithm", "different sampling algorithm")])
    func partWithAMissingOrForeignDesignFieldExits65NamingTheFile(field: String, message: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let part = dir.appendingPathComponent("p.part")
        let grid = ["--dims", "1,2", "--means", "0", "--sigmas", "1", "--samples", "20000", "--quiet"]
        #expect(try CLI.run(["moments"] + grid + ["--shard", "1/1", "--out", part.path]).status == 0)
        let text = try String(contentsOf: part, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init).dropLast()  // without the checksum line
        #expect(lines.contains { $0.hasPrefix(field + " ") }, "the part has no '\(field)' line to damage")
        if field == "algorithm" {
            lines = lines.map { $0.hasPrefix("algorithm ") ? "algorithm 999" : $0 }[...]
        } else {
            lines.removeAll { $0.hasPrefix(field + " ") }
        }
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        try Data(body + Array("checksum \(FNV1a.hex(body))\n".utf8)).write(to: part)
        let out = dir.appendingPathComponent("m.csv")
        let merge = try CLI.run(["merge", part.path, "--out", out.path])
        #expect(merge.status == 65, "\(merge.status): \(merge.stderr)")
        #expect(merge.stderr.contains(part.path) && merge.stderr.contains(message), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// Parts with a recomputed checksum whose nodes are impossible on their face: `merge` and
/// `merge --part` refuse them with exit 65 naming the file, and write nothing (a node index of
/// k + 2^62 at level 4 aliased block 16k and crashed `merge` on a precondition; `merge --part`
/// copied it into its output and exited 0; a negative M2 or M4 was accepted).
@Suite(.serialized) struct TamperedPartTests {
    /// What is done to the level-4 node of shard 1/2, and the words the refusal must contain.
    static let tamperings: [(name: String, reason: String)] = [
        ("index + 2^62", "does not fit the design"), ("negative M2", "negative central sum M2"),
        ("negative M4", "negative central sum M4"), ("count + 1", "samples, not"),
    ]

    static func tamper(_ words: [String], _ name: String) -> [String] {
        var words = words
        switch name {
        case "index + 2^62": words[3] = String(Int(words[3])! + (1 << 62))
        case "negative M2": words[6] = String(-Double(words[6])!)
        case "negative M4": words[8] = String(-Double(words[8])!)
        default: words[4] = String(Int(words[4])! + 1)
        }
        return words
    }

    @Test(arguments: tamperings)
    func mergeRefusesAnImpossibleNodeWithExit65NamingThePart(tampering: (name: String, reason: String)) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 100 blocks: shard 1/2 holds blocks 0-31 (level 5), 32-47 (level 4) and 48-49 (level 1).
        let grid = ["--dims", "1", "--means", "0", "--sigmas", "1", "--samples", "1e5", "--block-size", "1000", "--quiet"]
        let parts = (1...2).map { dir.appendingPathComponent("p\($0).part").path }
        for (i, part) in parts.enumerated() {
            #expect(try CLI.run(["moments"] + grid + ["--shard", "\(i + 1)/2", "--out", part]).status == 0)
        }
        var lines = try String(contentsOfFile: parts[0], encoding: .utf8).split(separator: "\n").map(String.init).dropLast()
        let target = try #require(lines.firstIndex { $0.hasPrefix("node 0 4 2 ") }, "no level-4 node in \(lines)")
        lines[target] = Self.tamper(lines[target].split(separator: " ").map(String.init), tampering.name).joined(separator: " ")
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        let tampered = dir.appendingPathComponent("tampered.part").path
        try Data(body + Array("checksum \(FNV1a.hex(body))\n".utf8)).write(to: URL(fileURLWithPath: tampered))

        let out = dir.appendingPathComponent("m.csv").path, merged = dir.appendingPathComponent("m.part").path
        for extra in [["--out", out], ["--part", merged]] {
            let merge = try CLI.run(["merge", tampered, parts[1]] + extra)
            #expect(merge.status == 65, "\(extra): \(merge.status) \(merge.stderr)")
            #expect(merge.stderr.contains("tampered.part") && merge.stderr.contains(tampering.reason), "\(merge.stderr)")
            #expect(!FileManager.default.fileExists(atPath: extra[1]))
        }
        // The untouched parts merge.
        #expect(try CLI.run(["merge"] + parts + ["--out", out]).status == 0)
    }
}
