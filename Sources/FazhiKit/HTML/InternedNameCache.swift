/// Remembers what a name looked up to, by the address of its bytes. libxml2's HTML parser hands out
/// element and attribute names from its dictionary (or as string literals), one address per
/// distinct name for the whole parse, so a page's few dozen names are packed and searched once
/// each instead of once per element. Direct-mapped: a collision only costs a fresh lookup.
struct InternedNameCache<Value> {
    private var keys = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var values: [Value?] = Array(repeating: nil, count: 64)

    /// The value for `name`, from the cache or from `lookup` (then remembered).
    mutating func value(for name: UnsafePointer<UInt8>, _ lookup: (UnsafePointer<UInt8>) -> Value) -> Value {
        if let value = cached(name) { return value }
        let value = lookup(name)
        remember(value, for: name)
        return value
    }

    /// The value remembered for `name`, if any.
    func cached(_ name: UnsafePointer<UInt8>) -> Value? {
        let slot = Self.slot(name)
        return keys[slot] == UnsafeRawPointer(name) ? values[slot] : nil
    }

    /// Remembers `value` for `name` (replacing whatever shared its slot).
    mutating func remember(_ value: Value, for name: UnsafePointer<UInt8>) {
        let slot = Self.slot(name)
        keys[slot] = UnsafeRawPointer(name)
        values[slot] = value
    }

    private static func slot(_ name: UnsafePointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: UnsafeRawPointer(name)) >> 3) & 63
    }
}
