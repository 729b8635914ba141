import Foundation
import Testing
@testable import FazhiKit

/// The compact encoder batch records go through writes exactly the bytes Foundation's JSONEncoder
/// writes with sorted keys and unescaped slashes, and hands back what it does not handle.
@Suite struct CompactJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func compact<T: Encodable>(_ value: T) -> String? {
        CompactJSONEncoder.encode(value).map { String(decoding: $0, as: UTF8.self) }
    }

    enum Colour: String, Codable { case red, green }

    struct Everything: Codable {
        var zeta = "last by name, first by declaration"
        var Alpha = "upper case sorts before lower case"
        var text = "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\"\\/ 中文 𠀀 \u{2028} é"
        var missing: String?
        var present: Int? = -42
        var numbers: [Int] = [0, 1, -1, Int.max, Int.min]
        var small: Int8 = -128
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var map = ["b": "2", "B": "1", "a_": "3", "aa": "4", "中": "5", "": "6"]
        var nested = [["x": [1, 2]], ["y": []]]
        var colour = Colour.green
        var optionals: [String?] = ["a", nil]
        var day = Day(year: 2021, month: 5, day: 31)!
    }

    @Test func everyKindOfValueMatchesFoundationByteForByte() throws {
        let value = Everything()
        let compact = try #require(Self.compact(value))
        #expect(compact == (try Self.foundation(value)))
        #expect(compact.hasPrefix(#"{"Alpha":"#))
    }

    @Test func batchRecordsOfEveryCorpusPageMatchFoundation() throws {
        let auditor = Auditor(profile: try ProfileLoader.load("fazhi-annual"))
        for page in CorpusPage.all {
            for document in Ingest.documents(path: page.path) {
                let record: BatchRecord
                switch document.page {
                case .success(let decoded):
                    record = BatchRecord(document: document, result: try Pipeline.run(page: decoded, auditor: auditor))
                case .failure(let error):
                    record = BatchRecord(document: document, error: error.reason)
                }
                let compact = try #require(Self.compact(record), "\(page.name)")
                #expect(compact == (try Self.foundation(record)), "\(page.name)")
            }
        }
    }

    struct WithDouble: Codable { var ratio = 0.5 }

    struct Nested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: AnyKey.self)
            var inner = outer.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("inner"))
            try inner.encode(1, forKey: AnyKey("x"))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    @Test func floatsAndNestedContainersAreLeftToFoundation() throws {
        #expect(Self.compact(WithDouble()) == nil)
        #expect(Self.compact(Nested()) == nil)
        // JSONOutput falls back, so callers still get Foundation's text.
        #expect(try JSONOutput.string(WithDouble(), pretty: false) == (try Self.foundation(WithDouble())))
        #expect(try JSONOutput.string(Nested(), pretty: false) == #"{"inner":{"x":1}}"#)
    }
}
