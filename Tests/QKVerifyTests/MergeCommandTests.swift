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

/// `merge --audit`: chosen parts recomputed from their designs, byte for byte. A part whose mu = 1
/// nodes are rescaled (central sums M_p times 1.3^(p/2), checksum recomputed) passes every check a
/// part can pass on its own; the audit of every part finds it (exit 65 naming it, nothing written),
/// and an honest set passes. The choice of parts is the seed's, whatever order the parts come in.
@Suite(.serialized) struct PartAuditTests {
    static let grid = ["--dims", "1,4", "--means", "0,1", "--sigmas", "1", "--samples", "1e5", "--block-size", "5000", "--quiet"]

    /// Shards 1-4 of the grid in `dir`, and a copy of the last with its mu = 1 cells (2 and 3) rescaled.
    static func parts(in dir: URL) throws -> (honest: [String], tampered: String) {
        let honest = (1...4).map { dir.appendingPathComponent("p\($0).part").path }
        for (i, part) in honest.enumerated() {
            #expect(try CLI.run(["moments"] + grid + ["--shard", "\(i + 1)/4", "--out", part]).status == 0)
        }
        var lines = try String(contentsOfFile: honest[3], encoding: .utf8).split(separator: "\n").map(String.init).dropLast()
        var rescaled = 0
        for i in lines.indices where lines[i].hasPrefix("node 2 ") || lines[i].hasPrefix("node 3 ") {
            var words = lines[i].split(separator: " ").map(String.init)
            for p in 2...8 { words[p + 4] = String(Double(words[p + 4])! * pow(1.3, Double(p) / 2)) }
            lines[i] = words.joined(separator: " ")
            rescaled += 1
        }
        #expect(rescaled > 0, "shard 4/4 holds no mu = 1 node")
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        let tampered = dir.appendingPathComponent("p4-rescaled.part").path
        try Data(body + Array("checksum \(FNV1a.hex(body))\n".utf8)).write(to: URL(fileURLWithPath: tampered))
        return (honest, tampered)
    }

    @Test func anAuditOfEveryPartFindsTheRescaledOneAndPassesAnHonestSet() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (honest, tampered) = try Self.parts(in: dir)
        let out = dir.appendingPathComponent("m.csv").path
        let set = Array(honest.prefix(3)) + [tampered]
        // Without an audit the rescaled part merges (its checksum and nodes are consistent).
        let unaudited = try CLI.run(["merge"] + set + ["--out", out, "--quiet"])
        #expect(unaudited.status == 0 || unaudited.status == 1, "\(unaudited.stderr)")
        try FileManager.default.removeItem(atPath: out)
        for size in ["100%", "4"] {
            let audited = try CLI.run(["merge"] + set.reversed() + ["--out", out, "--audit", size, "--quiet"])
            #expect(audited.status == 65, "\(size): \(audited.status) \(audited.stderr)")
            #expect(audited.stderr.contains("p4-rescaled.part: differs from its recomputation"), "\(audited.stderr)")
            #expect(audited.stderr.contains("--audit-seed "), "the seed of the choice is printed: \(audited.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let part = dir.appendingPathComponent("g.part").path
        let level = try CLI.run(["merge"] + set + ["--part", part, "--audit", "100%", "--quiet"])
        #expect(level.status == 65 && !FileManager.default.fileExists(atPath: part), "\(level.stderr)")

        let clean = try CLI.run(["merge"] + honest + ["--out", out, "--audit", "100%", "--quiet"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let reference = dir.appendingPathComponent("ref.csv").path
        #expect(try CLI.run(["merge"] + honest + ["--out", reference, "--quiet"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: reference)))
    }

    /// The same --audit-seed chooses the same shards whatever order the parts are given in, so an
    /// audit can be repeated; a seed that picks only honest parts passes, one that picks the bad one fails.
    @Test func theAuditSeedChoosesTheSamePartsInAnyOrder() throws {
        let choose = { (seed: UInt64) in PartAudit(count: 2, seed: seed).chosen(of: 10) }
        #expect(choose(7) == choose(7) && choose(7).count == 2 && Set(choose(7)).count == 2)
        #expect(Set((0..<200).map { choose(UInt64($0)) }.map { "\($0)" }).count > 20)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (honest, tampered) = try Self.parts(in: dir)
        let set = Array(honest.prefix(3)) + [tampered]
        // Shard order: index 3 is the rescaled part. Find one seed that picks it and one that does not.
        let picks = (UInt64(0)..<100).map { ($0, PartAudit(count: 1, seed: $0).chosen(of: 4)) }
        let bad = try #require(picks.first { $0.1 == [3] }).0, good = try #require(picks.first { $0.1 != [3] }).0
        for order in [set, set.reversed()] {
            let caught = try CLI.run(["merge"] + order + ["--out", dir.appendingPathComponent("a.csv").path, "--audit", "1", "--audit-seed", "\(bad)"])
            #expect(caught.status == 65 && caught.stderr.contains("--audit-seed \(bad)"), "\(caught.stderr)")
            let missed = try CLI.run(["merge"] + order + ["--out", dir.appendingPathComponent("b.csv").path, "--audit", "1", "--audit-seed", "\(good)", "--quiet"])
            #expect(missed.status != 65, "\(missed.stderr)")
        }
    }

    /// 1 - C(n - t, P) / C(n, P), the README's worked example.
    @Test func detectionProbabilityIsOneMinusTheChanceOfMissingEveryBadPart() throws {
        #expect(PartAudit.detectionProbability(parts: 4, bad: 1, audited: 4) == 1)
        #expect(abs(PartAudit.detectionProbability(parts: 100, bad: 1, audited: 10) - 0.1) < 1e-12)
        #expect(abs(PartAudit.detectionProbability(parts: 100, bad: 5, audited: 10) - 0.4162) < 1e-4)
        #expect(PartAudit.detectionProbability(parts: 100, bad: 0, audited: 10) == 0)
        #expect(try PartAudit.Size.percent(2).count(of: 1000, option: "--audit") == 20)
        #expect(try PartAudit.Size.percent(2).count(of: 10, option: "--audit") == 1)
    }

    @Test(arguments: [(["--audit", "0"], "--audit"), (["--audit", "0%"], "--audit"), (["--audit", "101%"], "--audit"),
                      (["--audit", "9"], "--audit"), (["--audit-seed", "3"], "--audit-seed"), (["--audit", "1", "--audit-seed", "x"], "--audit-seed")])
    func badAuditOptionsAreRefused(arguments: [String], option: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["merge", "a.part", "b.part", "--out", "m.csv"] + arguments, in: dir)
        #expect(r.status == 64 && r.stderr.hasPrefix("qkverify: error: \(option): ") && !r.stderr.contains("\(option): \(option)"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
