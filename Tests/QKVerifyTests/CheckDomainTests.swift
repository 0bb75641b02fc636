import Foundation
import Testing

/// `qkverify check` with domains (issue 21 item 1): claims true only at mu = 0 are checked on the
/// default grid (means -0.7, 0, 0.3, 1.3; sigmas 0.6, 1, 1.7) where they are meant, and a domain
/// never hides a failure inside it. Fixed seeds; fewer dims and samples than the default.
@Suite struct CheckDomainTests {
    static let run = ["--dims", "4,64", "--samples", "2e4", "--seed", "7", "--quiet"]

    @Test func unitNormVarianceOneOverDIsNotRejectedWhereMuIsZeroAndRejectedWithoutTheDomain() throws {
        let within = try CLI.run(["check", "--var", "1/d where mu = 0", "--norm", "unit"] + Self.run)
        #expect(within.status == 0, "\(within.stdout)\(within.stderr)")
        #expect(within.stdout.contains("NOT REJECTED Var(T) = 1/d: not rejected in 6 of 6 cells in its domain mu = 0 (18 outside)"), "\(within.stdout)")
        let everywhere = try CLI.run(["check", "--var", "1/d", "--norm", "unit"] + Self.run)
        #expect(everywhere.status == 1 && everywhere.stdout.contains("REJECTED     Var(T) = 1/d: fails in"), "\(everywhere.stdout)")
    }

    /// Correlated pairs: E = rho d and Var = d (1 + rho^2) hold at mu = 0 and sigma = 1 (in general
    /// rho d sigma^2 and d sigma^4 (1 + rho^2)); with `where mu = 0` alone the sigma != 1 cells are
    /// inside the domain and fail, so the claims are rejected, as without a domain.
    @Test func correlatedPairsMomentsHoldInTheirDomainAndADomainNeverHidesAFailureInside() throws {
        let claims = { (domain: String) in ["--mean", "rho*d" + domain, "--var", "d*(1 + rho^2)" + domain, "--rhos", "0.5"] }
        let within = try CLI.run(["check"] + claims(" where mu = 0 and sigma = 1") + Self.run)
        #expect(within.status == 0, "\(within.stdout)\(within.stderr)")
        #expect(within.stdout.contains("NOT REJECTED E[T] = rho*d: not rejected in 2 of 2 cells in its domain mu = 0 and sigma = 1 (22 outside)"), "\(within.stdout)")
        #expect(within.stdout.contains("NOT REJECTED Var(T) = d*(1 + rho^2): not rejected in 2 of 2 cells"), "\(within.stdout)")
        let tooWide = try CLI.run(["check"] + claims(" where mu = 0") + Self.run)
        #expect(tooWide.status == 1, "\(tooWide.stdout)")
        #expect(tooWide.stdout.contains("REJECTED     E[T] = rho*d: fails in 4 of 6 cells in its domain mu = 0 (18 outside)"), "\(tooWide.stdout)")
        let none = try CLI.run(["check"] + claims("") + Self.run)
        #expect(none.status == 1 && none.stdout.contains("REJECTED     Var(T) = d*(1 + rho^2): fails in"), "\(none.stdout)")
    }

    @Test func separateSpreadsVarianceFourDHoldsWhereMuIsZeroAndAWrongClaimThereIsRejected() throws {
        let spreads = ["--q-sigmas", "1", "--k-sigmas", "2"]
        let right = try CLI.run(["check", "--var", "4*d where mu = 0"] + spreads + Self.run)
        #expect(right.status == 0 && right.stdout.contains("not rejected in 2 of 2 cells in its domain mu = 0 (6 outside)"), "\(right.stdout)\(right.stderr)")
        let everywhere = try CLI.run(["check", "--var", "4*d"] + spreads + Self.run)
        #expect(everywhere.status == 1, "\(everywhere.stdout)")
        let wrong = try CLI.run(["check", "--var", "2*d where mu = 0"] + spreads + Self.run)
        #expect(wrong.status == 1 && wrong.stdout.contains("REJECTED     Var(T) = 2*d: fails in 2 of 2 cells in its domain mu = 0"), "\(wrong.stdout)")
    }

