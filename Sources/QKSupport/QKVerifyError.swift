/// The errors qkverify reports to its user: each message is one line a user can act on.
public enum QKVerifyError: Error, Equatable, CustomStringConvertible {
    /// A setting of the run has a value that is not allowed; the text says what is wrong and what
    /// is allowed. The command line names the setting by its option.
    case invalid(Setting, String)
    /// A value typed for a named option (or environment variable) does not parse or is not allowed;
    /// the first value names the option, the second says what is wrong and what is allowed.
    case invalidOption(String, String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A file exists but is not what it should be (corrupt, foreign, wrong version).
    case badFile(path: String, reason: String)
    /// A signal (SIGINT, SIGTERM, ...) arrived while waiting to write `path` (a FIFO with no reader
    /// yet): nothing was written, and the command line exits 128 + the signal.
    case interrupted(path: String, signal: Int32)

    public var description: String { description(naming: \.name) }

    /// The message, with each setting named by `name` (the command line passes its option names).
    public func description(naming name: (Setting) -> String) -> String {
        switch self {
        case let .invalid(setting, reason): return "\(name(setting)): \(reason)"
        case let .invalidOption(option, reason): return "\(option): \(reason)"
        case let .io(path, reason): return "\(path): \(reason)"
        case let .badFile(path, reason): return "\(path): \(reason)"
        case let .interrupted(path, signal): return "\(path): interrupted by \(Interruption.name(signal)) while waiting for a reader; nothing written"
        }
    }

    /// True when the error is the user's input, which the command line reports with a usage status.
    public var isUsageError: Bool {
        switch self {
        case .invalid, .invalidOption: return true
        case .io, .badFile, .interrupted: return false
        }
    }

    /// The exit status the command line gives this error: 64 usage, 65 a bad input file, 74 an I/O
    /// error, 128 + the signal when interrupted.
    public var exitStatus: Int32 {
        switch self {
        case .invalid, .invalidOption: return 64
        case .badFile: return 65
        case .io: return 74
        case let .interrupted(_, signal): return 128 + signal
        }
    }

    /// True when the error is a bad input file (exit status 65).
    public var isFileError: Bool {
        if case .badFile = self { return true }
        return false
    }
}
