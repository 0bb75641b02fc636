import Foundation
import Testing
@testable import QKSupport
@testable import QKEngine
@testable import QKExperiments
@testable import QKPersistence

/// ``RunStateFile``: parts and checkpoints round-trip bit for bit, and damaged or foreign ones are refused.
@Suite struct RunStateFileTests {
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
}
