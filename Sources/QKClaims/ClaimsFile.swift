import Foundation
import QKSupport

/// The claims of a file (`--claims-file F`): a whole derivation, one claim per line, each
/// `[name:] quantity = formula [where domain]`.
///
/// The quantity is an option's word (`mean`, `var`, `scale`, `skewness`, `kurtosis`, `entropy`,
/// `participation`, `max-weight`, `jacobian`); `#` starts a comment; blank lines are skipped. A
/// line that is not a claim is refused with `F:LINE:` and the form allowed, before any sampling.
public struct ClaimsFile: Sendable {
    /// Each claim with the line it is on (counting from 1).
    public let claims: [(line: Int, claim: Claim)]

    /// The form of a line, for every message about one.
    public static let allowed = "allowed: [name:] quantity = formula [where domain], the quantity one of \(Claim.Quantity.stated.map(\.name).joined(separator: ", ")); '#' starts a comment"

    /// Parses a file's text.
    ///
    /// - Parameters:
    ///   - path: the file's name, for messages (`F:LINE:`).
    ///   - common: the domain of `--where`, which every claim's own domain narrows.
    ///   - isLimit: whether the formulas are limits (`--limit`).
    /// - Throws: ``QKVerifyError/invalidOption(_:_:)`` naming `path:line`, saying what is wrong and
    ///   what is allowed.
    public init(text: String, path: String, within common: Claim.Domain = .all, isLimit: Bool = false) throws {
        var claims: [(line: Int, claim: Claim)] = []
        var names: [String: Int] = [:]
        // "\r\n" is one Character in Swift: split on the scalar, so a CRLF file has its own line numbers.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for (index, raw) in lines.enumerated() {
            let line = index + 1, at = "\(path):\(line)"
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw QKVerifyError.invalidOption(at, "'\(trimmed)' is not a claim (no '='); \(Self.allowed)")
            }
            var head = String(trimmed[..<equals]), name: String?
            if let colon = head.firstIndex(of: ":") {
                name = head[..<colon].trimmingCharacters(in: .whitespaces)
                head = String(head[head.index(after: colon)...])
                guard let given = name, !given.isEmpty else {
                    throw QKVerifyError.invalidOption(at, "the name before ':' is empty; \(Self.allowed)")
                }
                if let first = names[given] {
                    throw QKVerifyError.invalidOption(at, "the name '\(given)' is given twice (first on line \(first)); allowed: each name once")
                }
                names[given] = line
            }
            let word = head.trimmingCharacters(in: .whitespaces)
            guard let quantity = Claim.Quantity.stated.first(where: { $0.name == word }) else {
                throw QKVerifyError.invalidOption(at, "'\(word)' is not a quantity; \(Self.allowed)")
            }
            let statement = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !statement.isEmpty else {
                throw QKVerifyError.invalidOption(at, "'\(word) =' has no formula; \(Self.allowed)")
            }
            do {
                claims.append((line, try Claim(quantity, stating: statement, within: common, name: name, isLimit: isLimit)))
            } catch let QKVerifyError.invalid(_, reason) {
                throw QKVerifyError.invalidOption(at, reason)
            }
        }
        self.claims = claims
    }
}
