package compare

// The Double Metaphone rules for the letters whose sound depends most on the language a
// name comes from. Each rule is commented with the names that motivate it, as in
// Philips's description.

// germanic reports whether the word starts like a Dutch or German name ("Van ", "Von ",
// "Sch"), where CH, G and TH keep their hard sound.
func (m *metaphone) germanic() bool {
	return m.is(0, "VAN ", "VON ", "SCH")
}

func (m *metaphone) c() {
	i := m.cur
	switch {
	// Germanic "-ach-" after a consonant ("bacher", "macher"), not "-achi-"/"-ache-"
	case i > 1 && !m.vowel(i-2) && m.is(i-1, "ACH") && m.at(i+2) != 'I' &&
		(m.at(i+2) != 'E' || m.is(i-2, "BACHER", "MACHER")):
		m.add1("K")
		m.cur += 2
	case i == 0 && m.is(i, "CAESAR"):
		m.add1("S")
		m.cur += 2
	case m.is(i, "CHIA"): // Italian "chianti"
		m.add1("K")
		m.cur += 2
	case m.is(i, "CH"):
		m.ch()
		m.cur += 2
	case m.is(i, "CZ") && !m.is(i-2, "WICZ"): // "czerny"
		m.add("S", "X")
		m.cur += 2
	case m.is(i+1, "CIA"): // "focaccia"
		m.add1("X")
		m.cur += 3
	case m.is(i, "CC") && !(i == 1 && m.at(0) == 'M'): // not "McClellan"
		if m.is(i+2, "I", "E", "H") && !m.is(i+2, "HU") { // "bellocchio", not "bacchus"
			if (i == 1 && m.at(i-1) == 'A') || m.is(i-1, "UCCEE", "UCCES") { // "accident", "succeed"
				m.add1("KS")
			} else { // "bacci", "bertucci"
				m.add1("X")
			}
			m.cur += 3
		} else {
			m.add1("K")
			m.cur += 2
		}
	case m.is(i, "CK", "CG", "CQ"):
		m.add1("K")
		m.cur += 2
	case m.is(i, "CI", "CE", "CY"):
		if m.is(i, "CIO", "CIE", "CIA") { // Italian against English
			m.add("S", "X")
		} else {
			m.add1("S")
		}
		m.cur += 2
	default:
		m.add1("K")
		switch {
		case m.is(i+1, " C", " Q", " G"): // "Mac Caffrey", "Mac Gregor"
			m.cur += 3
		case m.is(i+1, "C", "K", "Q") && !m.is(i+1, "CE", "CI"):
			m.cur += 2
		default:
			m.cur++
		}
	}
}

