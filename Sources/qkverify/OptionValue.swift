import QKSupport
import QKModel
import QKEngine
/// Parsers for option values, each failing with a one-line message that names the option and what
/// is allowed.
public enum OptionValue {
    /// A comma-separated list of positive integers, such as `1,2,4,8`.
    public static func positiveIntegers(_ text: String, option: String) throws -> [Int] {
        let parts = try items(text, option: option, allowed: "a comma-separated list of positive integers, e.g. 1,2,4,8")
        func value(_ item: String) throws -> Int {
            guard let value = Int(item), value >= 1 else {
                throw QKVerifyError.invalidOption(option, "'\(item)' is not allowed; allowed: positive integers, e.g. 1,2,4,8 (or 1,2,4,...,512)")
            }
            return value
        }
        guard let dots = parts.firstIndex(of: "...") else { return try parts.map(value) }
        let head = try parts[..<dots].map(value), tail = try parts[(dots + 1)...].map(value)
        guard head.count >= 2, tail.count == 1 else {
            throw QKVerifyError.invalidOption(option, "'\(text)': '...' needs two or more terms before it and one after; allowed: e.g. 1,2,4,...,512 (doubling) or 4,8,...,64 (steps of 4)")
        }
        return try progression(head, to: tail[0], text: text, option: option)
    }

    /// The terms of `first, second, ...` up to `last` as a reader infers them: a doubling (or any
    /// whole ratio) when three or more terms share it, else a constant difference.
    static func progression(_ head: [Int], to last: Int, text: String, option: String) throws -> [Int] {
        let ratio = head[1] / head[0]
        let geometric = head.count >= 3 && ratio >= 2 && zip(head, head.dropFirst()).allSatisfy { $0 * ratio == $1 }
        let step = head[1] - head[0]
        guard geometric || (step > 0 && zip(head, head.dropFirst()).allSatisfy { $1 - $0 == step }) else {
            throw QKVerifyError.invalidOption(option, "'\(text)': the terms before '...' are neither a constant ratio nor a constant difference; allowed: e.g. 1,2,4,...,512 (doubling) or 4,8,...,64 (steps of 4)")
        }
        var terms = head
        while terms.count <= 10_000 {
            let next = geometric ? terms.last!.multipliedReportingOverflow(by: ratio) : terms.last!.addingReportingOverflow(step)
            guard !next.overflow, next.partialValue <= last else { break }
            terms.append(next.partialValue)
        }
        guard terms.last == last, terms.count <= 10_000 else {
            throw QKVerifyError.invalidOption(option, "'\(text)': \(last) is not a term of \(head.map(String.init).joined(separator: ",")),... (or there would be over 10000 terms); allowed: a last term the progression reaches, e.g. 1,2,4,...,512")
        }
        return terms
    }

    /// A comma-separated list of finite numbers, such as `0,0.5,1`.
    public static func numbers(_ text: String, option: String, positive: Bool = false) throws -> [Double] {
        let allowed = positive ? "finite numbers greater than 0, e.g. 0.5,1,2" : "finite numbers, e.g. 0,0.5,1"
        return try items(text, option: option, allowed: "a comma-separated list of " + allowed).map { item in
            guard let value = Double(item), value.isFinite, !positive || value > 0 else {
                throw QKVerifyError.invalidOption(option, "'\(item)' is not allowed; allowed: \(allowed)")
            }
            return value
        }
    }

    /// A comma-separated list of values or `q:k` pairs of values (`0,1:2`), as a state file records
    /// a grid's means and spreads.
    public static func pairs(_ text: String, option: String, positive: Bool = false) throws -> [(Double, Double)] {
        try items(text, option: option, allowed: "a comma-separated list of numbers or q:k pairs").map { item in
            let parts = try item.split(separator: ":", omittingEmptySubsequences: false)
                .map { try numbers(String($0), option: option, positive: positive)[0] }
            guard parts.count == 1 || parts.count == 2 else {
                throw QKVerifyError.invalidOption(option, "'\(item)' is not allowed; allowed: a number or a q:k pair")
            }
            return (parts[0], parts.last!)
        }
    }

    /// A comma-separated list of coordinate laws, such as `gaussian,uniform,t:10`.
    public static func laws(_ text: String, option: String) throws -> [CoordinateLaw] {
        try items(text, option: option, allowed: "a comma-separated list of laws: \(CoordinateLaw.allowed)").map { item in
            do { return try CoordinateLaw(parsing: item) } catch let error as LawError {
                throw QKVerifyError.invalidOption(option, "\(error); allowed: \(CoordinateLaw.allowed)")
            }
        }
    }

    /// A comma-separated list of normalizations: `none`, `unit`, `layer`.
    public static func norms(_ text: String, option: String) throws -> [Normalization] {
        try items(text, option: option, allowed: "a comma-separated list of none, unit, layer").map { item in
            guard let norm = Normalization(rawValue: item) else {
                throw QKVerifyError.invalidOption(option, "'\(item)' is not allowed; allowed: none, unit, layer")
            }
            return norm
        }
    }

    /// A whole number in a range, written plainly or in scientific notation (`100000`, `1e5`).
    public static func wholeNumber(_ text: String, option: String, in range: ClosedRange<Int>, what: String) throws -> Int {
        let trimmed = text.trimmingSpaces
        let value: Int? = Int(trimmed) ?? Double(trimmed).flatMap { x in
            x.isFinite && x.rounded() == x && abs(x) < 9.2e18 ? Int(x) : nil
        }
        guard let value, range.contains(value) else {
            throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: \(what)")
        }
        return value
    }

    /// A whole number a library rule allows, with the rule's own words for what is allowed.
    public static func wholeNumber(_ text: String, option: String, _ allowed: AllowedRange) throws -> Int {
        try wholeNumber(text, option: option, in: allowed.range, what: allowed.text)
    }

    /// A probability in (0, 0.5], such as a false-failure rate.
    public static func probability(_ text: String, option: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value > 0, value <= 0.5 else {
            throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: a number greater than 0 and at most 0.5, e.g. 0.001")
        }
        return value
    }

    /// A relative tolerance in (0, 1], such as 0.01 for 1%.
    public static func tolerance(_ text: String, option: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value > 0, value <= 1 else {
            throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: a relative error greater than 0 and at most 1, e.g. 0.01 for 1%")
        }
        return value
    }

    /// A shard `I/N`: the I-th (1-based) of N shards, returned 0-based.
    public static func shard(_ text: String, option: String) throws -> BlockSelection {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, n <= 1_000_000, i >= 1, i <= n else {
            throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: I/N with 1 <= I <= N, e.g. 2/8")
        }
        return BlockSelection(shard: i - 1, of: n)
    }

    /// A positive number of seconds.
    public static func seconds(_ text: String, option: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value.isFinite, value >= 0.01 else {
            throw QKVerifyError.invalidOption(option, "'\(text)' is not allowed; allowed: a number of seconds >= 0.01")
        }
        return value
    }

    private static func items(_ text: String, option: String, allowed: String) throws -> [String] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        if parts.contains(where: \.isEmpty) {
            throw QKVerifyError.invalidOption(option, "'\(text)' has an empty item; allowed: \(allowed)")
        }
        return parts
    }
}
