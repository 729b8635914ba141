import Foundation
import Yams

/// Reads profiles from YAML: the built-in ones by name, or a file by path. Every error names the
/// file and the line.
public enum ProfileLoader {
    /// A profile that could not be read.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file (or built-in name).
        public var source: String
        /// The 1-based line, when known.
        public var line: Int?
        public var reason: String
        public var description: String { "\(source)\(line.map { ":\($0)" } ?? ""): \(reason)" }
    }

    /// The built-in profile `name`, or the YAML file at `nameOrPath`.
    public static func load(_ nameOrPath: String) throws(Failure) -> Profile {
        if let yaml = BuiltinProfiles.yaml[nameOrPath] { return try parse(yaml, source: nameOrPath) }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw Failure(source: nameOrPath, line: nil,
                          reason: "no such profile (built-in: \(BuiltinProfiles.names.joined(separator: ", "))) and no such file")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath), let text = String(data: data, encoding: .utf8) else {
            throw Failure(source: nameOrPath, line: nil, reason: "cannot read the file as UTF-8")
        }
        return try parse(text, source: nameOrPath)
    }

    /// Parses profile YAML.
    public static func parse(_ yaml: String, source: String) throws(Failure) -> Profile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw Failure(source: source, line: 1, reason: "the file is empty") }
            root = node
        } catch let failure as Failure {
            throw failure
        } catch let error as YamlError {
            throw Failure(source: source, line: Self.line(of: error), reason: "not valid YAML: \(Self.summary(of: error))")
        } catch {
            throw Failure(source: source, line: nil, reason: "not valid YAML: \(error)")
        }
        let r = Reader(source: source)
        do {
            let kindNode = try r.mapping(root, "kind")
            let kind = Profile.Kind(titleWords: try r.strings(kindNode, "title-words"), reportWords: try r.strings(kindNode, "report-words"),
                                    excludeWords: try r.strings(kindNode, "exclude-words", optional: true),
                                    excludeEndings: try r.strings(kindNode, "exclude-endings", optional: true))
            var items: [Profile.Item] = []
            for node in try r.sequence(root, "items") {
                items.append(Profile.Item(
                    id: try r.string(node, "id"), name: try r.string(node, "name"), required: try r.bool(node, "required"),
                    text: try r.string(node, "text"), headingLevel: try r.int(node, "heading-level", optional: true),
                    heading: try r.groups(node, "heading"), body: try r.groups(node, "body", optional: true),
                    paragraph: try r.groups(node, "paragraph", optional: true)))
            }
            var rules: [Profile.Rule] = []
            for node in try r.sequence(root, "rules") {
                let check = try r.string(node, "check")
                guard Auditor.checks.contains(check) else {
                    throw Failure(source: source, line: node.mark?.line,
                                  reason: "unknown check '\(check)' (known: \(Auditor.checks.sorted().joined(separator: ", ")))")
                }
                let severityText = try r.string(node, "severity")
                guard let severity = Severity(rawValue: severityText) else {
                    throw Failure(source: source, line: node["severity"]?.mark?.line, reason: "severity must be error, warning or info, not '\(severityText)'")
                }
                var params: [String: ProfileValue] = [:]
                if let p = node["params"] {
                    guard case .mapping(let mapping) = p else { throw Failure(source: source, line: p.mark?.line, reason: "params must be a mapping") }
                    for (k, v) in mapping {
                        guard let key = k.string else { continue }
                        switch v {
                        case .scalar(let s): params[key] = Int(s.string).map(ProfileValue.int) ?? .string(s.string)
                        case .sequence(let seq): params[key] = .list(seq.compactMap(\.string))
                        default: throw Failure(source: source, line: v.mark?.line, reason: "params.\(key) must be a value or a list")
                        }
                    }
                }
                rules.append(Profile.Rule(id: try r.string(node, "id"), check: check, severity: severity, message: try r.string(node, "message"),
                                          gloss: try r.string(node, "gloss"), basis: try r.string(node, "basis"), params: params))
            }
            let profile = Profile(id: try r.string(root, "id"), name: try r.string(root, "name"),
                                  description: try r.string(root, "description", optional: true), kind: kind, items: items, rules: rules)
            for rule in profile.rules {
                if let item = rule.params["item"]?.string, profile.item(item) == nil {
                    throw Failure(source: source, line: nil, reason: "rule \(rule.id) names item \(item), which the profile does not define")
                }
            }
            return profile
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(source: source, line: nil, reason: "\(error)")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }

    /// Typed access to YAML nodes with line-numbered errors.
    private struct Reader {
        var source: String

        func fail(_ node: Node?, _ reason: String) -> Failure { Failure(source: source, line: node?.mark?.line, reason: reason) }

        func value(_ node: Node, _ key: String, optional: Bool) throws(Failure) -> Node? {
            guard case .mapping = node else { throw fail(node, "expected a mapping with key '\(key)'") }
            guard let v = node[key] else {
                if optional { return nil }
                throw fail(node, "missing key '\(key)'")
            }
            return v
        }

        func string(_ node: Node, _ key: String, optional: Bool = false) throws(Failure) -> String {
            guard let v = try value(node, key, optional: optional) else { return "" }
            guard case .scalar(let s) = v else { throw fail(v, "'\(key)' must be text") }
            return s.string
        }

        func int(_ node: Node, _ key: String, optional: Bool = false) throws(Failure) -> Int? {
            guard let v = try value(node, key, optional: optional) else { return nil }
            guard let i = v.int else { throw fail(v, "'\(key)' must be a whole number") }
            return i
        }

        func bool(_ node: Node, _ key: String) throws(Failure) -> Bool {
            guard let v = try value(node, key, optional: false), let b = v.bool else { throw fail(node[key] ?? node, "'\(key)' must be true or false") }
            return b
        }

        func mapping(_ node: Node, _ key: String) throws(Failure) -> Node {
            guard let v = try value(node, key, optional: false), case .mapping = v else { throw fail(node[key] ?? node, "'\(key)' must be a mapping") }
            return v
        }

        func sequence(_ node: Node, _ key: String) throws(Failure) -> [Node] {
            guard let v = try value(node, key, optional: false), case .sequence(let seq) = v else { throw fail(node[key] ?? node, "'\(key)' must be a list") }
            return Array(seq)
        }

        func strings(_ node: Node, _ key: String, optional: Bool = false) throws(Failure) -> [String] {
            guard let v = try value(node, key, optional: optional) else { return [] }
            guard case .sequence(let seq) = v else { throw fail(v, "'\(key)' must be a list of words") }
            return try seq.map { (n: Node) throws(Failure) -> String in
                guard let s = n.string else { throw fail(n, "'\(key)' must hold words") }
                return s
            }
        }

        /// A list of word groups: `[[a, b], [c]]`.
        func groups(_ node: Node, _ key: String, optional: Bool = false) throws(Failure) -> [[String]] {
            guard let v = try value(node, key, optional: optional) else { return [] }
            guard case .sequence(let seq) = v else { throw fail(v, "'\(key)' must be a list of word lists") }
            return try seq.map { (g: Node) throws(Failure) -> [String] in
                guard case .sequence(let words) = g else { throw fail(g, "each entry of '\(key)' must be a list of words") }
                return words.compactMap(\.string)
            }
        }
    }
}
