import Testing
@testable import QKEngine

/// ``BlockSeeder`` and ``ExperimentStream``: every block of every experiment gets its own non-zero seed.
@Suite struct BlockSeederTests {
    @Test func consecutiveBlocksGetDistinctNonZero32BitSeeds() {
        let seeder = BlockSeeder(seed: 42)
        var seen = Set<UInt>()
        for g in 0..<200_000 {
            let s = seeder.seed(forBlock: g)
            #expect(s >= 1 && s <= 0xFFFF_FFFF)
            seen.insert(s)
        }
        #expect(seen.count == 200_000)
    }

    @Test func seedsWrapWithoutHittingZeroOrRepeating() {
        // Whatever the key, the last block of a maximal run and the first stay distinct and non-zero.
        for user in [0, 1, 2, UInt64.max] as [UInt64] {
            let seeder = BlockSeeder(seed: user)
            let first = seeder.seed(forBlock: 0)
            let last = seeder.seed(forBlock: BlockSeeder.maxBlocks - 1)
            #expect(first != last && first != 0 && last != 0)
            // The seed sequence is a rotation of 1...2^32-1: successive blocks step by one, wrapping.
            let a = seeder.seed(forBlock: 1000), b = seeder.seed(forBlock: 1001)
            #expect(b == (a == 0xFFFF_FFFF ? 1 : a + 1))
        }
    }

    @Test func differentUserSeedsStartFarApart() {
        let a = BlockSeeder(seed: 1).seed(forBlock: 0), b = BlockSeeder(seed: 2).seed(forBlock: 0)
        #expect(a > b ? a - b > 1_000_000 : b - a > 1_000_000)
    }

    @Test func experimentsDrawFromDisjointStreams() {
        let moments = BlockSeeder(seed: 7), distribution = BlockSeeder(seed: 7, stream: ExperimentStream.distribution)
        #expect(moments.seed(forBlock: 0) != distribution.seed(forBlock: 0))
        #expect(moments.seed(forBlock: BlockSeeder.blocksPerStream) == distribution.seed(forBlock: 0))
        let streams = [ExperimentStream.moments, ExperimentStream.distribution, ExperimentStream.softmax, ExperimentStream.aligned]
            + (0..<5).map(ExperimentStream.models)
        #expect(Set(streams).count == streams.count)
    }
}