    /// `--where` applies to every claim, the built-in ones included, and a claim's own domain narrows it.
    @Test func whereAppliesToEveryClaimAndNarrowsTheirOwnDomains() throws {
        let r = try CLI.run(["check", "--where", "mu = 0", "--claims", "textbook", "--var", "d*sigma^4 where d >= 16"] + Self.run)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("E[T] = d*mu^2: not rejected in 6 of 6 cells in its domain seed model and mu = 0 (18 outside)"), "\(r.stdout)")
        #expect(r.stdout.contains("Var(T) = d: not rejected in 2 of 2 cells in its domain mu=0 and sigma=1 and mu = 0 (22 outside)"), "\(r.stdout)")
        #expect(r.stdout.contains("Var(T) = d*sigma^4: not rejected in 3 of 3 cells in its domain d >= 16 and mu = 0 (21 outside)"), "\(r.stdout)")
    }

    /// A claim undefined outside its domain is fine: requireDefined looks only inside.
    @Test func aClaimUndefinedOutsideItsDomainIsChecked() throws {
        let inside = try CLI.run(["check", "--mean", "d*mu^2 + 0/mu where mu != 0"] + Self.run)
        #expect(inside.status == 0, "\(inside.stdout)\(inside.stderr)")
        #expect(inside.stdout.contains("not rejected in 18 of 18 cells in its domain mu != 0 (6 outside)"), "\(inside.stdout)")
        let everywhere = try CLI.run(["check", "--mean", "d*mu^2 + 0/mu"] + Self.run)
        #expect(everywhere.status == 64 && everywhere.stderr.contains("is undefined (NaN) at d = 4"), "\(everywhere.stderr)")
        #expect(everywhere.stderr.contains("narrow the domain with 'where'"), "\(everywhere.stderr)")
    }

    /// A domain no cell of the grid meets is bad input (exit 64), as the built-in claims' always were:
    /// a claim checked nowhere is a mistake in the command, not a finding.
    @Test func aDomainThatExcludesEveryCellIsRefused() throws {
        let r = try CLI.run(["check", "--var", "d where mu = 5"] + Self.run)
        #expect(r.status == 64 && r.stdout.isEmpty, "\(r.stdout)")
        #expect(r.stderr == "qkverify: error: --var: Var(T) = d is meant where mu = 5, and no cell of the grid is in that domain; allowed: a grid with a cell in the domain, or a domain some cell of the grid is in\n", "\(r.stderr)")
    }

    @Test(arguments: [
        (["--var", "d where mu =< 0"], "--var: bad domain 'mu =< 0': 'mu =< 0' has a comparison with a side missing; "),
        (["--var", "d where"], "--var: bad domain '': the domain is empty; "),
        (["--var", "where mu = 0"], "--var: 'where' needs a formula before it; allowed: FORMULA where DOMAIN"),
        (["--var", "d", "--where", "mu"], "--where: bad domain 'mu': 'mu' is not a comparison; "),
        (["--var", "d", "--where", "mu = 0 or sigma = 1"], "--where: bad domain 'mu = 0 or sigma = 1': '0 or sigma' in 'mu = 0 or sigma = 1': "),
        (["--var", "d", "--where", "mu = 0 and"], "--where: bad domain 'mu = 0 and': 'and' needs a comparison on each side"),
        (["--var", "d", "--where", "N > 4"], "--var: Var(T) = d, domain 'N > 4': 'N' is defined only in claims about attention"),
        (["--var", "d", "--where", "mu = 0", "--q-means", "0", "--k-means", "1"], "'mu' is not defined where q and k have different means"),
    ])
    func aBadDomainIsOneLineNamingTheOptionAndTheFormAllowed(arguments: [String], message: String) throws {
        let r = try CLI.run(["check"] + arguments + Self.run)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("qkverify: error: ") && r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    /// The domain is in every format: a `domain` column in text, markdown and CSV, and in JSON.
    @Test func everyFormatShowsTheDomain() throws {
        let base = ["check", "--var", "1/d where mu = 0", "--norm", "unit"] + Self.run
        let csv = try CLI.run(base + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("claim,claim_verdict,domain,d,mu,sigma,model,statistic,"), "\(csv.stdout.prefix(200))")
        #expect(csv.stdout.contains("Var(T) = 1/d,not rejected,mu = 0,4,0,0.6,"), "\(csv.stdout.prefix(400))")
        let markdown = try CLI.run(base + ["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| claim | domain | d |") && markdown.stdout.contains("in its domain mu = 0"), "\(markdown.stdout.prefix(200))")
        let json = try CLI.run(base + ["--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let claim = (document?["claims"] as? [[String: Any]])?.first
        #expect(claim?["domain"] as? String == "mu = 0" && claim?["cells_in_domain"] as? Int == 6 && claim?["cells_outside_domain"] as? Int == 18,
                "\(json.stdout.prefix(800))")
    }
}
