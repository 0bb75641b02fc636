import QKModel
extension Cell {
    /// What the theory knows of T in this cell.
    public var theory: DotProductTheory { DotProductTheory(self) }
}
