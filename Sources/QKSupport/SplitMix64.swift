/// Steele, Lea and Flood's SplitMix64 step: a bijection of UInt64 that scrambles nearby inputs, the
/// one rule every seed derived from another goes through (``BlockSeeder``'s blocks, a block's second
/// generator for the values of attention).
package enum SplitMix64 {
    /// `x` advanced by the golden-ratio increment, then finalised.
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
