import Foundation
import Testing
@testable import FazhiKit

/// ``HTMLParse`` builds the tree from libxml2's SAX events; libxml2's own tree builder, copied by
/// ``HTMLDocument/tree()``, is the reference it must match node for node, diagnostics included, with
/// two differences on purpose: a prefixed element name keeps its prefix (`<o:p>` stays `o:p`, where
/// libxml2's builder makes it a `p`), and what only the builder reports (duplicate ids, undeclared
/// prefixes: libxml2's "valid" and "namespace" domains) is not reported.
@Suite struct HTMLParseTests {
    /// Every field of every node, one line per node, so a mismatch names the node. `unprefixed`
    /// writes an element named `o:p` as libxml2's builder does (`p`, and its tag code).
    static func lines(_ tree: HTMLTree, unprefixed: Bool = false) -> [String] {
        tree.nodes.enumerated().map { i, n in
            var (name, tag) = (tree.name(of: i), n.tag)
            if unprefixed, n.kind == .element, let colon = name.lastIndex(of: ":") {
                name = String(name[name.index(after: colon)...])
                tag = HTMLTag.allCases.first { "\($0)" == name } ?? .other
            }
            let attributes = tree.attributes(of: i).map { "\($0.name)=\($0.value.debugDescription)" }.joined(separator: " ")
            return "\(i) \(n.kind) \(name) \(tag) p\(n.parent) c\(n.firstChild) n\(n.nextSibling) d\(n.depth) [\(attributes)] \(tree.text(of: i).debugDescription)"
        }
    }

    /// libxml2's error domains only its tree builder reports (namespace 3, valid 23).
    static let builderDomains: Set<String> = ["3", "23"]

    static func expectSameTree(_ bytes: [UInt8], _ label: String) {
        let reference: (tree: HTMLTree, diagnostics: [ParseDiagnostic])?
        do {
            let document = try HTMLDocument(utf8: bytes)
            reference = (document.tree(), document.diagnostics)
        } catch { reference = nil }
        let parsed = try? HTMLParse(utf8: bytes)
        #expect((reference == nil) == (parsed == nil), "\(label): one parser failed, the other did not")
        guard let reference, let parsed else { return }
        let (want, got) = (lines(reference.tree), lines(parsed.tree, unprefixed: true))
        if want != got, ProcessInfo.processInfo.environment["FAZHI_DUMP"] != nil {
            print("== \(label)\n-- libxml2 tree\n" + want.joined(separator: "\n") + "\n-- SAX tree\n" + got.joined(separator: "\n"))
        }
        if let first = want.indices.first(where: { $0 < got.count && want[$0] != got[$0] }) {
            Issue.record("\(label): node \(first) differs:\n libxml2 tree: \(want[first])\n SAX tree:     \(got[first])")
        }
        #expect(want.count == got.count, "\(label): \(want.count) nodes in libxml2's tree, \(got.count) built from SAX")
        // At most 200 are kept, so where libxml2's builder added its own the reference may stop earlier.
        let parserDiagnostics = reference.diagnostics.filter { !builderDomains.contains($0.domain) }
        if reference.diagnostics.count < 200 {
            #expect(parserDiagnostics == parsed.diagnostics, "\(label): diagnostics differ")
        } else {
            #expect(parsed.diagnostics.starts(with: parserDiagnostics), "\(label): diagnostics differ (\(parserDiagnostics.count) of 200)")
        }
    }

    @Test(arguments: CorpusPage.all)
    func corpusPageTreesMatch(page: CorpusPage) throws {
        let decoded = try Ingest.read(path: page.path)
        Self.expectSameTree(decoded.utf8, page.name)
    }

