import Foundation
import QKModel

extension Claim {
    /// The cells a claim speaks of: comparisons of formulas in the grid's variables joined with `and`
    /// (`mu = 0 and sigma >= 1`), and for a built-in claim the model its derivation assumes.
    ///
    /// Cells outside are not tested and not counted against the claim. A user's domain
    /// (`--where`, or `where` after a formula) and the built-in ones are the same mechanism: the
    /// textbook's `mu=0 and sigma=1` is two comparisons on top of its model.
    public struct Domain: Sendable, Hashable {
        /// The comparisons every cell of the domain meets.
        public let conditions: [DomainCondition]
        /// The model a cell must have beyond the comparisons, for the built-in claims; nil for any.
        public let model: Model?
        /// How the domain reads: as written (`mu = 0`), or `all`, `seed model`.
        public let text: String

        /// Models the built-in claims are derived for, which the grid's variables cannot say
        /// (the law's name, the normalization).
        public enum Model: Sendable, Hashable {
            /// Raw, independent coordinates, q and k sharing one mean and one spread (any law).
            case seedSetting
            /// Those with Gaussian coordinates: the seed derivation's model.
            case seedModel

            func contains(_ cell: Cell) -> Bool {
                switch self {
                case .seedSetting: return cell.model.isSeedSetting
                case .seedModel: return cell.model.isSeedSetting && cell.model.law == .gaussian
                }
            }
        }

        /// Every cell of the grid.
        public static let all = Domain(conditions: [], model: nil, text: "all")
        /// The seed derivation's model: raw, independent Gaussian coordinates, q and k sharing one
        /// mean and one spread (the negative controls' skewness and kurtosis forms are Gaussian).
        public static let seed = Domain(conditions: [], model: .seedModel, text: "seed model")
        /// The footnote's setting: raw, independent coordinates of any law with mu = 0 and sigma = 1
        /// (where Var = d and s = sqrt(d) are meant).
        public static let standard = Domain(conditions: try! Domain(parsing: "mu=0 and sigma=1").conditions, model: .seedSetting,
                                            text: "mu=0 and sigma=1")

        /// The domain's text, under the name the controls' tables have always used for it.
        public var rawValue: String { text }

        /// Whether the domain is every cell.
        public var isAll: Bool { conditions.isEmpty && model == nil }

        init(conditions: [DomainCondition], model: Model?, text: String) {
            self.conditions = conditions
            self.model = model
            self.text = text
        }

        /// Parses a domain: comparisons joined with `and`; a chain `0 < mu < 1` is two comparisons.
        ///
        /// - Throws: ``DomainError`` saying which part is wrong and the form allowed.
        public init(parsing text: String) throws(DomainError) {
            let trimmed = text.split(onWord: "and").joined(separator: " and ")
            guard !trimmed.isEmpty else { throw DomainError("the domain is empty") }
            var conditions: [DomainCondition] = []
            for part in text.split(onWord: "and") {
                guard !part.isEmpty else { throw DomainError("'and' needs a comparison on each side in '\(text.trimmingCharacters(in: .whitespaces))'") }
                conditions += try Self.comparisons(part)
            }
            self.init(conditions: conditions, model: nil, text: trimmed)
        }

        /// The comparisons of one part between `and`s: its sides, each a formula, and the relations between them.
        private static func comparisons(_ part: String) throws(DomainError) -> [DomainCondition] {
            var sides: [String] = [], relations: [DomainRelation] = [], current = ""
            var rest = Substring(part)
            scan: while let first = rest.first {
                for (spelling, relation) in DomainRelation.spellings where rest.hasPrefix(spelling) {
                    sides.append(current)
                    relations.append(relation)
                    current = ""
                    rest = rest.dropFirst(spelling.count)
                    continue scan
                }
                current.append(first)
                rest = rest.dropFirst()
            }
            sides.append(current)
            guard !relations.isEmpty else { throw DomainError("'\(part)' is not a comparison") }
            var formulas: [Formula] = []
            for side in sides {
                let side = side.trimmingCharacters(in: .whitespaces)
                guard !side.isEmpty else { throw DomainError("'\(part)' has a comparison with a side missing") }
                do {
                    formulas.append(try Formula(parsing: side))
                } catch let error as FormulaError {
                    throw DomainError("'\(side)' in '\(part)': \(error.reason)")
                } catch {
                    throw DomainError("'\(side)' in '\(part)' is not a formula")
                }
            }
            return relations.indices.map { DomainCondition(formulas[$0], relations[$0], formulas[$0 + 1]) }
        }

        /// The domain of cells in both: every comparison of each, and the narrower model.
        public func and(_ other: Domain) -> Domain {
            if other.isAll { return self }
            if isAll { return other }
            let model: Model? = self.model == .seedModel || other.model == .seedModel ? .seedModel : self.model ?? other.model
            return Domain(conditions: conditions + other.conditions, model: model, text: "\(text) and \(other.text)")
        }

        /// The variables the comparisons use.
        public var variables: Set<Formula.Variable> { conditions.reduce(into: []) { $0.formUnion($1.variables) } }

        /// Whether a cell of T's grid is in the domain.
        public func contains(_ cell: Cell) -> Bool {
            (model?.contains(cell) ?? true) && conditions.allSatisfy { $0.holds(in: cell) }
        }

        /// Whether a softmax cell at temperature tau is in the domain (its comparisons may use N and tau).
        public func contains(_ cell: SoftmaxCell, tau: Double) -> Bool {
            (model?.contains(Cell(d: cell.d, model: cell.model)) ?? true) && conditions.allSatisfy { $0.holds(in: cell, tau: tau) }
        }

        /// Whether the model allows a cell, before any comparison: where a comparison's variables
        /// must have a value.
        func admitsModel(of cell: Cell) -> Bool { model?.contains(cell) ?? true }
    }
}

extension Claim {
    /// The claim with its domain narrowed to the cells of `other` too (`--where` on a built-in claim).
    public func within(_ other: Domain) -> Claim {
        other.isAll ? self : try! Claim(quantity, text, domain: domain.and(other), isLimit: isLimit, name: name)
    }
}
