/// Remembers what a name looked up to, by the address of its bytes. libxml2's HTML parser hands out
/// element and attribute names from its dictionary (or as string literals), one address per
/// distinct name for the whole parse, so a page's few dozen names are packed and searched once
/// each instead of once per element. Direct-mapped: a collision only costs a fresh lookup.
struct InternedNameCache<Value> {
    private var keys = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var values: [Value?] = Array(repeating: nil, count: 64)

    /// The value for `name`, from the cache or from `lookup` (then remembered).
    mutating func value(for name: UnsafePointer<UInt8>, _ lookup: (UnsafePointer<UInt8>) -> Value) -> Value {
        let key = UnsafeRawPointer(name)
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 3) & 63
        if keys[slot] == key, let value = values[slot] { return value }
        let value = lookup(name)
        keys[slot] = key
        values[slot] = value
        return value
    }
}
