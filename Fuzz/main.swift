import QKModel
import QKClaims
import QKPersistence
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer's driver, called from our own main: SwiftPM renames an executable's entry point, so
// libFuzzer's main cannot be used. Declared here because it has no header in Swift's view.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One input: the first byte picks the reader, the rest is its input: even, the formula parser (and
/// the domain, claim and claims-file parsers on the same text); odd, the state-file reader. Each must
/// answer every input with a value or a thrown error: never a crash, a hang or a huge allocation.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] % 2 == 0 {
        let text = String(decoding: bytes, as: UTF8.self)
        // The same text as a domain, a claim with its 'where', and a claims file: each answers with
        // a value or an error.
        _ = try? Claim.Domain(parsing: text)
        _ = try? Claim(.variance, stating: text)
        _ = try? ClaimsFile(text: text, path: "fuzz")
        if let formula = try? Formula(parsing: text) {
            let cell = Cell(d: 3, mu: 0.5, sigma: 2)
            let value = formula.evaluate(cell)
            // What prints must parse back (numbers print in full, so a printed formula may pass the
            // length limit that its shorter input met).
            let printed = formula.description
            precondition(printed.count > Formula.maxLength || (try? Formula(parsing: printed)) == formula,
                         "printed formula does not re-parse")
            // LaTeX must parse back to the same value, bit for bit, unless it is too long or (a chain
            // of \frac) too deep.
            let latex = formula.latex
            do {
                let back = try Formula(parsing: latex).evaluate(cell)
                precondition(back.bitPattern == value.bitPattern || back.isNaN && value.isNaN, "LaTeX reads back to another value")
            } catch let error as FormulaError {
                precondition(latex.count > Formula.maxLength || error.reason.hasPrefix("nested more than"), "LaTeX does not re-parse")
            } catch {
                preconditionFailure("unexpected error \(error)")
            }
        }
    } else if let state = try? RunStateFile(bytes: bytes, path: "fuzz") {
        _ = state.bytes
        _ = state.isComplete
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
