#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The bytes of a NUL-terminated C string (libxml2's names, values and contents), not copied;
    /// empty for nil.
    init(cString: UnsafePointer<UInt8>?) {
        guard let cString else { self.init(start: nil, count: 0); return }
        self.init(start: cString, count: strlen(cString))
    }
}
