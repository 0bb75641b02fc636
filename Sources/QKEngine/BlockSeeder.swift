import QKSupport
/// The documented rule that gives every block of a run its own generator seed.
///
/// A run's blocks are numbered 0, 1, 2, ... across the whole grid (cell by cell, in cell order; within
/// a cell in sample order): that number is the block's *global index* g. Block g is seeded with
///
///     seed(g) = 1 + (key + g) mod (2^32 - 1),   key = splitmix64(user seed)
///
/// GSL's generators keep only 32 bits of a seed (mt19937 also maps 0 to 4357), so seeds hashed at
/// random would collide between blocks by the birthday bound (likely beyond ~10^5 blocks). This rule
/// gives the blocks of one run distinct seeds in 1...2^32 - 1 (never 0) for up to 2^32 - 1 blocks, so
/// distinct blocks get distinct streams; different user seeds start at unrelated points of the cycle.
/// (Generators whose seed space is narrower than 32 bits, such as GSL's `rand`, cannot keep that promise.)
package struct BlockSeeder: Sendable, Hashable {
    /// The most blocks one run may have.
    static let maxBlocks = 4_294_967_295  // 2^32 - 1

    /// The user's seed.
    package let seed: UInt64
    private let key: UInt64

    /// How many blocks each experiment's stream has before it would run into the next one's.
    static let blocksPerStream = 1 << 28

    /// The stream this seeder numbers blocks in (see ``ExperimentStream``).
    package let stream: Int

    /// A seeder for the user's seed, in one experiment's stream: block g of stream e is seeded as block
    /// `e 2^28 + g` of stream 0, so the experiments of one run (a report's moments, distribution,
    /// softmax, aligned key and each model case) draw from disjoint streams while each has fewer than
    /// 2^28 blocks, and their tests are independent.
    package init(seed: UInt64, stream: Int = ExperimentStream.moments) {
        precondition(stream >= 0 && stream < BlockSeeder.maxBlocks / BlockSeeder.blocksPerStream)
        self.seed = seed
        self.stream = stream
        self.key = BlockSeeder.splitmix64(seed) % UInt64(BlockSeeder.maxBlocks) + UInt64(stream * BlockSeeder.blocksPerStream)
    }

    /// The generator seed of the block with global index g (0 <= g < ``maxBlocks``).
    package func seed(forBlock g: Int) -> UInt {
        precondition(g >= 0 && g < BlockSeeder.maxBlocks)
        let m = UInt64(BlockSeeder.maxBlocks)
        return UInt(1 + (key % m + UInt64(g)) % m)
    }

    /// Steele, Lea and Flood's SplitMix64 finaliser: a bijection of UInt64 that scrambles nearby seeds.
    static func splitmix64(_ x: UInt64) -> UInt64 { SplitMix64.mix(x) }
}
