import QKSupport
/// How a run's samples are cut into blocks: the unit of seeding, of threading and of merging.
///
/// Each cell's n samples (the same n for every cell, or each cell its own) are cut into blocks (the last may be shorter). By default a block holds
/// about 2^20 Gaussian draws, `max(1, 2^20 / draws per sample)` samples (for q^T k, 2d draws a sample:
/// `2^19 / d`), so every block costs about the same whatever the cell. The block size is part of the
/// run's design: it decides which stream each sample comes from, so a different block size gives
/// different (equally valid) numbers.
package struct BlockPlan: Sendable, Hashable {
    /// One block: which cell, which samples, and its global index.
    package struct Block: Sendable, Hashable {
        /// The block's index across the whole run (its seed comes from this).
        let index: Int
        /// The index of its cell in ``BlockPlan/cells``.
        package let cell: Int
        /// The block's position within its cell, from 0.
        let indexInCell: Int
        /// How many samples of T it draws.
        package let samples: Int
    }

    /// The default number of samples per block for a cell with this many draws per sample: about 2^20 draws.
    static func defaultBlockSamples(drawsPerSample: Int) -> Int { max(1, 1_048_576 / drawsPerSample) }

    /// The default number of samples per block for q^T k in dimension d (2d draws a sample).
    static func defaultBlockSamples(d: Int) -> Int { defaultBlockSamples(drawsPerSample: 2 * d) }

    /// The Gaussian draws each sample of each cell takes, in run order.
    let drawsPerSample: [Int]
    /// The samples drawn in each cell, in run order.
    package let samplesPerCell: [Int]
    /// The fixed block size (in samples) asked for, or nil for the default per-d size.
    let fixedBlockSamples: Int?
    /// The global index of each cell's first block, with the total number of blocks appended.
    package let firstBlock: [Int]

    /// A plan for `samples` samples in every cell.
    ///
    /// - Parameters:
    ///   - drawsPerSample: the draws one sample takes, for each cell in run order.
    ///   - blockSamples: samples per block for every cell, or nil for ``defaultBlockSamples(drawsPerSample:)``.
    /// - Throws: ``QKVerifyError/invalid(_:_:)`` (samples) when the run would need more blocks than
    ///   ``BlockSeeder/maxBlocks``.
    package init(drawsPerSample: [Int], samples: Int, blockSamples: Int? = nil) throws {
        try self.init(drawsPerSample: drawsPerSample, samples: drawsPerSample.map { _ in samples }, blockSamples: blockSamples)
    }

    /// A plan for `samples[c]` samples in cell c.
    ///
    /// A cell's blocks and their seeds depend on the samples of the cells before it, so the same
    /// cell drawn with a different count before it gets different (equally valid) samples.
    ///
    /// - Parameters:
    ///   - drawsPerSample: the draws one sample takes, for each cell in run order.
    ///   - samples: the samples of each cell, in run order (as many as `drawsPerSample`).
    ///   - blockSamples: samples per block for every cell, or nil for ``defaultBlockSamples(drawsPerSample:)``.
    /// - Throws: as ``init(drawsPerSample:samples:blockSamples:)``.
    package init(drawsPerSample: [Int], samples: [Int], blockSamples: Int? = nil) throws {
        precondition(samples.count == drawsPerSample.count && samples.allSatisfy { $0 >= 1 } && (blockSamples ?? 1) >= 1)
        self.drawsPerSample = drawsPerSample
        self.samplesPerCell = samples
        self.fixedBlockSamples = blockSamples
        var first = [0]
        for (draws, samples) in zip(drawsPerSample, samples) {
            let size = blockSamples ?? BlockPlan.defaultBlockSamples(drawsPerSample: draws)
            let count = (samples + size - 1) / size
            let (next, overflow) = first.last!.addingReportingOverflow(count)
            guard !overflow, next <= BlockSeeder.maxBlocks else {
                throw QKVerifyError.invalid(.samples,
                    "the run needs more than 2^32 - 1 blocks; allowed: fewer samples, fewer cells or a larger block size")
            }
            first.append(next)
        }
        self.firstBlock = first
    }

    /// The number of blocks in the whole run.
    package var blockCount: Int { firstBlock.last! }

    /// The number of cells.
    var cellCount: Int { drawsPerSample.count }

    /// The samples per block in a cell.
    package func blockSamples(cell: Int) -> Int {
        fixedBlockSamples ?? BlockPlan.defaultBlockSamples(drawsPerSample: drawsPerSample[cell])
    }

    /// The number of blocks of one cell.
    package func blockCount(cell: Int) -> Int { firstBlock[cell + 1] - firstBlock[cell] }

    /// The total number of Gaussian draws in the run.
    package var totalDraws: Double {
        var total = 0.0
        for (draws, samples) in zip(drawsPerSample, samplesPerCell) { total += Double(draws) * Double(samples) }
        return total
    }

    /// The draws of one block.
    package func draws(_ block: Block) -> Double { Double(drawsPerSample[block.cell]) * Double(block.samples) }

    /// The cell of global block g: the last cell whose first block is <= g.
    package func cell(of g: Int) -> Int {
        precondition(g >= 0 && g < blockCount)
        var lo = 0, hi = cellCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if firstBlock[mid] <= g { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The block with global index g.
    package func block(_ g: Int) -> Block {
        let c = cell(of: g)
        let inCell = g - firstBlock[c]
        return Block(index: g, cell: c, indexInCell: inCell, samples: samples(cell: c, blocks: inCell..<(inCell + 1)))
    }

    /// The samples in blocks `blocks` (indices within the cell) of a cell.
    package func samples(cell: Int, blocks: Range<Int>) -> Int {
        let size = blockSamples(cell: cell)
        let n = samplesPerCell[cell]
        return min(blocks.upperBound * size, n) - min(blocks.lowerBound * size, n)
    }

    /// The draws of blocks `blocks` (indices within the cell) of a cell.
    package func draws(cell: Int, blocks: Range<Int>) -> Double {
        Double(drawsPerSample[cell]) * Double(samples(cell: cell, blocks: blocks))
    }

    /// The draws of every block before global block g (g may equal the block count).
    package func draws(before g: Int) -> Double {
        precondition(g >= 0 && g <= blockCount)
        if g == blockCount { return totalDraws }
        let c = cell(of: g)
        var total = 0.0
        for earlier in 0..<c { total += Double(drawsPerSample[earlier]) * Double(samplesPerCell[earlier]) }
        return total + draws(cell: c, blocks: 0..<(g - firstBlock[c]))
    }
}