// ch codes "CH" at the current position.
func (m *metaphone) ch() {
	i := m.cur
	switch {
	case i > 0 && m.is(i, "CHAE"): // "Michael"
		m.add("K", "X")
	case i == 0 && (m.is(i+1, "HARAC", "HARIS") || m.is(i+1, "HOR", "HYM", "HIA", "HEM")) && !m.is(0, "CHORE"):
		m.add1("K") // Greek roots: "chemistry", "chorus"
	case m.germanic() || m.is(i-2, "ORCHES", "ARCHIT", "ORCHID") || m.is(i+2, "T", "S") ||
		((m.is(i-1, "A", "O", "U", "E") || i == 0) && m.is(i+2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")):
		m.add1("K") // "wachtler", "wechsler", "orchestra", but not "tichner"
	case i > 0 && m.is(0, "MC"): // "McHugh"
		m.add1("K")
	case i > 0:
		m.add("X", "K")
	default:
		m.add1("X")
	}
}

func (m *metaphone) d() {
	switch i := m.cur; {
	case m.is(i, "DG"):
		if m.is(i+2, "I", "E", "Y") { // "edge"
			m.add1("J")
			m.cur += 3
		} else { // "edgar"
			m.add1("TK")
			m.cur += 2
		}
	case m.is(i, "DT", "DD"):
		m.add1("T")
		m.cur += 2
	default:
		m.add1("T")
		m.cur++
	}
}

func (m *metaphone) g() {
	i := m.cur
	switch {
	case m.at(i+1) == 'H':
		m.gh()
		m.cur += 2
	case m.at(i+1) == 'N':
		switch {
		case i == 1 && m.vowel(0) && !m.slavoGermanic:
			m.add("KN", "N")
		case !m.is(i+2, "EY") && m.at(i+1) != 'Y' && !m.slavoGermanic: // not "cagney"
			m.add("N", "KN")
		default:
			m.add1("KN")
		}
		m.cur += 2
	case m.is(i+1, "LI") && !m.slavoGermanic: // "tagliaro"
		m.add("KL", "L")
		m.cur += 2
	case i == 0 && (m.at(i+1) == 'Y' || m.is(i+1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")):
		m.add("K", "J") // -ges-, -gep-, -gel-, -gie- at the start
		m.cur += 2
	case (m.is(i+1, "ER") || m.at(i+1) == 'Y') && !m.is(0, "DANGER", "RANGER", "MANGER") &&
		!m.is(i-1, "E", "I") && !m.is(i-1, "RGY", "OGY"):
		m.add("K", "J") // -ger-, -gy-
		m.cur += 2
	case m.is(i+1, "E", "I", "Y") || m.is(i-1, "AGGI", "OGGI"): // Italian "biaggi"
		switch {
		case m.germanic() || m.is(i+1, "ET"):
			m.add1("K")
		case m.is(i+1, "IER "): // always soft in a French ending
			m.add1("J")
		default:
			m.add("J", "K")
		}
		m.cur += 2
	default:
		m.add1("K")
		m.skip('G')
	}
}

// gh codes "GH" at the current position; the caller moves past it.
func (m *metaphone) gh() {
	i := m.cur
	switch {
	case i > 0 && !m.vowel(i-1):
		m.add1("K")
	case i == 0: // "ghislane", "ghiradelli"
		if m.at(i+2) == 'I' {
			m.add1("J")
		} else {
			m.add1("K")
		}
	// Parker's rule: silent in "hugh", "bough", "broughton"
	case (i > 1 && m.is(i-2, "B", "H", "D")) || (i > 2 && m.is(i-3, "B", "H", "D")) || (i > 3 && m.is(i-4, "B", "H")):
	case i > 2 && m.at(i-1) == 'U' && m.is(i-3, "C", "G", "L", "R", "T"): // "laugh", "tough"
		m.add1("F")
	case m.at(i-1) != 'I':
		m.add1("K")
	}
}

func (m *metaphone) j() {
	i := m.cur
	if m.is(i, "JOSE") || m.is(0, "SAN ") { // Spanish "Jose", "San Jacinto"
		if (i == 0 && m.at(i+4) == ' ') || m.is(0, "SAN ") {
			m.add1("H")
		} else {
			m.add("J", "H")
		}
		m.cur++
		return
	}
	switch {
	case i == 0:
		m.add("J", "A") // "Yankelovich" against "Jankelowicz"
	case m.vowel(i-1) && !m.slavoGermanic && (m.at(i+1) == 'A' || m.at(i+1) == 'O'):
		m.add("J", "H") // Spanish "bajador"
	case i == m.last:
		m.add("J", "")
	case !m.is(i+1, "L", "T", "K", "S", "N", "M", "B", "Z") && !m.is(i-1, "S", "K", "L"):
		m.add1("J")
	}
	m.skip('J')
}

func (m *metaphone) l() {
	i := m.cur
	if m.at(i+1) != 'L' {
		m.add1("L")
		m.cur++
		return
	}
	// Spanish "cabrillo", "gallegos": the alternate drops the LL
	if (i == m.length-3 && m.is(i-1, "ILLO", "ILLA", "ALLE")) ||
		((m.is(m.last-1, "AS", "OS") || m.is(m.last, "A", "O")) && m.is(i-1, "ALLE")) {
		m.add("L", "")
	} else {
		m.add1("L")
	}
	m.cur += 2
}

func (m *metaphone) s() {
	i := m.cur
	switch {
	case m.is(i-1, "ISL", "YSL"): // "island", "carlisle"
		m.cur++
	case i == 0 && m.is(i, "SUGAR"):
		m.add("X", "S")
		m.cur++
	case m.is(i, "SH"):
		if m.is(i+1, "HEIM", "HOEK", "HOLM", "HOLZ") { // Germanic
			m.add1("S")
		} else {
			m.add1("X")
		}
		m.cur += 2
	case m.is(i, "SIO", "SIA") || m.is(i, "SIAN"): // Italian, Armenian
		if m.slavoGermanic {
			m.add1("S")
		} else {
			m.add("S", "X")
		}
		m.cur += 3
	// German and anglicised: "smith" meets "schmidt", "snider" "schneider"; Slavic -sz-
	case (i == 0 && m.is(i+1, "M", "N", "L", "W")) || m.is(i+1, "Z"):
		m.add("S", "X")
		m.skip('Z')
	case m.is(i, "SC"):
		m.sc()
	default:
		if i == m.last && m.is(i-2, "AI", "OI") { // French "resnais", "artois"
			m.add("", "S")
		} else {
			m.add1("S")
		}
		m.advance(m.is(i+1, "S", "Z"))
	}
}

// sc codes "SC" at the current position (Schlesinger's rule).
func (m *metaphone) sc() {
	i := m.cur
	switch {
	case m.at(i+2) == 'H' && m.is(i+3, "OO", "ER", "EN", "UY", "ED", "EM"):
		if m.is(i+3, "ER", "EN") { // "schermerhorn", "schenker"
			m.add("X", "SK")
		} else { // Dutch "school", "schooner"
			m.add1("SK")
		}
	case m.at(i+2) == 'H':
		if i == 0 && !m.vowel(3) && m.at(3) != 'W' {
			m.add("X", "S")
		} else {
			m.add1("X")
		}
	case m.is(i+2, "I", "E", "Y"):
		m.add1("S")
	default:
		m.add1("SK")
	}
	m.cur += 3
}

func (m *metaphone) t() {
	i := m.cur
	switch {
	case m.is(i, "TION"):
		m.add1("X")
		m.cur += 3
	case m.is(i, "TIA", "TCH"):
		m.add1("X")
		m.cur += 3
	case m.is(i, "TH") || m.is(i, "TTH"):
		if m.is(i+2, "OM", "AM") || m.germanic() { // "thomas", "thames"
			m.add1("T")
		} else {
			m.add("0", "T")
		}
		m.cur += 2
	default:
		m.add1("T")
		m.advance(m.is(i+1, "T", "D"))
	}
}

// wRule codes W (named so as not to shadow the word field).
func (m *metaphone) wRule() {
	i := m.cur
	if m.is(i, "WR") {
		m.add1("R")
		m.cur += 2
		return
	}
	if i == 0 && (m.vowel(i+1) || m.is(i, "WH")) {
		if m.vowel(i + 1) { // "Wasserman" meets "Vasserman"
			m.add("A", "F")
		} else { // "Uomo" meets "Womo"
			m.add1("A")
		}
	}
	switch {
	// "Arnow" meets "Arnoff"; Polish "-ewski"
	case (i == m.last && m.vowel(i-1)) || m.is(i-1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || m.is(0, "SCH"):
		m.add("", "F")
		m.cur++
	case m.is(i, "WICZ", "WITZ"): // Polish "filipowicz"
		m.add("TS", "FX")
		m.cur += 4
	default:
		m.cur++
	}
}

func (m *metaphone) z() {
	i := m.cur
	if m.at(i+1) == 'H' { // pinyin "zhao"
		m.add1("J")
		m.cur += 2
		return
	}
	if m.is(i+1, "ZO", "ZI", "ZA") || (m.slavoGermanic && i > 0 && m.at(i-1) != 'T') {
		m.add("S", "TS")
	} else {
		m.add1("S")
	}
	m.skip('Z')
}
