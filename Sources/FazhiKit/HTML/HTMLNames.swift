/// The names the tree builders recognise straight from libxml2's bytes.
enum HTMLNames {
    /// The attributes the pipeline reads; the rest are not copied out of libxml2.
    static let keptAttributes = PackedName.Table(
        ["class", "id", "style", "align", "hidden", "aria-hidden", "href", "face", "name", "content", "property", "rel",
         "http-equiv", "charset", "title", "src"].map { ($0, $0) })

    /// Known element names with their codes and the name strings made once.
    static let tags = PackedName.Table(HTMLTag.allCases.filter { $0 != .other }.map { ("\($0)", ($0, "\($0)")) })

    /// The code and lower-case name of an element named `raw`.
    static func element(_ raw: UnsafePointer<UInt8>) -> (HTMLTag, String) {
        tags.lookup(raw) ?? (.other, String(cString: raw))
    }
}
