import Foundation
import QKSupport

/// The files one command writes, each named by its option: refused before any work when two of them
/// are one file, which would otherwise overwrite the other (or, for a checkpoint, be deleted when
/// the run finishes).
enum DistinctOutputs {
    /// Throws naming the option when an output path names the same file as an earlier output or as
    /// one of `inputs` (after `.`, `..` and symbolic links in their directories are resolved).
    static func check(_ outputs: [(option: String, path: String?)], inputs: [String] = []) throws {
        let read = Set(inputs.map(canonical))
        var seen: [String: String] = [:]
        for case let (option, path?) in outputs {
            let key = canonical(path)
            if read.contains(key) {
                throw QKVerifyError.invalidOption(option, "'\(path)' is also an input of this command; allowed: a path no input uses")
            }
            if let first = seen[key] {
                throw QKVerifyError.invalidOption(option, "'\(path)' is the file \(first) writes too; allowed: a path no other output of this command uses")
            }
            seen[key] = option
        }
    }

    /// The path with its directory resolved, so `x.csv`, `./x.csv` and `dir/../x.csv` agree.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
            .appendingPathComponent(url.lastPathComponent).path
    }
}
