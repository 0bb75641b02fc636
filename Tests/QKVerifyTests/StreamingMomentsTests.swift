import Testing
@testable import QKVerify

@Suite struct StreamingMomentsTests {
    /// Awkward data: a huge offset with a small spread (catastrophic cancellation for raw sums),
    /// heavy tails, and a spike of identical values.
    static func awkward(_ n: Int, seed: UInt64) -> [Double] {
        var r = TestRandom(state: seed)
        return (0..<n).map { i in
            let u = r.uniform()
            switch i % 3 {
            case 0: return 1e6 + (u - 0.5) * 3
            case 1: return 1e6 + 1 / (u + 1e-3) - 6.9   // Pareto-like tail
            default: return 1e6 + 0.25
            }
        }
    }

    static func expectClose(_ m: StreamingMoments, _ ref: TwoPass, relative: Double = 1e-9) {
        #expect(m.count == ref.count)
        #expect(abs(m.mean - ref.mean) <= 1e-12 * abs(ref.mean))
        for p in 2...8 {
            let scale = max(abs(ref.sums[p - 2]), 1e-300)
            #expect(abs(m.centralSum(p) - ref.sums[p - 2]) <= relative * scale, "order \(p): \(m.centralSum(p)) vs \(ref.sums[p - 2])")
        }
    }

    @Test func oneAtATimeMatchesTwoPass() {
        let data = Self.awkward(5000, seed: 1)
        var m = StreamingMoments()
        for x in data { m.add(x) }
        Self.expectClose(m, TwoPass(data))
    }

    @Test func chunksMatchTwoPass() {
        let data = Self.awkward(7001, seed: 2)
        var m = StreamingMoments()
        var start = 0
        let sizes = [1, 2, 512, 3, 1000, 5483]  // unequal chunks covering all 7001 values
        #expect(sizes.reduce(0, +) == data.count)
        for size in sizes {
            data[start..<start + size].withUnsafeBufferPointer { m.add(contentsOf: $0) }
            start += size
        }
        Self.expectClose(m, TwoPass(data))
    }

    @Test func mergesOfUnequalPartsMatchTwoPass() {
        let data = Self.awkward(10_000, seed: 3)
        for cuts in [[1], [9_999], [17, 5_000, 5_001], [3_333, 3_334]] {
            var parts: [StreamingMoments] = []
            var start = 0
            for end in cuts + [data.count] {
                var p = StreamingMoments()
                p.add(contentsOf: data[start..<end])
                parts.append(p)
                start = end
            }
            let merged = parts.dropFirst().reduce(parts[0], +)
            Self.expectClose(merged, TwoPass(data))
            // Merging in reverse order gives the same summary up to rounding.
            let reversed = parts.reversed().dropFirst().reduce(parts.last!, +)
            Self.expectClose(reversed, TwoPass(data))
        }
    }

    @Test func emptyPartsAreNeutral() {
        var m = StreamingMoments()
        m.add(contentsOf: [1.0, 2, 4])
        #expect(m + StreamingMoments() == m)
        #expect(StreamingMoments() + m == m)
    }

    @Test func estimatorsMatchTextbookValues() {
        // For 1, 2, 3, 4, 10: mean 4, M2 = 50, M3 = 162 - ... computed by hand below.
        let data: [Double] = [1, 2, 3, 4, 10]
        var m = StreamingMoments()
        m.add(contentsOf: data)
        let ref = TwoPass(data)
        let n = 5.0
        #expect(m.mean == 4)
        #expect(abs(m.variance - ref.sums[0] / 4) < 1e-12)
        #expect(abs(m.k3 - n * ref.sums[1] / (4 * 3)) < 1e-9)
        let k4 = (n * (n + 1) * ref.sums[2] - 3 * (n - 1) * ref.sums[0] * ref.sums[0]) / (4 * 3 * 2)
        #expect(abs(m.k4 - k4) < 1e-9)
    }

    @Test func roundTripsThroughItsParts() {
        var m = StreamingMoments()
        m.add(contentsOf: Self.awkward(100, seed: 4))
        #expect(StreamingMoments(count: m.count, mean: m.mean, centralSums: m.centralSums) == m)
    }
}
