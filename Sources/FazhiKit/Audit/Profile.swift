/// A checking profile: which report kind it recognises, the items the rules require, and the rules
/// with their severities, messages and bases. Profiles are data (YAML); see ``ProfileLoader``.
public struct Profile: Sendable, Hashable {
    /// How a page is recognised as a report of this kind.
    public struct Kind: Sendable, Hashable {
        /// One of these must appear in the title.
        public var titleWords: [String]
        /// One of these must appear in the title too (报告, 情况).
        public var reportWords: [String]
        /// None of these may appear in the title.
        public var excludeWords: [String]
        /// The title may not end with one of these (通知, 意见 …).
        public var excludeEndings: [String]
    }

    /// A required (or optional) content item.
    public struct Item: Sendable, Hashable {
        public var id: String
        public var name: String
        public var required: Bool
        /// The regulation's wording of the item.
        public var text: String
        /// Only headings of this level count (nil: any level).
        public var headingLevel: Int?
        /// Groups of words; a heading matches when it has a word of every group. `{next}`: year N+1.
        public var heading: [[String]]
        /// Groups of words that recognise the item inline in body text.
        public var body: [[String]]
        /// Groups matched in the first 40 characters of an unheaded paragraph.
        public var paragraph: [[String]]
    }

    /// One rule: a built-in check with its parameters, severity, message and basis.
    public struct Rule: Sendable, Hashable {
        public var id: String
        /// The built-in check it runs (`item-present`, `deadline`, …).
        public var check: String
        public var severity: Severity
        /// The message in Chinese, with `{placeholders}`.
        public var message: String
        /// The message's English gloss.
        public var gloss: String
        /// The regulation, standard or indicator behind the rule.
        public var basis: String
        /// Check parameters.
        public var params: [String: ProfileValue]
    }

    public var id: String
    public var name: String
    public var description: String
    public var kind: Kind
    public var items: [Item]
    public var rules: [Rule]

    /// The item with `id`.
    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
}

/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.info, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// A parameter value from a profile.
public enum ProfileValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case list([String])

    var string: String? { if case .string(let s) = self { return s }; if case .int(let i) = self { return String(i) }; return nil }
    var int: Int? { if case .int(let i) = self { return i }; if case .string(let s) = self { return Int(s) }; return nil }
    var list: [String]? { if case .list(let l) = self { return l }; if case .string(let s) = self { return [s] }; return nil }
}
