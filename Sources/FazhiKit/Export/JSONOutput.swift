import Foundation

/// Stable JSON encoding for every fazhi output: sorted keys, unescaped slashes and CJK.
public enum JSONOutput {
    /// JSON text of `value`, pretty-printed or on one line.
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
