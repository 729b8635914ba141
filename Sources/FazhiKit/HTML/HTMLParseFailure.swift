/// Reasons libxml2 produced no page at all.
public enum HTMLParseFailure: Error, Sendable, Equatable {
    /// libxml2 returned no document (for instance, empty input).
    case noDocument
    /// The input is larger than libxml2's `int` length.
    case tooLarge
}
