import QKSupport
import QKModel
import QKEngine

/// The value syntax a user types, parsed into domain values where ArgumentParser reads an option
/// (each option's `transform:`). A refusal says what is wrong and what is allowed; ArgumentParser
/// adds the option, and ``QKVerifyCommand`` prints it as one line, `--dims: '0' is not allowed; ...`.
enum ArgumentText {
    /// A value an option refuses: what is wrong with it and what is allowed.
    struct Invalid: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The value a library parser makes of the text, its refusal (``QKVerifyError/invalid(_:_:)``)
    /// said as this option's.
    static func library<Value>(_ parse: () throws -> Value) throws -> Value {
        do { return try parse() } catch let QKVerifyError.invalid(_, reason) { throw Invalid(reason) }
    }

    /// A comma-separated list of positive integers, such as `1,2,4,8`, or a progression `1,2,4,...,512`.
    static func positiveIntegers(_ text: String) throws -> [Int] {
        let parts = try items(text, allowed: "a comma-separated list of positive integers, e.g. 1,2,4,8")
        func value(_ item: String) throws -> Int {
            guard let value = Int(item), value >= 1 else {
                throw Invalid("'\(item)' is not allowed; allowed: positive integers, e.g. 1,2,4,8 (or 1,2,4,...,512)")
            }
            return value
        }
        guard let dots = parts.firstIndex(of: "...") else { return try distinct(parts.map(value)) }
        let head = try parts[..<dots].map(value), tail = try parts[(dots + 1)...].map(value)
        guard head.count >= 2, tail.count == 1 else {
            throw Invalid("'\(text)': '...' needs two or more terms before it and one after; allowed: e.g. 1,2,4,...,512 (doubling) or 4,8,...,64 (steps of 4)")
        }
        return try progression(head, to: tail[0], text: text)
    }

    /// The values, refused when one appears twice, as every list option refuses it (`--keys 16,16`
    /// and `--histogram-dims 1,1` once ran a cell twice).
    static func distinct<Value: Hashable>(_ values: [Value], name: (Value) -> String = { "\($0)" }) throws -> [Value] {
        var seen = Set<Value>()
        for value in values where !seen.insert(value).inserted {
            throw Invalid("'\(name(value))' appears twice; allowed: each value once")
        }
        return values
    }

    /// The terms of `first, second, ...` up to `last` as a reader infers them: a doubling (or any
    /// whole ratio) when three or more terms share it, else a constant difference.
    static func progression(_ head: [Int], to last: Int, text: String) throws -> [Int] {
        let ratio = head[1] / head[0]
        let geometric = head.count >= 3 && ratio >= 2 && zip(head, head.dropFirst()).allSatisfy { $0 * ratio == $1 }
        let step = head[1] - head[0]
        guard geometric || (step > 0 && zip(head, head.dropFirst()).allSatisfy { $1 - $0 == step }) else {
            throw Invalid("'\(text)': the terms before '...' are neither a constant ratio nor a constant difference; allowed: e.g. 1,2,4,...,512 (doubling) or 4,8,...,64 (steps of 4)")
        }
        var terms = head
        while terms.count <= 10_000 {
            let next = geometric ? terms.last!.multipliedReportingOverflow(by: ratio) : terms.last!.addingReportingOverflow(step)
            guard !next.overflow, next.partialValue <= last else { break }
            terms.append(next.partialValue)
        }
        guard terms.last == last, terms.count <= 10_000 else {
            throw Invalid("'\(text)': \(last) is not a term of \(head.map(String.init).joined(separator: ",")),... (or there would be over 10000 terms); allowed: a last term the progression reaches, e.g. 1,2,4,...,512")
        }
        return terms
    }

    /// A comma-separated list of finite numbers, such as `0,0.5,1`.
    static func numbers(_ text: String) throws -> [Double] { try numbers(text, positive: false) }

    /// A comma-separated list of finite numbers greater than 0, such as `0.5,1,2`.
    static func positiveNumbers(_ text: String) throws -> [Double] { try numbers(text, positive: true) }

    private static func numbers(_ text: String, positive: Bool) throws -> [Double] {
        let allowed = positive ? "finite numbers greater than 0, e.g. 0.5,1,2" : "finite numbers, e.g. 0,0.5,1"
        return try items(text, allowed: "a comma-separated list of " + allowed).map { item in
            guard let value = Double(item), value.isFinite, !positive || value > 0 else {
                throw Invalid("'\(item)' is not allowed; allowed: \(allowed)")
            }
            return value
        }
    }

