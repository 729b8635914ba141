/// The names the tree builders recognise straight from libxml2's bytes.
enum HTMLNames {
    /// The attributes the pipeline reads; the rest are not copied out of libxml2.
    static let keptAttributes = PackedName.Table(HTMLAttributeName.allCases.map { ($0.name, $0) })

    /// Known element names with their codes.
    static let tags = PackedName.Table(HTMLTag.allCases.filter { $0 != .other }.map { ($0.name, $0) })

    /// The code of an element named `raw`, and for a name outside the ``HTMLTag`` set its index in
    /// the tree's ``HTMLTree/otherNames`` (added there when new).
    static func element(_ raw: UnsafePointer<UInt8>, in tree: inout HTMLTree,
                        names: inout OtherNameTable) -> (tag: HTMLTag, otherName: Int32) {
        if let tag = tags.lookup(raw) { return (tag, -1) }
        return (.other, names.index(of: String(cString: raw), in: &tree))
    }
}

/// The names outside the ``HTMLTag`` set a builder has put in a tree's ``HTMLTree/otherNames``, by
/// name, so a page with thousands of made-up tags costs a hash lookup per element, not a search.
struct OtherNameTable {
    private var indices: [String: Int32] = [:]

    /// The index of `name` in `tree.otherNames`, added there when new.
    mutating func index(of name: String, in tree: inout HTMLTree) -> Int32 {
        if let known = indices[name] { return known }
        let index = tree.appendOtherName(name)
        indices[name] = index
        return index
    }
}
