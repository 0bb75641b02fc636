/// The 64-bit FNV-1a hash: a small, fast, well-spread hash for fingerprints and for detecting
/// accidental corruption (not tampering).
enum FNV1a {
    /// The hash of some bytes.
    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The hash as 16 lowercase hex digits.
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let s = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
