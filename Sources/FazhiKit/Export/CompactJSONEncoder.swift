/// Compact JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, without its intermediate tree of boxed values: every
/// member is written once into one buffer, and an object's members are put in key order (UTF-8
/// byte order, as Foundation sorts on Linux) when the object is complete. Batch records are encoded
/// once per page, so this is on the hot path.
///
/// Floating-point numbers and nested or super containers are not written here: the encoder reports
/// them, and ``JSONOutput`` falls back to Foundation for that value.
struct CompactJSONEncoder {
    /// The JSON text of `value`, or nil when the value uses something this encoder leaves to
    /// Foundation.
    static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
        let state = State()
        do { try state.encodeValue(value) } catch { return nil }
        return state.unsupported ? nil : state.out
    }

    /// The output buffer and the members of the objects still open.
    final class State {
        var out: [UInt8] = []
        var unsupported = false
        /// Members of open objects, innermost last: key and byte range (commas excluded).
        var members: [(key: String, start: Int, end: Int)] = []

        init() { out.reserveCapacity(4096) }

        func encodeValue<T: Encodable>(_ value: T) throws {
            if T.self == String.self { writeString(value as! String); return }
            if T.self == Int.self { writeInteger(value as! Int); return }
            if T.self == Bool.self { write(value as! Bool); return }
            let encoder = ValueEncoder(state: self)
            try value.encode(to: encoder)
            encoder.finish()
        }

        func write(_ bool: Bool) {
            out.append(contentsOf: bool ? Self.trueBytes : Self.falseBytes)
        }

        func writeNull() { out.append(contentsOf: Self.nullBytes) }

        func writeInteger<I: BinaryInteger>(_ value: I) {
            if value == 0 { out.append(0x30); return }
            var digits: [UInt8] = []
            var magnitude = value.magnitude
            while magnitude > 0 {
                digits.append(0x30 + UInt8(magnitude % 10))
                magnitude /= 10
            }
            if value < 0 { out.append(0x2D) }
            out.append(contentsOf: digits.reversed())
        }

        func writeString(_ string: String) {
            var string = string
            string.withUTF8 { bytes in
                out.append(0x22)
                var runStart = 0
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    runStart = i + 1
                    out.append(0x5C)
                    switch b {
                    case 0x22, 0x5C: out.append(b)
                    case 0x0A: out.append(0x6E)  // n
                    case 0x0D: out.append(0x72)  // r
                    case 0x09: out.append(0x74)  // t
                    case 0x08: out.append(0x62)  // b
                    case 0x0C: out.append(0x66)  // f
                    default:
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                    }
                }
                if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
                out.append(0x22)
            }
        }

        /// Writes one member of the innermost open object: `"key":value`.
        func member(_ key: String, first: Bool, _ body: () throws -> Void) rethrows {
            if !first { out.append(0x2C) }
            let start = out.count
            writeString(key)
            out.append(0x3A)
            try body()
            members.append((key, start, out.count))
        }

        /// Closes the object whose members start at `base` in ``members`` and whose first member
        /// starts at `bodyStart` in ``out``: puts the members in key order and writes `}`.
        func closeObject(membersFrom base: Int, bodyStart: Int) {
            let count = members.count - base
            var sorted = true
            if count > 1 {
                for i in (base + 1)..<members.count where !members[i - 1].key.utf8.lexicographicallyPrecedes(members[i].key.utf8) {
                    sorted = false
                    break
                }
            }
            if !sorted {
                let order = members[base...].sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                var body: [UInt8] = []
                body.reserveCapacity(out.count - bodyStart)
                for (i, m) in order.enumerated() {
                    if i > 0 { body.append(0x2C) }
                    body.append(contentsOf: out[m.start..<m.end])
                }
                out.replaceSubrange(bodyStart..<out.count, with: body)
            }
            members.removeSubrange(base...)
            out.append(0x7D)
        }

        static let trueBytes: [UInt8] = Array("true".utf8)
        static let falseBytes: [UInt8] = Array("false".utf8)
        static let nullBytes: [UInt8] = Array("null".utf8)
    }

    /// The encoder one value (an object, an array or a single value) is encoded with.
    final class ValueEncoder: Encoder {
        enum Opened { case none, object(membersFrom: Int, bodyStart: Int), array, single }

        let state: State
        var opened: Opened = .none
        var elementCount = 0
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(state: State) { self.state = state }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            switch opened {
            case .none:
                state.out.append(0x7B)
                opened = .object(membersFrom: state.members.count, bodyStart: state.out.count)
            case .object: break
            case .array, .single: state.unsupported = true
            }
            return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            switch opened {
            case .none:
                state.out.append(0x5B)
                opened = .array
            case .array: break
            case .object, .single: state.unsupported = true
            }
            return UnkeyedContainer(encoder: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            if case .none = opened { opened = .single } else { state.unsupported = true }
            return SingleContainer(encoder: self)
        }

        /// Ends the value: sorts and closes an object, closes an array.
        func finish() {
            switch opened {
            case .object(let base, let bodyStart): state.closeObject(membersFrom: base, bodyStart: bodyStart)
            case .array: state.out.append(0x5D)
            case .single: break
            case .none: state.unsupported = true  // Foundation writes `{}` for a value that encodes nothing
            }
        }

        /// Called by containers before each member or element.
        func nextIsFirst() -> Bool {
            elementCount += 1
            return elementCount == 1
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }
        private var state: State { encoder.state }

        mutating func encodeNil(forKey key: Key) throws {
            state.member(key.stringValue, first: encoder.nextIsFirst()) { state.writeNull() }
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            state.member(key.stringValue, first: encoder.nextIsFirst()) { state.write(value) }
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            state.member(key.stringValue, first: encoder.nextIsFirst()) { state.writeString(value) }
        }
        mutating func encode(_ value: Double, forKey key: Key) throws { state.unsupported = true }
        mutating func encode(_ value: Float, forKey key: Key) throws { state.unsupported = true }
        mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try state.member(key.stringValue, first: encoder.nextIsFirst()) { try state.encodeValue(value) }
        }

        private func integer<I: BinaryInteger>(_ value: I, _ key: Key) {
            state.member(key.stringValue, first: encoder.nextIsFirst()) { state.writeInteger(value) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            state.unsupported = true
            return ValueEncoder(state: state).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            state.unsupported = true
            return ValueEncoder(state: state).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            state.unsupported = true
            return ValueEncoder(state: state)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            state.unsupported = true
            return ValueEncoder(state: state)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.elementCount }
        private var state: State { encoder.state }

        private func element(_ body: () throws -> Void) rethrows {
            if !encoder.nextIsFirst() { state.out.append(0x2C) }
            try body()
        }

        mutating func encodeNil() throws { element { state.writeNull() } }
        mutating func encode(_ value: Bool) throws { element { state.write(value) } }
        mutating func encode(_ value: String) throws { element { state.writeString(value) } }
        mutating func encode(_ value: Double) throws { state.unsupported = true }
        mutating func encode(_ value: Float) throws { state.unsupported = true }
        mutating func encode(_ value: Int) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: Int8) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: Int16) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: Int32) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: Int64) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: UInt) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: UInt8) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: UInt16) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: UInt32) throws { element { state.writeInteger(value) } }
        mutating func encode(_ value: UInt64) throws { element { state.writeInteger(value) } }
        mutating func encode<T: Encodable>(_ value: T) throws { try element { try state.encodeValue(value) } }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            state.unsupported = true
            return ValueEncoder(state: state).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            state.unsupported = true
            return ValueEncoder(state: state).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            state.unsupported = true
            return ValueEncoder(state: state)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }
        private var state: State { encoder.state }

        /// A single-value container holds one value.
        private func once(_ body: () throws -> Void) rethrows {
            if !encoder.nextIsFirst() { state.unsupported = true }
            try body()
        }

        mutating func encodeNil() throws { once { state.writeNull() } }
        mutating func encode(_ value: Bool) throws { once { state.write(value) } }
        mutating func encode(_ value: String) throws { once { state.writeString(value) } }
        mutating func encode(_ value: Double) throws { state.unsupported = true }
        mutating func encode(_ value: Float) throws { state.unsupported = true }
        mutating func encode(_ value: Int) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: Int8) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: Int16) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: Int32) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: Int64) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: UInt) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: UInt8) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: UInt16) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: UInt32) throws { once { state.writeInteger(value) } }
        mutating func encode(_ value: UInt64) throws { once { state.writeInteger(value) } }
        mutating func encode<T: Encodable>(_ value: T) throws { try once { try state.encodeValue(value) } }
    }
}