    /// A comma-separated list of coordinate laws, such as `gaussian,uniform,t:10`.
    static func laws(_ text: String) throws -> [CoordinateLaw] {
        try items(text, allowed: "a comma-separated list of laws: \(CoordinateLaw.allowed)").map { item in
            do { return try CoordinateLaw(parsing: item) } catch let error as LawError {
                throw Invalid("\(error); allowed: \(CoordinateLaw.allowed)")
            }
        }
    }

    /// A comma-separated list of normalizations: `none`, `unit`, `layer`.
    static func norms(_ text: String) throws -> [Normalization] {
        try items(text, allowed: "a comma-separated list of none, unit, layer").map { item in
            guard let norm = Normalization(rawValue: item) else { throw Invalid("'\(item)' is not allowed; allowed: none, unit, layer") }
            return norm
        }
    }

    /// A comma-separated list of temperature rules.
    static func temperatures(_ text: String) throws -> [SoftmaxScale] {
        let names = SoftmaxScale.allCases.map(\.rawValue).joined(separator: ", ")
        return try distinct(items(text, allowed: "a comma-separated list of \(names)").map { item in
            guard let scale = SoftmaxScale(rawValue: item) else { throw Invalid("'\(item)' is not allowed; allowed: \(names)") }
            return scale
        }, name: \.rawValue)
    }

    /// A whole number in a range, written plainly or in scientific notation (`100000`, `1e5`).
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>, what: String) throws -> Int {
        let trimmed = text.trimmingSpaces
        let value: Int? = Int(trimmed) ?? Double(trimmed).flatMap { x in
            x.isFinite && x.rounded() == x && abs(x) < 9.2e18 ? Int(x) : nil
        }
        guard let value, range.contains(value) else { throw Invalid("'\(text)' is not allowed; allowed: \(what)") }
        return value
    }

    /// A whole number a library rule allows, with the rule's own words for what is allowed.
    static func wholeNumber(_ text: String, _ allowed: AllowedRange) throws -> Int {
        try wholeNumber(text, in: allowed.range, what: allowed.text)
    }

    /// A probability in (0, 0.5], such as a false-failure rate.
    static func probability(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value > 0, value <= 0.5 else {
            throw Invalid("'\(text)' is not allowed; allowed: a number greater than 0 and at most 0.5, e.g. 0.001")
        }
        return value
    }

    /// A relative tolerance in (0, 1], such as 0.01 for 1%.
    static func tolerance(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value > 0, value <= 1 else {
            throw Invalid("'\(text)' is not allowed; allowed: a relative error greater than 0 and at most 1, e.g. 0.01 for 1%")
        }
        return value
    }

    /// A shard `I/N`: the I-th (1-based) of N shards, returned 0-based.
    static func shard(_ text: String) throws -> BlockSelection {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, n <= 1_000_000, i >= 1, i <= n else {
            throw Invalid("'\(text)' is not allowed; allowed: I/N with 1 <= I <= N, e.g. 2/8")
        }
        return BlockSelection(shard: i - 1, of: n)
    }

    /// A number of seconds between 0.01 and 10^6 (about 11 days; a Duration holds it exactly).
    static func seconds(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value.isFinite, value >= 0.01, value <= 1e6 else {
            throw Invalid("'\(text)' is not allowed; allowed: a number of seconds from 0.01 to 10^6")
        }
        return value
    }

    /// A correlation in (-1, 1] for the aligned key (0: none).
    static func alignedCorrelation(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value.isFinite else {
            throw Invalid("'\(text)' is not allowed; allowed: a number in (-1, 1], 0 for no aligned key")
        }
        return value
    }

    /// The values' standard deviation sigma_v: a number from 1e-100 to 1e100.
    static func valueSigma(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingSpaces), value.isFinite, value >= 1e-100, value <= 1e100 else {
            throw Invalid("'\(text)' is not allowed; allowed: a number from 1e-100 to 1e100 (the values' standard deviation, > 0)")
        }
        return value
    }

    private static func items(_ text: String, allowed: String) throws -> [String] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        if parts.contains(where: \.isEmpty) { throw Invalid("'\(text)' has an empty item; allowed: \(allowed)") }
        return parts
    }
}
