// GSL's fixed-rule types (gsl_integration_fixed_hermite, ...) are C globals that GSL initialises
// once and never writes; Swift 6 cannot see that and rejects every reference to one as shared
// mutable state. This file alone imports CGSL without those checks, and reads no other global.
@preconcurrency import CGSL

/// A fixed quadrature rule: nodes and weights with `sum(weights[i] * f(nodes[i]))` approximating
/// an integral or an expectation: GSL's Gauss-Hermite (`gsl_integration_fixed`) and Gauss-Legendre
/// (`gsl_integration_glfixed`) rules, and the Gauss rule of any discrete measure.
package struct IntegrationFixedRule: Sendable, Hashable {
    /// The nodes, in increasing order.
    package let nodes: [Double]
    /// The weights, one per node.
    package let weights: [Double]

    /// The n-point Gauss-Hermite rule for `E[f(Z)]`, Z ~ N(0, 1): exact for polynomials of degree up
    /// to 2n - 1; the weights sum to 1.
    ///
    /// - Returns: nil when GSL cannot build the rule (n < 1, or no memory).
    static func gaussHermite(points n: Int) -> IntegrationFixedRule? {
        guard n >= 1 else { return nil }
        GSL.configure()
        // Weight exp(-b (x - a)^2) |x - a|^alpha with a = 0, b = 1/2, alpha = 0: the standard normal
        // density times sqrt(2 pi).
        guard let workspace = gsl_integration_fixed_alloc(gsl_integration_fixed_hermite, n, 0, 0.5, 0, 0) else {
            return nil
        }
        defer { gsl_integration_fixed_free(workspace) }
        let x = gsl_integration_fixed_nodes(workspace)!, w = gsl_integration_fixed_weights(workspace)!
        let norm = (2 * Double.pi).squareRoot()
        return IntegrationFixedRule(nodes: (0..<n).map { x[$0] }, weights: (0..<n).map { w[$0] / norm })
    }

    /// The n-point Gauss-Legendre rule for `int_{-1}^{1} f` (`gsl_integration_glfixed_table`).
    ///
    /// - Returns: nil when GSL cannot build the rule (n < 1, or no memory).
    package static func gaussLegendre(points n: Int) -> IntegrationFixedRule? {
        guard n >= 1, let table = gsl_integration_glfixed_table_alloc(n) else { return nil }
        defer { gsl_integration_glfixed_table_free(table) }
        var nodes: [Double] = [], weights: [Double] = []
        for i in 0..<n {
            var x = 0.0, w = 0.0
            guard gsl_integration_glfixed_point(-1, 1, i, &x, &w, table) == GSL_SUCCESS else { return nil }
            nodes.append(x)
            weights.append(w)
        }
        let order = nodes.indices.sorted { nodes[$0] < nodes[$1] }
        return IntegrationFixedRule(nodes: order.map { nodes[$0] }, weights: order.map { weights[$0] })
    }

    /// The n-point Gauss rule of a discrete measure (points `x` with masses `mass`, at least n of
    /// them with positive mass): the rule with positive weights summing to the total mass that
    /// integrates every polynomial of degree up to 2n - 1 exactly against the measure.
    ///
    /// The recurrence of the measure's orthonormal polynomials comes from Stieltjes' procedure (on
    /// the points mapped to [-1, 1], normalised at each step), the nodes and weights from the
    /// eigenvectors of its Jacobi matrix (Golub-Welsch) by `gsl_eigen_symmv`. A discretisation of a
    /// continuous law by a fine rule gives that law's Gauss rule to the fine rule's accuracy.
    ///
    /// - Returns: nil when the measure is unusable (fewer than n points with mass, a non-finite
    ///   point or mass) or GSL fails.
    package static func gauss(points n: Int, measure x: [Double], mass: [Double]) -> IntegrationFixedRule? {
        guard n >= 1, x.count == mass.count, x.allSatisfy(\.isFinite), mass.allSatisfy({ $0.isFinite && $0 >= 0 }),
              mass.filter({ $0 > 0 }).count >= n, let low = x.min(), let high = x.max() else { return nil }
        let centre = (low + high) / 2, half = max((high - low) / 2, Double.leastNormalMagnitude)
        let t = x.map { ($0 - centre) / half }
        let total = mass.reduce(0, +)
        var alpha = [Double](), beta = [Double]()  // beta[j] = ||p_j||^2 / ||p_(j-1)||^2 (beta[0] unused)
        var previous = [Double](repeating: 0, count: t.count)
        var current = [Double](repeating: 1 / total.squareRoot(), count: t.count)  // orthonormal p_0
        var offDiagonal = 0.0
        for j in 0..<n {
            var a = 0.0
            for k in t.indices { a += mass[k] * t[k] * current[k] * current[k] }
            alpha.append(a)
            if j == n - 1 { break }
            var next = [Double](repeating: 0, count: t.count), norm = 0.0
            for k in t.indices {
                next[k] = (t[k] - a) * current[k] - offDiagonal * previous[k]
                norm += mass[k] * next[k] * next[k]
            }
            let b = norm.squareRoot()
            guard b > 0, b.isFinite else { return nil }
            beta.append(b)
            previous = current
            current = next.map { $0 / b }
            offDiagonal = b
        }
        guard let matrix = gsl_matrix_calloc(n, n), let values = gsl_vector_alloc(n),
              let vectors = gsl_matrix_alloc(n, n), let workspace = gsl_eigen_symmv_alloc(n) else { return nil }
        defer {
            gsl_matrix_free(matrix); gsl_vector_free(values); gsl_matrix_free(vectors); gsl_eigen_symmv_free(workspace)
        }
        for j in 0..<n {
            gsl_matrix_set(matrix, j, j, alpha[j])
            if j + 1 < n {
                gsl_matrix_set(matrix, j, j + 1, beta[j])
                gsl_matrix_set(matrix, j + 1, j, beta[j])
            }
        }
        guard gsl_eigen_symmv(matrix, values, vectors, workspace) == GSL_SUCCESS else { return nil }
        let pairs = (0..<n).map { i -> (Double, Double) in
            let v = gsl_matrix_get(vectors, 0, i)
            return (centre + half * gsl_vector_get(values, i), total * v * v)
        }.sorted { $0.0 < $1.0 }
        return IntegrationFixedRule(nodes: pairs.map(\.0), weights: pairs.map(\.1))
    }

    /// `sum(weights[i] * f(nodes[i]))`.
    func apply(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        for (x, w) in zip(nodes, weights) { sum += w * f(x) }
        return sum
    }
}
