/// Folding of Latin letters to lowercase ASCII for slugs and sort keys: "é" → "e",
/// "ß" → "ss", "Æ" → "ae", "Ł" → "l", "ệ" → "e". Written without Foundation, which would
/// otherwise be the only reason to import it here.
enum LatinFolding {
    /// The lowercase ASCII spelling of a Latin letter or ASCII digit; nil for anything else,
    /// including Latin letters with no ASCII reading (those are kept as they are).
    static func fold(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x61...0x7A:
            return String(scalar)
        case 0x41...0x5A:
            return String(Character(Unicode.Scalar(UInt8(value + 0x20))))
        case 0xC0...0x24F:
            return nonEmpty(latinSupplementAndExtended, Int(value - 0xC0))
        case 0x1E00...0x1EFF:
            return nonEmpty(latinExtendedAdditional, Int(value - 0x1E00))
        default:
            return nil
        }
    }

    /// Marks that combine with the letter before them (an accent typed as a separate
    /// character, as in decomposed "e\u{301}").
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lowercase text with Latin letters folded and their separate accents dropped,
    /// for ordering names as readers expect ("Åland Islands" among the A's).
    static func sortKey(_ text: String) -> String {
        var key = ""
        var afterLatinLetter = false
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) {
                key += folded
                afterLatinLetter = true
            } else if afterLatinLetter && isCombiningMark(scalar) {
                continue
            } else {
                key += scalar.properties.lowercaseMapping
                afterLatinLetter = false
            }
        }
        return key
    }

    private static func nonEmpty(_ table: [String], _ index: Int) -> String? {
        guard table.indices.contains(index), !table[index].isEmpty else { return nil }
        return table[index]
    }

    /// U+00C0…U+024F (Latin-1 Supplement letters, Latin Extended-A and -B), one entry per
    /// code point, empty for non-letters (×, ÷) and letters without an ASCII reading.
    /// Derived from the Unicode compatibility decomposition (NFKD) with the combining marks
    /// removed, plus hand-chosen readings for letters that do not decompose (ß, æ, ø, ł, đ, þ…).
    private static let latinSupplementAndExtended = table("""
        a,a,a,a,a,a,ae,c,e,e,e,e,i,i,i,i,d,n,o,o,o,o,o,,o,u,u,u,u,y,th,ss,a,a,a,a,a,a,ae,c,e,e,
        e,e,i,i,i,i,d,n,o,o,o,o,o,,o,u,u,u,u,y,th,y,a,a,a,a,a,a,c,c,c,c,c,c,c,c,d,d,d,d,e,e,e,e,
        e,e,e,e,e,e,g,g,g,g,g,g,g,g,h,h,h,h,i,i,i,i,i,i,i,i,i,i,ij,ij,j,j,k,k,k,l,l,l,l,l,l,l,l,
        l,l,n,n,n,n,n,n,n,n,n,o,o,o,o,o,o,oe,oe,r,r,r,r,r,r,s,s,s,s,s,s,s,s,t,t,t,t,t,t,u,u,u,u,
        u,u,u,u,u,u,u,u,w,w,y,y,y,z,z,z,z,z,z,s,b,b,b,b,,,o,c,c,d,d,d,d,,e,e,e,f,f,g,g,hv,i,i,k,
        k,l,,,n,n,o,o,o,oi,oi,p,p,r,,,s,,t,t,t,t,u,u,u,v,y,y,z,z,z,z,z,,,,,,,,,,,dz,dz,dz,lj,lj,
        lj,nj,nj,nj,a,a,i,i,o,o,u,u,u,u,u,u,u,u,u,u,e,a,a,a,a,ae,ae,g,g,g,g,k,k,o,o,o,o,,,j,dz,
        dz,dz,g,g,hv,,n,n,a,a,ae,ae,o,o,a,a,a,a,e,e,e,e,i,i,i,i,o,o,o,o,r,r,r,r,u,u,u,u,s,s,t,t,
        y,y,h,h,n,d,ou,ou,z,z,a,a,e,e,o,o,o,o,o,o,o,o,y,y,l,n,t,j,,,a,c,c,l,t,s,z,,,b,u,,e,e,j,
        j,q,q,r,r,y,y
        """)

    /// U+1E00…U+1EFF (Latin Extended Additional: Vietnamese, Welsh and other accented letters).
    private static let latinExtendedAdditional = table("""
        a,a,b,b,b,b,b,b,c,c,d,d,d,d,d,d,d,d,d,d,e,e,e,e,e,e,e,e,e,e,f,f,g,g,h,h,h,h,h,h,h,h,h,h,
        i,i,i,i,k,k,k,k,k,k,l,l,l,l,l,l,l,l,m,m,m,m,m,m,n,n,n,n,n,n,n,n,o,o,o,o,o,o,o,o,p,p,p,p,
        r,r,r,r,r,r,r,r,s,s,s,s,s,s,s,s,s,s,t,t,t,t,t,t,t,t,u,u,u,u,u,u,u,u,u,u,v,v,v,v,w,w,w,w,
        w,w,w,w,w,w,x,x,x,x,y,y,z,z,z,z,z,z,h,t,w,y,a,s,,,ss,,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,
        a,a,a,a,a,a,a,e,e,e,e,e,e,e,e,e,e,e,e,e,e,e,e,i,i,i,i,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,
        o,o,o,o,o,o,o,u,u,u,u,u,u,u,u,u,u,u,u,u,u,y,y,y,y,y,y,y,y,,,,,,
        """)

    private static func table(_ text: String) -> [String] {
        text.filter { !$0.isWhitespace }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
