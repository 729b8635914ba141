/// The attributes the pipeline reads. The tree keeps only these (the rest are never copied out of
/// libxml2), each as a one-byte code next to its value's bytes.
public enum HTMLAttributeName: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case `class`, id, style, align, hidden, ariaHidden, href, face, name, content, property, rel, httpEquiv, charset, title, src

    /// The attribute's name as written in HTML (lower case).
    public var name: String { Self.names[Int(rawValue)] }

    private static let names = allCases.map { name -> String in
        switch name {
        case .ariaHidden: return "aria-hidden"
        case .httpEquiv: return "http-equiv"
        default: return "\(name)"
        }
    }
}
