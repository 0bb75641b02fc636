import Foundation
import Testing

/// `qkverify check --claims-file F` (issue 21 item 4): a derivation's claims, one a line, with names
/// and domains; a bad line is refused with `F:LINE:` before any sampling.
@Suite struct ClaimsFileCommandTests {
    static let run = ["--dims", "4,64", "--samples", "2e4", "--seed", "3", "--quiet"]

    static func file(_ text: String) throws -> (directory: URL, path: String) {
        let directory = try CLI.temporaryDirectory()
        let path = directory.appendingPathComponent("derivation.claims").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    @Test func aFileOfNamedClaimsWithDomainsIsCheckedClaimByClaimAndNeverModified() throws {
        let text = """
            # Var(q.k) for iid coordinates, step by step
            mean-raw: mean = d*mu^2
            var-raw:  var = d*(sigma^4 + 2*mu^2*sigma^2)   # the general form
            var-std:  var = d where mu = 0 and sigma = 1

            scale = sqrt(d) where mu = 0 and sigma = 1
            too-big:  var = 2*d*sigma^4 where mu = 0\r
            """
        let (directory, path) = try Self.file(text)
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["check", "--claims-file", path, "--mean", "0 where mu = 0"] + Self.run)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("NOT REJECTED E[T] = 0: not rejected in 6 of 6 cells in its domain mu = 0"), "\(r.stdout)")
        #expect(r.stdout.contains("NOT REJECTED mean-raw: E[T] = d*mu^2: not rejected in 24 cells"), "\(r.stdout)")
        #expect(r.stdout.contains("NOT REJECTED var-raw: Var(T) = d*(sigma^4 + 2*mu^2*sigma^2): not rejected in 24 cells"), "\(r.stdout)")
        #expect(r.stdout.contains("NOT REJECTED var-std: Var(T) = d: not rejected in 2 of 2 cells in its domain mu = 0 and sigma = 1 (22 outside)"), "\(r.stdout)")
        #expect(r.stdout.contains("NOT REJECTED s = sqrt(d): not rejected in 2 of 2 cells"), "\(r.stdout)")
        #expect(r.stdout.contains("REJECTED     too-big: Var(T) = 2*d*sigma^4: fails in 6 of 6 cells in its domain mu = 0"), "\(r.stdout)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aBadLineNamesTheFileAndLineWritesNothingAndExits64() throws {
        let (directory, path) = try Self.file("var = d\n\n# fine so far\nvariance = d\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("report.txt").path
        let r = try CLI.run(["check", "--claims-file", path, "--out", out] + Self.run)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr == "qkverify: error: \(path):4: 'variance' is not a quantity; allowed: [name:] quantity = formula [where domain], the quantity one of mean, var, scale, skewness, kurtosis, entropy, participation, max-weight, jacobian, output-variance; '#' starts a comment\n", "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        ("var d\n", ":1: 'var d' is not a claim (no '=')"),
        ("var = d\n: mean = 0\n", ":2: the name before ':' is empty"),
        ("a: var = d\na: mean = 0\n", ":2: the name 'a' is given twice (first on line 1)"),
        ("var = d where mu >\n", ":1: bad domain 'mu >': 'mu >' has a comparison with a side missing"),
        ("var = d*sgima\n", ":1: unknown name 'sgima'"),
        ("var =   # nothing\n", ":1: 'var =' has no formula"),
        ("var = d\nvar = d\n", ":2: 'Var(T) = d' is given twice"),
    ])
    func aBadLineSaysWhatIsWrongWithItsLine(text: String, message: String) throws {
        let (directory, path) = try Self.file(text)
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["check", "--claims-file", path] + Self.run)
        #expect(r.status == 64 && r.stderr.hasPrefix("qkverify: error: \(path)\(message)"), "\(r.stderr)")
    }

    @Test func aMissingFileIsOneLine() throws {
        let r = try CLI.run(["check", "--claims-file", "/nonexistent/derivation.claims"] + Self.run)
        #expect(r.status == 64)
        #expect(r.stderr == "qkverify: error: --claims-file: '/nonexistent/derivation.claims': no such file; allowed: a readable text file of claims, one a line\n", "\(r.stderr)")
    }
}