    /// The places where a tree builder could part from libxml2's: text libxml2 drops or merges,
    /// script content, misplaced structure, comments outside `<html>`, broken and empty input.
    static let edgeCases: [String] = [
        "",
        "   \n ",
        "纯文本，没有标记",
        "<html><body><p>a</p></body></html>尾部文字<!--尾注-->",
        "<!-- 开头注释 --><!DOCTYPE html><html><head><title>t</title></head><body>x</body></html><!--end-->",
        "<p>一<?php echo 1 ?>二</p>",
        "<!DOCTYPE html><html><body>a</body></html><p>后</p><div>再后</div>",
        "<html><body>a</body></html><p>后</p><div>再<b>后</b></div>文字",
        "<!--头--><html><body>a</body></html><p>后</p>",
        "<html><body><p>甲</p></body></html><!--c--><p>乙</p><!--d--><div>丙<b>丁</b></div>",
        "<p>甲</p><!DOCTYPE html><p>乙</p>丙<!DOCTYPE x>丁",
        "<p class=MsoNormal>一、<o:p>总则</o:p>继续<st1:chsdate Year=2021>2021年</st1:chsdate></p><v:shape o:title=\"题\"></v:shape>",
        "<p>甲&amp;乙&lt;丙&#x4E01;&nbsp;戊&unknown;己</p>",
        "<script>var a = '<p>x</p>';</script><style>p{}</style><p>正文</p>",
        "<html lang=zh><body class=a><html id=b><body id=c><head><p>正文</p></body></body></html>",
        "<table><tr><td>格</td>散落文字<tr><td>二</table>",
        "<div hidden>隐</div><div aria-hidden=true>藏</div><input checked><a href=\"x?a=1&b=2\">链</a>",
        "<p>未闭合<div>块<span>行内<b>粗",
        "<p>a</span></p><tr></body></html>",
        "<title>标题</title>无body的文字<p>段</p>",
        "<frameset><frame src=a.html></frameset><noframes>备用</noframes>",
        "<p>一</p>\n\n<p>二</p>  \n<!--c-->\n<p>三</p>",
        "<p><![CDATA[x]]>y</p>",
        "<p>a\u{0}b</p><p>c</p>",
        "<div>" + String(repeating: "<div>", count: 3_000) + "深" + String(repeating: "</div>", count: 3_000),
        "<p>" + String(repeating: "长文本", count: 2_000) + "</p>",
        "<<<>>><p =x>a</p><p \"q\">b</p></>",
    ]

    /// Word's `<o:p>` is an unknown inline element, as in a browser: the paragraph stays one line.
    @Test func prefixedElementsAreInline() throws {
        let tree = try HTMLParse(utf8: Array("<p class=MsoNormal>一、<o:p>总则</o:p>继续</p>".utf8)).tree
        #expect(BlockBuilder(tree: tree).blocks().map(\.text) == ["一、总则继续"])
        #expect(tree.nodes.indices.contains { tree.name(of: $0) == "o:p" && tree.nodes[$0].tag == .other })
    }

    @Test(arguments: edgeCases.indices)
    func edgeCaseTreesMatch(index: Int) {
        Self.expectSameTree(Array(Self.edgeCases[index].utf8), "edge case \(index)")
    }

    /// Corpus pages cut at many points and with bytes spliced in: libxml2's recovery paths.
    @Test func damagedPageTreesMatch() throws {
        var generator = SplitMix(seed: 0x5EED)
        for page in CorpusPage.all {
            let bytes = try Ingest.read(path: page.path).utf8
            for round in 0..<8 {
                var damaged = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
                let junk = ["<", "</div>", "<p", "&", "<!--", "<td>", "\"", "<script>", "</html>", "<html>", "<body x=1>",
                            "<!DOCTYPE html>", "<?x?>", "<![CDATA[", "</body>文字", "<o:p>"].map { Array($0.utf8) }
                for _ in 0..<4 where !damaged.isEmpty {
                    let at = Int(generator.next() % UInt64(damaged.count))
                    damaged.insert(contentsOf: junk[Int(generator.next() % UInt64(junk.count))], at: at)
                }
                Self.expectSameTree(damaged, "\(page.name) damaged \(round)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so the damaged pages are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
