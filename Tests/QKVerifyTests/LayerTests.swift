import Foundation
import Testing

/// The library's targets are layers in the order data flows (Package.swift's `layers`): the compiler
/// refuses a use of a target a file does not import, and this suite refuses an import that points up
/// the layers, which SwiftPM alone would accept as long as it made no cycle.
@Suite struct LayerTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Package.swift's `layers` list, lowest first.
    static func layers() throws -> [String] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        guard let start = manifest.range(of: "let layers = ["),
              let end = manifest[start.upperBound...].range(of: "]") else { return [] }
        return manifest[start.upperBound..<end.lowerBound].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    @Test func packageListsTheLayersLowestFirst() throws {
        let layers = try Self.layers()
        #expect(layers.first == "QKSupport" && layers.last == "QKReporting" && layers.count >= 10, "\(layers)")
    }

    @Test func everyLibraryFileImportsOnlyLowerLayers() throws {
        let layers = try Self.layers()
        var upward: [String] = []
        for (rank, layer) in layers.enumerated() {
            let folder = Self.root.appendingPathComponent("Sources/\(layer)")
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            #expect(files.contains { $0.hasSuffix(".swift") }, "no Swift file in Sources/\(layer)")
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import QK") {
                    let imported = String(line.dropFirst("import ".count))
                    if let other = layers.firstIndex(of: imported), other >= rank {
                        upward.append("\(layer)/\(file) imports \(imported)")
                    }
                }
            }
        }
        #expect(upward.isEmpty, "imports pointing up the layers:\n\(upward.joined(separator: "\n"))")
    }
}
