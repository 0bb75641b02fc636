import QKClaims

extension ClaimDiagnosis {
    /// One tested cell as the diagnosis sees it: where it is (the grid variables' values), what the
    /// run estimated there with its own standard error, what the claim said, and whether its test
    /// was rejected.
    ///
    /// The standard error is the estimate's own (not the one under the claim that a variance test
    /// divides by), so that a fit of the estimates weighs each cell by how well it was measured.
    public struct Observation: Sendable, Hashable {
        /// The grid variables' values in the cell: `d`, and those of `mu`, `sigma`, `mu_q`, `mu_k`,
        /// `sigma_q`, `sigma_k`, `rho`, `kurt_q`, `kurt_k` (and `N`, `tau` for a claim about attention)
        /// that are defined there. A variable missing or NaN in some cell is not used.
        public let values: [Formula.Variable: Double]
        /// The Monte Carlo estimate of the claimed quantity.
        public let estimate: Double
        /// The estimate's standard error.
        public let standardError: Double
        /// The claimed value in the cell.
        public let claimed: Double
        /// Whether the claim's test in this cell was rejected.
        public let failed: Bool

        /// An observation; `standardError` must be positive and finite for the cell to be used.
        public init(values: [Formula.Variable: Double], estimate: Double, standardError: Double, claimed: Double, failed: Bool) {
            self.values = values
            self.estimate = estimate
            self.standardError = standardError
            self.claimed = claimed
            self.failed = failed
        }

        /// The value of a variable here, NaN where it has none.
        public subscript(_ variable: Formula.Variable) -> Double { values[variable] ?? .nan }

        /// Whether the observation can enter a fit: a finite estimate with a positive finite error.
        var isUsable: Bool { estimate.isFinite && standardError.isFinite && standardError > 0 }
    }

    /// The variables that take more than one value among the observations and are defined in all of
    /// them, in the order formulas print them (`d`, `mu`, `sigma`, ..., `N`, `tau`). A variable whose
    /// values equal an earlier one's in every cell (`mu_q` where q and k share `mu`, `kurt_k` beside
    /// `kurt_q`) is left out: the two cannot be told apart on this grid.
    static func varyingVariables(_ observations: [Observation]) -> [Formula.Variable] {
        let order: [Formula.Variable] = [.d, .mu, .sigma, .muQ, .muK, .sigmaQ, .sigmaK, .rho, .kurtQ, .kurtK, .keys, .tau]
        var kept: [Formula.Variable] = [], columns: [[Double]] = []
        for variable in order {
            let column = observations.map { $0[variable] }
            guard column.allSatisfy(\.isFinite), Set(column).count > 1, !columns.contains(column) else { continue }
            kept.append(variable)
            columns.append(column)
        }
        return kept
    }

    /// The variables that take one value in every observation, with that value (the grid's fixed
    /// settings, which a fitted formula absorbs into its coefficients).
    static func fixedVariables(_ observations: [Observation]) -> [(Formula.Variable, Double)] {
        let order: [Formula.Variable] = [.mu, .sigma, .muQ, .muK, .sigmaQ, .sigmaK, .rho, .keys, .tau]
        guard let first = observations.first else { return [] }
        var fixed: [(Formula.Variable, Double)] = []
        for variable in order {
            let value = first[variable]
            guard value.isFinite, observations.allSatisfy({ $0[variable] == value }) else { continue }
            // mu_q and mu_k say nothing mu does not (and rho = 0 is the default model).
            if (variable == .muQ || variable == .muK) && first[.mu].isFinite { continue }
            if (variable == .sigmaQ || variable == .sigmaK) && first[.sigma].isFinite { continue }
            if variable == .rho && value == 0 { continue }
            fixed.append((variable, value))
        }
        return fixed
    }
}
