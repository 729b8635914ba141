/// Recognises files that are not web pages by their magic bytes.
enum BinarySniffer {
    /// A human name for the binary kind of `bytes` ("PDF document", …), or nil for text.
    static func kind(of bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        if starts(Array("%PDF".utf8)) { return "PDF document" }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "Microsoft Office document (DOC/XLS/WPS)" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
            if head.contains("word/") { return "Word document (DOCX)" }
            if head.contains("xl/") { return "Excel workbook (XLSX)" }
            if head.contains("OFD.xml") { return "OFD document" }
            return "ZIP archive"
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "JPEG image" }
        if starts(Array("GIF8".utf8)) { return "GIF image" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "WebP image" }
        if starts(Array("Rar!".utf8)) { return "RAR archive" }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return "7-Zip archive" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "executable (ELF)" }
        if starts(Array("{\\rtf".utf8)) { return "RTF document" }
        // Anything else with control bytes near the start is binary data: text pages have none
        // (a few stray NULs are tolerated and removed later).
        let head = bytes.prefix(4096)
        let control = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }.count
        guard head.count >= 16, control >= 4, control * 50 > head.count else { return nil }
        // Markup near the start makes it a page with stray control bytes (they are removed later).
        let lower = head.map(CharsetLabel.asciiLower).filter { $0 != 0 }
        for tag in ["<html", "<body", "<head", "<p>", "<p ", "<div", "<meta", "<title", "<!doctype", "<table", "<br"]
        where CharsetLabel.find(Array(tag.utf8), in: lower, from: 0) != nil {
            return nil
        }
        return "binary file"
    }
}
