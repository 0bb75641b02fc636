import Foundation
import Testing

/// The library's folders form a one-way graph: each uses only types of its own folder and of the
/// folders below it, in the order data flows (README, "Architecture").
@Suite struct FolderGraphTests {
    /// The folders of `Sources/QKVerify`, lowest layer first.
    static let layers = ["Support", "GSL", "Statistics", "Engine", "Sampling", "Theory", "Claims",
                         "Experiments", "Persistence", "Verdicts", "Suite", "Reporting", "Input"]

    static let library = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/QKVerify")

    /// Every Swift file of the library, by folder.
    static func sources() throws -> [(folder: String, file: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: library.path)!.compactMap { $0 as? String }
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let folder = path.contains("/") ? String(path.prefix { $0 != "/" }) : ""
            return (folder, path, try String(contentsOf: library.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The types a file declares at top level.
    static func declaredTypes(_ text: String) -> [String] {
        let keywords: Set<Substring> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
        let modifiers: Set<Substring> = ["public", "internal", "private", "fileprivate", "final", "indirect"]
        return text.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter || first == "@" else { return nil }
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" })
                .drop { $0.hasPrefix("@") || modifiers.contains($0) }
            guard words.count >= 2, keywords.contains(words.first!) else { return nil }
            return String(words[words.startIndex + 1])
        }
    }

    /// The capitalised words of a file outside comments: the types it may use.
    static func usedWords(_ text: String) -> Set<String> {
        let code = text.split(separator: "\n").map { line in
            line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
        }.joined(separator: "\n")
        var words = Set<String>(), word = ""
        for c in code + " " {
            if c.isLetter || c.isNumber || c == "_" { word.append(c); continue }
            if word.first?.isUppercase == true { words.insert(word) }
            word = ""
        }
        return words
    }

    @Test func everyLibraryFileLiesInALayer() throws {
        let outside = try Self.sources().filter { !Self.layers.contains($0.folder) }.map(\.file)
        #expect(outside.isEmpty, "files outside the layer folders: \(outside)")
    }

    @Test func eachFolderUsesOnlyTypesOfItsOwnAndLowerLayers() throws {
        let sources = try Self.sources()
        var layerOfType: [String: Int] = [:]
        for source in sources {
            guard let layer = Self.layers.firstIndex(of: source.folder) else { continue }
            for type in Self.declaredTypes(source.text) { layerOfType[type] = layer }
        }
        #expect(layerOfType.count > 50, "the declaration scan found too few types to be working")
        var upward: [String] = []
        for source in sources {
            guard let layer = Self.layers.firstIndex(of: source.folder) else { continue }
            for word in Self.usedWords(source.text).sorted() {
                if let other = layerOfType[word], other > layer {
                    upward.append("\(source.file) uses \(word) of \(Self.layers[other])/")
                }
            }
        }
        #expect(upward.isEmpty, "arrows pointing up the layers:\n\(upward.joined(separator: "\n"))")
    }
}
