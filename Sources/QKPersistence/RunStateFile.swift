import QKSupport
import QKStatistics
import QKEngine
import QKExperiments
/// The state of a run on disk: a checkpoint (to resume) or a finished shard's part (to merge).
///
/// Both are the same thing: the complete nodes of the run's canonical ``MergeTree``, which for a
/// contiguous range of blocks are O(log blocks) per cell. A line-based text file, versioned and
/// self-describing, ending in a checksum:
///
///     qkverify-state 2
///     kind checkpoint | part
///     design <fingerprint>
///     algorithm, dims, means, sigmas, samples, seed, rng, block-size   (the design's fields)
///     blocks <blocks in the whole run>
///     shard <I> <N>     or    shard <I>-<J> <N>   (1-based; 1 1 for an unsharded run)
///     node <cell> <level> <index> <summary>       (one per complete tree node held)
///     checksum <FNV-1a 64 of every byte before this line>
///
/// A summary is `count mean M2 ... M8`, numbers as shortest round-trip text, so a state read back is
/// bit-identical to the one written.
package struct RunStateFile: Sendable {
    /// What the file is for.
    package enum Kind: String, Sendable {
        /// An interrupted or periodically saved run, to resume.
        case checkpoint
        /// A finished shard (or a merged run of shards), to merge.
        case part
    }

    /// The format version this build reads and writes.
    static let formatVersion = 2
    static let magic = "qkverify-state"

    /// What the file is for.
    package let kind: Kind
    /// The design of the run.
    package let design: MomentsDesign
    /// Which blocks the run draws.
    package let selection: BlockSelection
    /// The blocks finished so far, as complete nodes of the merge tree.
    package let tree: MergeTree<StreamingMoments>

    /// A state to write.
    package init(kind: Kind, design: MomentsDesign, selection: BlockSelection, tree: MergeTree<StreamingMoments>) {
        self.kind = kind
        self.design = design
        self.selection = selection
        self.tree = tree
    }

    /// The file's bytes.
    package var bytes: [UInt8] {
        var text = "\(RunStateFile.magic) \(RunStateFile.formatVersion)\n"
        text += "kind \(kind.rawValue)\n"
        text += "design \(design.fingerprint)\n"
        for (key, value) in design.fields { text += "\(key) \(value)\n" }
        text += "blocks \(design.plan.blockCount)\n"
        let shards = selection.shards
        text += "shard \(shards.lowerBound + 1)\(shards.count > 1 ? "-\(shards.upperBound + 1)" : "") \(selection.of)\n"
        for node in tree.nodes.keys.sorted() {
            text += "node \(node.cell) \(node.level) \(node.index) \(RunStateFile.summary(tree.nodes[node]!))\n"
        }
        var out = Array(text.utf8)
        out += Array("checksum \(FNV1a.hex(out))\n".utf8)
        return out
    }

    /// Reads a state file, checking everything that can be checked without another file.
    ///
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming the file and what is wrong with it.
    package init(bytes: [UInt8], path: String) throws {
        func bad(_ reason: String) -> QKVerifyError { .badFile(path: path, reason: reason) }
        let (fields, nodeLines) = try RunStateFile.lines(bytes, bad: bad)
        guard fields[RunStateFile.magic] == String(RunStateFile.formatVersion) else {
            throw bad("format version \(fields[RunStateFile.magic] ?? "?"); this qkverify reads version \(RunStateFile.formatVersion)")
        }
        guard let kindText = fields["kind"], let kind = Kind(rawValue: kindText) else { throw bad("unknown kind") }
        let design: MomentsDesign
        // Whatever the design record refuses (a field missing or unreadable, another algorithm), the
        // error names this file: it is bad data, never a rejected claim.
        do { design = try MomentsDesign(fields: fields) } catch {
            throw bad("its design does not read: \(error)")
        }
        guard fields["design"] == design.fingerprint else { throw bad("corrupt: the design fingerprint does not match its fields") }
        guard fields["blocks"] == String(design.plan.blockCount) else { throw bad("corrupt: wrong block count for its design") }
        let selection = try RunStateFile.selection(fields["shard"] ?? "", bad: bad)
        let tree = try RunStateFile.tree(nodeLines, plan: design.plan, selection: selection, bad: bad)
        self.init(kind: kind, design: design, selection: selection, tree: tree)
    }

    /// Whether the file holds every block of its selection.
    package var isComplete: Bool {
        tree.blockCount == selection.range(in: design.plan).count
    }

    /// The file's `key value` fields and its node lines, after checking the magic and the checksum.
    private static func lines(_ bytes: [UInt8], bad: (String) -> QKVerifyError) throws -> ([String: String], [(line: Int, words: [String])]) {
        guard bytes.starts(with: Array((RunStateFile.magic + " ").utf8)) else {
            throw bad("not a qkverify state file (a checkpoint or shard part)")
        }
        // The checksum line is the last line; it covers every byte before it.
        guard bytes.last == 10, let start = bytes.dropLast().lastIndex(of: 10).map({ $0 + 1 }) else {
            throw bad("truncated: no checksum line")
        }
        let checksumLine = String(decoding: bytes[start..<(bytes.count - 1)], as: UTF8.self)
        guard checksumLine == "checksum \(FNV1a.hex(bytes[..<start]))" else {
            throw bad("corrupt: the checksum does not match the contents")
        }
        let lines = String(decoding: bytes[..<start], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var fields: [String: String] = [:]
        var nodes: [(line: Int, words: [String])] = []
        for (number, line) in lines.enumerated() {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { throw bad("line \(number + 1) is malformed") }
            if words[0] == "node" {
                nodes.append((number + 1, words[1].split(separator: " ").map(String.init)))
            } else {
                guard fields.updateValue(words[1], forKey: words[0]) == nil else { throw bad("'\(words[0])' appears twice") }
            }
        }
        return (fields, nodes)
    }

    /// The selection a `shard` line names: `I N` or `I-J N`, 1-based.
    private static func selection(_ text: String, bad: (String) -> QKVerifyError) throws -> BlockSelection {
        let words = text.split(separator: " ").map(String.init)
        let range = words.first.map { $0.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) } } ?? []
        guard words.count == 2, let n = Int(words[1]), n >= 1, range.count == 1 || range.count == 2,
              let i = range.first!, let j = range.last!, i >= 1, i <= j, j <= n else { throw bad("malformed shard line") }
        return BlockSelection(shards: (i - 1)...(j - 1), of: n)
    }

    /// The merge tree of the node lines, each checked against the design and the selection.
    private static func tree(_ lines: [(line: Int, words: [String])], plan: BlockPlan, selection: BlockSelection,
                             bad: (String) -> QKVerifyError) throws -> MergeTree<StreamingMoments> {
        var tree = MergeTree<StreamingMoments>(plan: plan)
        let range = selection.range(in: plan)
        var read: [(node: MergeTree<StreamingMoments>.Node, moments: StreamingMoments)] = []
        for (line, parts) in lines {
            guard parts.count == 12, let c = Int(parts[0]), let level = Int(parts[1]), let index = Int(parts[2]),
                  let m = parseSummary(parts[3...]) else { throw bad("line \(line): malformed node") }
            let node = MergeTree<StreamingMoments>.Node(cell: c, level: level, index: index)
            guard tree.isValid(node) else { throw bad("corrupt: node \(c) \(level) \(index) does not fit the design") }
            let blocks = tree.globalBlocks(of: node)
            guard blocks.lowerBound >= range.lowerBound, blocks.upperBound <= range.upperBound else {
                throw bad("corrupt: node \(c) \(level) \(index) is not in shard \(selection)")
            }
            let samples = plan.samples(cell: c, blocks: tree.blocks(of: node))
            guard m.count == samples else { throw bad("corrupt: node \(c) \(level) \(index) holds \(m.count) samples, not \(samples)") }
            if let problem = impossibility(m) { throw bad("corrupt: node \(c) \(level) \(index) \(problem)") }
            read.append((node, m))
        }
        read.sort { tree.globalBlocks(of: $0.node).lowerBound < tree.globalBlocks(of: $1.node).lowerBound }
        for (earlier, later) in zip(read, read.dropFirst())
        where tree.globalBlocks(of: earlier.node).upperBound > tree.globalBlocks(of: later.node).lowerBound {
            throw bad("corrupt: nodes \(earlier.node.cell) \(earlier.node.level) \(earlier.node.index) and \(later.node.cell) \(later.node.level) \(later.node.index) overlap")
        }
        for (node, m) in read { tree.insert(node, m) }
        return tree
    }

    /// What makes a summary impossible for any data, or nil: a sum of even powers of deviations
    /// (M2, M4, M6, M8) is never negative, and a single sample deviates from its own mean by 0.
    ///
    /// These are the facts a summary can be checked against without the samples; a wrong but
    /// possible summary (a rescaled node) passes them, and only recomputing the block finds it.
    static func impossibility(_ m: StreamingMoments) -> String? {
        for p in stride(from: 2, through: 8, by: 2) where m.centralSum(p) < 0 {
            return "has a negative central sum M\(p) (\(NumberText.format(m.centralSum(p)))), which no data give"
        }
        if m.count == 1, let p = (2...8).first(where: { m.centralSum($0) != 0 }) {
            return "holds one sample but a nonzero central sum M\(p)"
        }
        return nil
    }

    static func summary(_ m: StreamingMoments) -> String {
        ([String(m.count), NumberText.format(m.mean)] + m.centralSums.map(NumberText.format)).joined(separator: " ")
    }

    static func parseSummary(_ parts: ArraySlice<String>) -> StreamingMoments? {
        guard parts.count == 9, let count = Int(parts.first!), count >= 1 else { return nil }
        let numbers = parts.dropFirst().compactMap(Double.init)
        guard numbers.count == 8, numbers.allSatisfy(\.isFinite) else { return nil }
        return StreamingMoments(count: count, mean: numbers[0], centralSums: Array(numbers[1...]))
    }
}
