import Foundation
import Testing
@testable import QKClaims
@testable import QKPersistence

/// Replays every input kept from fuzzing (scripts/fuzz.sh), as the fuzz target reads it: the first
/// byte picks the reader (even: formula, odd: state file). Each must give a value or an error.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzInputs")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.contains("crash-formula-overflowing-literal"))
    }

    @Test(arguments: inputs)
    func replay(name: String) throws {
        let data = try Array(Data(contentsOf: Self.directory.appendingPathComponent(name)))
        guard let selector = data.first else { return }
        let bytes = Array(data.dropFirst())
        if selector % 2 == 0 {
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? Claim.Domain(parsing: text)
            _ = try? Claim(.variance, stating: text)
            _ = try? ClaimsFile(text: text, path: name)
            if let formula = try? Formula(parsing: String(decoding: bytes, as: UTF8.self)), formula.description.count <= Formula.maxLength {
                #expect(try Formula(parsing: formula.description) == formula)
            }
        } else if let state = try? RunStateFile(bytes: bytes, path: name) {
            #expect(try RunStateFile(bytes: state.bytes, path: name).bytes == state.bytes)
        }
    }
}
