import QKModel

/// One comparison of a domain, `left relation right` (`mu = 0`, `d >= 4`, `mu_q != mu_k`): a cell is
/// in the domain only where every condition holds.
public struct DomainCondition: Sendable, Hashable {
    /// The left-hand formula.
    public let left: Formula
    /// How the two sides must relate.
    public let relation: DomainRelation
    /// The right-hand formula.
    public let right: Formula

    /// A condition.
    public init(_ left: Formula, _ relation: DomainRelation, _ right: Formula) {
        self.left = left
        self.relation = relation
        self.right = right
    }

    /// The variables either side uses.
    public var variables: Set<Formula.Variable> { left.variables.union(right.variables) }

    /// Whether the condition holds in a cell of T's grid.
    public func holds(in cell: Cell) -> Bool {
        relation.holds(left.evaluate(cell), right.evaluate(cell))
    }

    /// Whether the condition holds in a softmax cell at temperature tau (it may use N and tau).
    public func holds(in cell: SoftmaxCell, tau: Double) -> Bool {
        relation.holds(left.evaluate(cell, tau: tau), right.evaluate(cell, tau: tau))
    }
}
