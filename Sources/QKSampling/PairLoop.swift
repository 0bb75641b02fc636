import QKModel

/// A loop over the coordinate pairs of a cell, written once for any source and reduction: the draw
/// loops of T (``DotProductSampler``) and of attention weights (``SoftmaxSampler``) are both run
/// through ``CoordinateModel/run(_:)``, so every law, correlation and normalization reaches both.
protocol PairLoop {
    /// What the loop returns.
    associatedtype Result
    /// The loop, specialized for one source of pairs and one reduction of them to T.
    func run<P: PairSource, R: PairReduction>(_ pairs: P, _ reduction: R.Type) -> Result
}

extension CoordinateModel {
    /// Runs `loop` with this model's pair source (its law, or correlated Gaussian pairs) and its
    /// normalization's reduction, resolved once so the loop's inner body is specialized.
    func run<L: PairLoop>(_ loop: L) -> L.Result {
        if rho != 0 { return reduce(CorrelatedGaussianPairs(self), loop) }
        switch law {
        case .gaussian: return reduce(independent(GaussianLaw()), loop)
        case .uniform: return reduce(independent(UniformLaw()), loop)
        case .rademacher: return reduce(independent(RademacherLaw()), loop)
        case .laplace: return reduce(independent(LaplaceLaw()), loop)
        case let .studentT(nu): return reduce(independent(StudentTLaw(nu: nu)), loop)
        }
    }

    private func independent<Law: StandardLaw>(_ law: Law) -> IndependentPairs<Law> {
        IndependentPairs(law: law, muQ: muQ, sigmaQ: sigmaQ, muK: muK, sigmaK: sigmaK)
    }

    private func reduce<P: PairSource, L: PairLoop>(_ pairs: P, _ loop: L) -> L.Result {
        switch norm {
        case .none: return loop.run(pairs, RawDot.self)
        case .unit: return loop.run(pairs, UnitDot.self)
        case .layer: return loop.run(pairs, LayerDot.self)
        }
    }
}
