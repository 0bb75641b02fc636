import QKStatistics
/// The canonical merge tree: the one order in which a run's block summaries combine, so that the
/// result is the same bytes however the blocks were split among threads, shards and interruptions.
///
/// Each cell's blocks (numbered 0, 1, ... within the cell) are the leaves of a binary tree whose
/// nodes are the dyadic intervals `[k 2^j, (k+1) 2^j)`, clipped to the cell's block count. A node's
/// summary is its left child merged with its right child; a node whose right child lies wholly past
/// the cell's last block *is* its left child (no merge). A cell's result is its root, the node at the
/// lowest level j with `2^j >= blocks`. See docs/THEORY.md section 7.
///
/// The tree keeps only complete nodes and combines two siblings as soon as both are present, so it
/// holds at most about `2 log2(blocks)` nodes per cell for any contiguous range of finished blocks
/// (plus the few finished out of order, about one per thread). A checkpoint and a shard's part file
/// are this set of nodes; merging parts is inserting their nodes.
package struct MergeTree<Summary: Mergeable>: Sendable {
    /// A node: the dyadic interval `[index 2^level, (index+1) 2^level)` of a cell's blocks.
    package struct Node: Sendable, Hashable, Comparable {
        /// The cell, in plan order.
        package let cell: Int
        /// The level: a node at level j spans up to 2^j blocks; leaves are level 0.
        package let level: Int
        /// The node's position within its level, from 0.
        package let index: Int

        /// A node.
        package init(cell: Int, level: Int, index: Int) {
            self.cell = cell
            self.level = level
            self.index = index
        }

        /// Its first block within the cell.
        var firstBlock: Int { index << level }

        /// Its parent.
        var parent: Node { Node(cell: cell, level: level + 1, index: index >> 1) }

        /// Its sibling (the other child of its parent).
        var sibling: Node { Node(cell: cell, level: level, index: index ^ 1) }

        /// Nodes in run order: by cell, then by first block, larger nodes first.
        package static func < (a: Node, b: Node) -> Bool {
            (a.cell, a.firstBlock, -a.level) < (b.cell, b.firstBlock, -b.level)
        }
    }

    /// The plan whose blocks are the leaves.
    package let plan: BlockPlan
    /// The blocks of each cell (the leaves of each cell's tree).
    let blocksPerCell: [Int]
    /// The complete nodes held, each the merge of every block below it.
    package private(set) var nodes: [Node: Summary] = [:]

    /// An empty tree for a plan.
    package init(plan: BlockPlan) {
        self.plan = plan
        self.blocksPerCell = (0..<plan.cellCount).map { plan.blockCount(cell: $0) }
    }

    /// The level of a cell's root: the least j with 2^j >= its block count.
    package func rootLevel(cell: Int) -> Int {
        let n = blocksPerCell[cell]
        return n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount
    }

    /// The blocks of the cell a node spans, clipped to the cell's block count (empty past the end).
    package func blocks(of node: Node) -> Range<Int> {
        let n = blocksPerCell[node.cell]
        let start = min(node.firstBlock, n)
        return start..<min(start + (1 << node.level), n)
    }

    /// Whether a node is one of the cell's tree: inside the cell, at or below the root, and starting
    /// at one of the cell's blocks.
    ///
    /// The index is bounded before any shift: `index << level` drops high bits, so an index such as
    /// 7 + 2^62 at level 2 would otherwise alias block 28 under a key no sibling ever matches.
    package func isValid(_ node: Node) -> Bool {
        guard node.cell >= 0, node.cell < blocksPerCell.count, node.level >= 0, node.index >= 0,
              node.level <= rootLevel(cell: node.cell) else { return false }
        return node.index <= (blocksPerCell[node.cell] - 1) >> node.level
    }

    /// The held node that contains block `i` of `cell`, if any.
    func node(containing i: Int, cell: Int) -> Node? {
        for level in 0...rootLevel(cell: cell) {
            let node = Node(cell: cell, level: level, index: i >> level)
            if nodes[node] != nil { return node }
        }
        return nil
    }

    /// The global indices of a node's blocks.
    package func globalBlocks(of node: Node) -> Range<Int> {
        let local = blocks(of: node)
        let first = plan.firstBlock[node.cell]
        return (first + local.lowerBound)..<(first + local.upperBound)
    }

    /// The first block at or after global index g, and before `end`, that no held node contains
    /// (`end` when there is none). Skips a held node in one step, so finding the work left after a
    /// resume costs O(nodes log blocks), not O(blocks).
    func nextNeeded(from g: Int, before end: Int) -> Int {
        var g = g
        while g < end {
            let c = plan.cell(of: g)
            guard let held = node(containing: g - plan.firstBlock[c], cell: c) else { return g }
            g = globalBlocks(of: held).upperBound
        }
        return end
    }

    /// The draws of the blocks held.
    package var draws: Double {
        nodes.keys.sorted().reduce(0) { $0 + plan.draws(cell: $1.cell, blocks: blocks(of: $1)) }
    }

    /// The draws of the blocks held that lie in some ranges of global block indices.
    package func draws(in ranges: [Range<Int>]) -> Double {
        var total = 0.0
        for node in nodes.keys.sorted() {
            let global = globalBlocks(of: node)
            for range in ranges {
                let lo = max(range.lowerBound, global.lowerBound), hi = min(range.upperBound, global.upperBound)
                guard lo < hi else { continue }
                let first = plan.firstBlock[node.cell]
                total += plan.draws(cell: node.cell, blocks: (lo - first)..<(hi - first))
            }
        }
        return total
    }

    /// Whether every block of every cell is in.
    package var isComplete: Bool {
        blocksPerCell.indices.allSatisfy { nodes[Node(cell: $0, level: rootLevel(cell: $0), index: 0)] != nil }
    }

    /// The summary of each cell (the root of its tree); only for a complete tree.
    package var cells: [Summary] {
        blocksPerCell.indices.map { c in
            guard let root = nodes[Node(cell: c, level: rootLevel(cell: c), index: 0)] else {
                preconditionFailure("cell \(c) is not complete")
            }
            return root
        }
    }

    /// Adds a finished block.
    mutating func accept(_ block: BlockPlan.Block, _ summary: Summary) {
        insert(Node(cell: block.cell, level: 0, index: block.indexInCell), summary)
    }

    /// Adds a complete node (a block, or a node read from a part or checkpoint) and combines it with
    /// its siblings up the tree while they are present. The node must not overlap one already held.
    package mutating func insert(_ node: Node, _ summary: Summary) {
        precondition(isValid(node) && nodes[node] == nil)
        var node = node
        var value = summary
        let root = rootLevel(cell: node.cell)
        while node.level < root {
            let sibling = node.sibling
            if blocks(of: sibling).isEmpty {
                // The right child lies past the cell's end: the parent is this node.
            } else if let other = nodes.removeValue(forKey: sibling) {
                if node.index & 1 == 0 { value.merge(other) } else {
                    var left = other
                    left.merge(value)
                    value = left
                }
            } else {
                break
            }
            node = node.parent
        }
        nodes[node] = value
    }

    /// The number of blocks held (in complete nodes).
    package var blockCount: Int {
        nodes.keys.reduce(0) { $0 + blocks(of: $1).count }
    }
}
