/// An ASCII name of up to 16 bytes, lower-cased and packed into one integer, so the HTML layer can
/// recognise element and attribute names straight from libxml2's C strings without making a
/// Swift string for each.
struct PackedName: Comparable, Hashable, Sendable {
    let value: UInt128

    /// Packs `name` (lower-cased); nil when it is longer than 16 bytes or not ASCII.
    init?(_ name: UnsafeBufferPointer<UInt8>) {
        guard name.count <= 16 else { return nil }
        var v: UInt128 = 0
        for (i, c) in name.enumerated() {
            guard c < 0x80 else { return nil }
            v |= UInt128((c >= 0x41 && c <= 0x5A) ? c + 0x20 : c) << (8 * i)
        }
        value = v
    }

    /// Packs a NUL-terminated name (libxml2's).
    init?(_ name: UnsafePointer<UInt8>) {
        self.init(UnsafeBufferPointer(cString: name))
    }

    init?(_ name: String) {
        var copy = name
        guard let packed = copy.withUTF8({ PackedName($0) }) else { return nil }
        self = packed
    }

    static func < (a: PackedName, b: PackedName) -> Bool { a.value < b.value }

    /// A sorted table from packed names to values, searched by bisection.
    struct Table<Value: Sendable>: Sendable {
        private let keys: [PackedName]
        private let values: [Value]

        init(_ entries: [(String, Value)]) {
            let sorted = entries.map { (PackedName($0.0)!, $0.1) }.sorted { $0.0 < $1.0 }
            keys = sorted.map(\.0)
            values = sorted.map(\.1)
        }

        func lookup(_ name: UnsafePointer<UInt8>) -> Value? {
            guard let key = PackedName(name) else { return nil }
            var lo = 0
            var hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < keys.count && keys[lo] == key ? values[lo] : nil
        }
    }
}
