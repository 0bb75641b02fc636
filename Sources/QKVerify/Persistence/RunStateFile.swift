/// The state of a run on disk: a checkpoint (to resume) or a finished shard's part (to merge).
///
/// A line-based text file, versioned and self-describing, ending in a checksum:
///
///     qkverify-state 1
///     kind checkpoint | part
///     design <fingerprint>
///     algorithm, dims, means, sigmas, samples, seed, rng, block-size   (the design's fields)
///     blocks <blocks in the whole run>
///     shard <I> <N>                          (1-based; 1 1 for an unsharded run)
///     cell <c> <blocks folded> <summary>     (a checkpoint's per-cell folds so far)
///     block <g> <summary>                    (finished blocks not folded into a cell line)
///     checksum <FNV-1a 64 of every byte before this line>
///
/// A summary is `count mean M2 ... M8`, numbers as shortest round-trip text, so a state read back is
/// bit-identical to the one written.
public struct RunStateFile: Sendable {
    /// What the file is for.
    public enum Kind: String, Sendable {
        /// An interrupted or periodically saved run, to resume.
        case checkpoint
        /// A finished shard, to merge.
        case part
    }

    /// The format version this build reads and writes.
    public static let formatVersion = 1
    static let magic = "qkverify-state"

    /// What the file is for.
    public let kind: Kind
    /// The design of the run.
    public let design: MomentsDesign
    /// Which blocks the run draws.
    public let selection: BlockSelection
    /// Per-cell folds of the first `folded` blocks (empty for a shard).
    public let cells: [(folded: Int, moments: StreamingMoments)]
    /// Finished blocks held separately, by global index.
    public let blocks: [Int: StreamingMoments]

    /// A state to write.
    public init(kind: Kind, design: MomentsDesign, selection: BlockSelection,
                cells: [(folded: Int, moments: StreamingMoments)], blocks: [Int: StreamingMoments]) {
        self.kind = kind
        self.design = design
        self.selection = selection
        self.cells = cells
        self.blocks = blocks
    }

    /// The file's bytes.
    public var bytes: [UInt8] {
        var text = "\(RunStateFile.magic) \(RunStateFile.formatVersion)\n"
        text += "kind \(kind.rawValue)\n"
        text += "design \(design.fingerprint)\n"
        for (key, value) in design.fields { text += "\(key) \(value)\n" }
        text += "blocks \(design.plan.blockCount)\n"
        text += "shard \(selection.shard + 1) \(selection.shards)\n"
        for (c, cell) in cells.enumerated() where cell.folded > 0 {
            text += "cell \(c) \(cell.folded) \(RunStateFile.summary(cell.moments))\n"
        }
        for g in blocks.keys.sorted() { text += "block \(g) \(RunStateFile.summary(blocks[g]!))\n" }
        var out = Array(text.utf8)
        out += Array("checksum \(FNV1a.hex(out))\n".utf8)
        return out
    }

    /// Reads a state file, checking everything that can be checked without another file.
    ///
    /// - Throws: ``QKVerifyError/badFile(path:reason:)`` naming the file and what is wrong with it.
    public init(bytes: [UInt8], path: String) throws {
        func bad(_ reason: String) -> QKVerifyError { .badFile(path: path, reason: reason) }
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
        var cellLines: [(Int, Int, StreamingMoments)] = []
        var blockLines: [Int: StreamingMoments] = [:]
        for (number, line) in lines.enumerated() {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { throw bad("line \(number + 1) is malformed") }
            switch words[0] {
            case "cell":
                let parts = words[1].split(separator: " ").map(String.init)
                guard parts.count == 11, let c = Int(parts[0]), let folded = Int(parts[1]), c >= 0, folded >= 1,
                      let m = RunStateFile.parseSummary(parts[2...]) else { throw bad("line \(number + 1): malformed cell") }
                cellLines.append((c, folded, m))
            case "block":
                let parts = words[1].split(separator: " ").map(String.init)
                guard parts.count == 10, let g = Int(parts[0]), g >= 0, let m = RunStateFile.parseSummary(parts[1...]) else {
                    throw bad("line \(number + 1): malformed block")
                }
                guard blockLines.updateValue(m, forKey: g) == nil else { throw bad("block \(g) appears twice") }
            default:
                guard fields.updateValue(words[1], forKey: words[0]) == nil else { throw bad("'\(words[0])' appears twice") }
            }
        }
        guard fields[RunStateFile.magic] == String(RunStateFile.formatVersion) else {
            throw bad("format version \(fields[RunStateFile.magic] ?? "?"); this qkverify reads version \(RunStateFile.formatVersion)")
        }
        guard let kindText = fields["kind"], let kind = Kind(rawValue: kindText) else { throw bad("unknown kind") }
        let design: MomentsDesign
        do { design = try MomentsDesign(fields: fields) } catch let error as QKVerifyError {
            throw bad("its design does not read: \(error)")
        }
        guard fields["design"] == design.fingerprint else { throw bad("corrupt: the design fingerprint does not match its fields") }
        guard fields["blocks"] == String(design.plan.blockCount) else { throw bad("corrupt: wrong block count for its design") }
        let shard = (fields["shard"] ?? "").split(separator: " ").compactMap { Int($0) }
        guard shard.count == 2, shard[1] >= 1, shard[0] >= 1, shard[0] <= shard[1] else { throw bad("malformed shard line") }
        let selection = BlockSelection(shard: shard[0] - 1, of: shard[1])
        var cells = Array(repeating: (folded: 0, moments: StreamingMoments()), count: design.plan.cellCount)
        for (c, folded, m) in cellLines {
            guard c < cells.count, folded <= design.plan.blockCount(cell: c), cells[c].folded == 0, selection.shards == 1 else {
                throw bad("corrupt: cell \(c) does not fit the design")
            }
            // Only a cell's last block can be short, so its first `folded` blocks hold this many samples.
            let samples = min(folded * design.plan.blockSamples(cell: c), design.plan.samplesPerCell)
            guard m.count == samples else { throw bad("corrupt: cell \(c) holds \(m.count) samples, not \(samples)") }
            cells[c] = (folded, m)
        }
        for g in blockLines.keys {
            guard g < design.plan.blockCount, selection.contains(g) else { throw bad("corrupt: block \(g) is not in shard \(shard[0])/\(shard[1])") }
            let block = design.plan.block(g)
            guard block.indexInCell >= cells[block.cell].folded else { throw bad("corrupt: block \(g) is also folded into its cell") }
            guard blockLines[g]!.count == block.samples else { throw bad("corrupt: block \(g) holds \(blockLines[g]!.count) samples, not \(block.samples)") }
        }
        self.init(kind: kind, design: design, selection: selection, cells: cells, blocks: blockLines)
    }

    /// The state of an unsharded run's fold.
    public init(checkpointOf fold: OrderedFold<StreamingMoments>, design: MomentsDesign) {
        self.init(kind: .checkpoint, design: design, selection: .all,
                  cells: zip(fold.folded, fold.cells).map { ($0, $1) }, blocks: fold.pending)
    }

    /// The fold this state restores (for an unsharded checkpoint).
    public var fold: OrderedFold<StreamingMoments> {
        OrderedFold(plan: design.plan, cells: cells.map(\.moments), folded: cells.map(\.folded), pending: blocks)
    }

    /// Whether the file holds every block of its selection.
    public var isComplete: Bool {
        let selected = design.plan.blockCount / selection.shards + (selection.shard < design.plan.blockCount % selection.shards ? 1 : 0)
        return blocks.count + cells.reduce(0) { $0 + $1.folded } == selected
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
