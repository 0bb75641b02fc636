
/// Reference central sums by the textbook two-pass method, with compensated sums.
struct TwoPass {
    let count: Int
    let mean: Double
    let sums: [Double]  // orders 2...8

    init(_ values: [Double]) {
        count = values.count
        var total = 0.0, c = 0.0
        for x in values { let y = x - c; let t = total + y; c = (t - total) - y; total = t }
        var m = total / Double(values.count)
        m += values.reduce(0) { $0 + ($1 - m) } / Double(values.count)
        mean = m
        sums = (2...8).map { p in
            var s = 0.0, c = 0.0
            for x in values {
                var e = 1.0
                for _ in 0..<p { e *= x - m }
                let y = e - c; let t = s + y; c = (t - s) - y; s = t
            }
            return s
        }
    }
}

/// A small deterministic generator for test data (SplitMix64), independent of GSL.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
