// Names that real outage tables use for countries, beyond the names in `Country` (the common
// name, or the ISO name when iso-codes has no common name, and the official name).
//
// Matching is insensitive to case, diacritics, punctuation, spacing and the words "the",
// "and" and "of"; "Dem.", "Rep.", "Fed.", "Sts." and "St." read as "Democratic", "Republic",
// "Federated", "States" and "Saint"; "X, Y" and "X (Y)" are also read as "Y X". So
// "Congo, Dem. Rep." needs no entry here, but is listed anyway where a source spells it that
// way, so that the list documents what is known to work. Each spelling is matched as a
// whole: "Congo" alone is the Republic of the Congo (CG), as in ISO 3166-1.
//
// Where the spellings come from: ISO 3166-1 names that iso-codes replaces with a common name
// (Debian iso-codes 4.15.0, field `name`) and former ISO names; the World Bank's country
// names (e.g. "Egypt, Arab Rep.", "Venezuela, RB"); UN M49 names (e.g. "Bolivia
// (Plurinational State of)", "China, Hong Kong Special Administrative Region"); CIA World
// Factbook short forms ("Congo (Kinshasa)"); and the everyday English names that outage
// reports and news use ("DR Congo", "Ivory Coast", "Burma", "UAE"). Written by hand.

extension CountryMatcher {
    /// Names not derivable from `Country`, by alpha-2 code. Every code must exist in ISO 3166-1
    /// (a test checks it).
    static let aliases: [(name: String, alpha2: String)] = [
        // ISO 3166-1 names that iso-codes shows under a common name.
        ("Bolivia, Plurinational State of", "BO"),
        ("Iran, Islamic Republic of", "IR"),
        ("Korea, Republic of", "KR"),
        ("Lao People's Democratic Republic", "LA"),
        ("Moldova, Republic of", "MD"),
        ("Korea, Democratic People's Republic of", "KP"),
        ("Syrian Arab Republic", "SY"),
        ("Taiwan, Province of China", "TW"),
        ("Tanzania, United Republic of", "TZ"),
        ("Venezuela, Bolivarian Republic of", "VE"),
        ("Viet Nam", "VN"),
        // Former ISO 3166-1 names still found in older tables.
        ("Macedonia, the former Yugoslav Republic of", "MK"),
        ("The former Yugoslav Republic of Macedonia", "MK"),
        ("Palestinian Territory, Occupied", "PS"),
        ("Libyan Arab Jamahiriya", "LY"),
        ("Swaziland", "SZ"),
        ("Cape Verde", "CV"),
        ("Turkey", "TR"),
        ("Czech Republic", "CZ"),
        ("Holland", "NL"),

        // Democratic Republic of the Congo / Republic of the Congo.
        ("Democratic Republic of the Congo", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("DR Congo", "CD"),
        ("D.R. Congo", "CD"),
        ("DRC", "CD"),
        ("RDC", "CD"),
        ("Congo, Dem. Rep.", "CD"),
        ("Congo, DR", "CD"),
        ("Congo DRC", "CD"),
        ("Congo (DRC)", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("Congo (Kinshasa)", "CD"),
        ("Republic of the Congo", "CG"),
        ("Republic of Congo", "CG"),
        ("Congo Republic", "CG"),
        ("Congo, Rep.", "CG"),
        ("Congo-Brazzaville", "CG"),
        ("Congo (Brazzaville)", "CG"),

        // Korea.
        ("North Korea", "KP"),
        ("Korea, North", "KP"),
        ("Korea, Dem. People's Rep.", "KP"),
        ("Korea, Dem. Rep.", "KP"),
        ("Democratic People's Republic of Korea", "KP"),
        ("DPRK", "KP"),
        ("DPR Korea", "KP"),
        ("Korea DPR", "KP"),
        ("South Korea", "KR"),
        ("Korea, South", "KR"),
        ("Korea, Rep.", "KR"),
        ("Republic of Korea", "KR"),
        ("ROK", "KR"),

        // Middle East and North Africa.
        ("Iran", "IR"),
        ("Iran, Islamic Rep.", "IR"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Syria", "SY"),
        ("Egypt, Arab Rep.", "EG"),
        ("Yemen, Rep.", "YE"),
        ("Palestine", "PS"),
        ("State of Palestine", "PS"),
        ("Palestinian Territories", "PS"),
        ("Palestinian Territory", "PS"),
        ("Occupied Palestinian Territory", "PS"),
        ("West Bank and Gaza", "PS"),
        ("West Bank", "PS"),
        ("Gaza", "PS"),
        ("Gaza Strip", "PS"),
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        ("Türkiye", "TR"),
        ("Libya", "LY"),

        // Africa.
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Gambia, The", "GM"),
        ("The Gambia", "GM"),
        ("Cabo Verde", "CV"),
        ("Eswatini", "SZ"),
        ("Kingdom of Eswatini", "SZ"),
        ("Tanzania", "TZ"),
        ("United Republic of Tanzania", "TZ"),
        ("Central African Rep.", "CF"),
        ("Sao Tome and Principe", "ST"),
        ("Guinea Bissau", "GW"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
        ("Ethiopia", "ET"),
        ("Eritrea", "ER"),

        // Asia and the Pacific.
        ("Myanmar (Burma)", "MM"),
        ("Burma", "MM"),
        ("Laos", "LA"),
        ("Lao PDR", "LA"),
        ("Lao", "LA"),
        ("Vietnam", "VN"),
        ("Brunei", "BN"),
        ("Cambodia", "KH"),
        ("Timor-Leste", "TL"),
        ("East Timor", "TL"),
        ("Hong Kong SAR, China", "HK"),
        ("Hong Kong SAR", "HK"),
        ("Hong Kong, China", "HK"),
        ("China, Hong Kong Special Administrative Region", "HK"),
        ("China, Hong Kong SAR", "HK"),
        ("Macao SAR, China", "MO"),
        ("Macao SAR", "MO"),
        ("Macau", "MO"),
        ("Macau SAR", "MO"),
        ("China, Macao Special Administrative Region", "MO"),
        ("China, Macao SAR", "MO"),
        ("Taiwan", "TW"),
        ("Micronesia, Fed. Sts.", "FM"),
        ("Micronesia", "FM"),
        ("Kyrgyz Republic", "KG"),

        // Europe and Central Asia.
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Czechia", "CZ"),
        ("Slovak Republic", "SK"),
        ("Moldova", "MD"),
        ("Republic of Moldova", "MD"),
        ("North Macedonia", "MK"),
        ("Macedonia", "MK"),
        ("Macedonia, FYR", "MK"),
        ("FYROM", "MK"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("Britain", "GB"),
        ("Vatican", "VA"),
        ("Vatican City", "VA"),
        ("Netherlands (Kingdom of the)", "NL"),

        // The Americas.
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("Venezuela, RB", "VE"),
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("Bolivia", "BO"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("Bahamas, The", "BS"),
        ("Virgin Islands (U.S.)", "VI"),
        ("US Virgin Islands", "VI"),
        ("British Virgin Islands", "VG"),
        ("St. Kitts and Nevis", "KN"),
        ("St. Lucia", "LC"),
        ("St. Vincent and the Grenadines", "VC"),
        ("St. Martin (French part)", "MF"),
        ("Curacao", "CW"),
        ("Falkland Islands", "FK"),
        ("Saint Helena", "SH"),
    ]

    /// Places that tables list as countries but that ISO 3166-1 does not: they match nothing
    /// and get no suggestion, so that no warning proposes a country for them. Kosovo's "XK"
    /// is a user-assigned code, not part of ISO 3166-1; Somaliland, Abkhazia, South Ossetia,
    /// Transnistria and Northern Cyprus lie inside ISO entries, and choosing one is the
    /// author's decision (map the cell first), not a matcher's guess.
    static let unrecognised: [String] = [
        "Kosovo", "Republic of Kosovo", "Somaliland", "Republic of Somaliland", "Abkhazia", "South Ossetia",
        "Transnistria", "Northern Cyprus", "Turkish Republic of Northern Cyprus", "Artsakh", "Nagorno-Karabakh",
    ]
}
