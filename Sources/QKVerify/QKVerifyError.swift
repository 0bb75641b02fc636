/// The errors qkverify reports to its user: each message is one line a user can act on.
public enum QKVerifyError: Error, Equatable, CustomStringConvertible {
    /// An option (or environment variable) has a value that is not allowed.
    /// The first value names the option, the second says what is wrong and what is allowed.
    case invalidOption(String, String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A file exists but is not what it should be (corrupt, foreign, wrong version).
    case badFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidOption(option, reason): return "\(option): \(reason)"
        case let .io(path, reason): return "\(path): \(reason)"
        case let .badFile(path, reason): return "\(path): \(reason)"
        }
    }

    /// True when the error is the user's input, which the command line reports with a usage status.
    public var isUsageError: Bool {
        if case .invalidOption = self { return true }
        return false
    }

    /// True when the error is a bad input file (exit status 65).
    public var isFileError: Bool {
        if case .badFile = self { return true }
        return false
    }
}
