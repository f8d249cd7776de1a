package compare

import "testing"

// fullNamePair is two whole names and the level NameLevel should give them.
type fullNamePair struct {
	a, b string
	want Kind
}

// wantFullNames checks NameLevel on each pair of whole names.
func wantFullNames(t *testing.T, pairs []fullNamePair) {
	t.Helper()
	for _, c := range pairs {
		if got := NameLevel(Name{Full: c.a}, Name{Full: c.b}); got.Kind != c.want {
			t.Errorf("%s ~ %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestEuropeanNicknames: the pet forms continental European and Brazilian families use
// for a given name, which share no start with it, are the same name; the names of two
// members of a family are not, though a short form may serve either.
func TestEuropeanNicknames(t *testing.T) {
	wantFullNames(t, []fullNamePair{
		{"Pino Esposito", "Giuseppe Esposito", Nickname},
		{"Paco Jiménez Ruiz", "Francisco Jiménez Ruiz", Nickname},
		{"Concha Molina", "Concepción Molina", Nickname},
		{"Gosia Nowak", "Małgorzata Nowak", Nickname},
		{"Gosia Nowak", "Malgorzata Nowak", Nickname},
		{"Wojtek Mazur", "Wojciech Mazur", Nickname},
		{"Kees de Vries", "Cornelis de Vries", Nickname},
		{"Henk Mulder", "Hendrik Mulder", Nickname},
		{"Sepp Huber", "Josef Huber", Nickname},
		{"Totò Russo", "Salvatore Russo", Nickname},
		{"Toto Russo", "Antonio Russo", Nickname},
		{"Zé Oliveira", "José Oliveira", Nickname},
		{"Mimmo Ferri", "Domenico Ferri", Nickname},
		// Two people of one family: another name, not a nickname.
		{"Jan de Vries", "Johanna de Vries", Different},
		{"Hans Müller", "Johanna Müller", Different},
		{"Salvatore Russo", "Antonio Russo", Different},
		{"Pepe García", "Dolores García", Different},
		{"Kasia Nowak", "Tomasz Nowak", Different},
		{"Gabi Lange", "Wilhelm Lange", Different},
	})
}

// TestInitialsWrittenTogether: Dutch initials written as one word with full stops
// (H.J. Bakker) are initials of the given names, not a word of their own.
func TestInitialsWrittenTogether(t *testing.T) {
	wantFullNames(t, []fullNamePair{
		{"H.J. Bakker", "Hendrik Jan Bakker", Initials},
		{"H.J. Bakker", "Henk Bakker", Partial},
		{"M.Bakker", "Marieke Bakker", Initials},
		{"H.J. Bakker", "Anna Bakker", Different},
		{"C.J. de Wit", "Johanna de Wit", Different}, // J is her initial, but C comes first
		{"C.J. de Wit", "Cornelis de Wit", Partial},
		{"H.J. Bakker", "H.J. Bakker", Initials},
	})
	if got := spaceInitials("S.p.A. Rossi"); got != "S.p.A. Rossi" {
		t.Errorf("spaceInitials(S.p.A.) = %q: lower-case letters are no initials", got)
	}
	if got := spaceInitials("Pieter v.d. Berg"); got != "Pieter v.d. Berg" {
		t.Errorf("spaceInitials(v.d.) = %q: lower-case v.d. is the particle", got)
	}
}

// TestParticlesWrittenOtherwise: a family name's particles dropped, abbreviated or run
// into the name leave the same name; in a romanised Chinese name the same syllables
// are part of the name. So do letters that folding keeps (ł) written without.
func TestParticlesWrittenOtherwise(t *testing.T) {
	wantFullNames(t, []fullNamePair{
		{"Pieter vd Berg", "Pieter van den Berg", Exact},
		{"Pieter v.d. Berg", "Pieter van den Berg", Exact},
		{"Pieter Berg", "Pieter van den Berg", Exact},
		{"Pieter Maarten Berg", "Pieter van den Berg", Partial},
		{"Lucía DelaFuente Soto", "Lucía de la Fuente Soto", Exact},
		{"Anselm Vonhagen", "Anselm von Hagen", Exact},
		{"Rita Dosantos", "Rita dos Santos", Exact},
		{"Anna van den Berg", "Klaas van den Berg", Different},
		{"Paweł Wałęsa", "Pawel Walesa", Exact},
		{"Paweł Wałęsa", "Pawel Waleesa", Typo},
		{"Paweł Wałęsa", "Piotr Walesa", Different},
		{"Du Wei", "Wei", Partial},
		{"Li De Hua", "Li Hua", Partial},
	})
}

// TestNamePartsOfOneLongName: two given names and two family names, an order carrying
// the middle name and the other the second family name, agree part by part; a father
// and son who differ in the second family name do not, nor do parts that share no word.
func TestNamePartsOfOneLongName(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want Kind
	}{
		{Name{Given: "Ana Lucía", Family: "Pérez"}, Name{Given: "Ana", Family: "Pérez Ortega"}, Partial},
		{Name{Full: "Ana Lucía Pérez", Given: "Ana Lucía", Family: "Pérez"}, Name{Full: "Ana Pérez Ortega", Given: "Ana", Family: "Pérez Ortega"}, Partial},
		{Name{Given: "João Pedro", Family: "Lima"}, Name{Given: "João", Family: "Lima Barros"}, Partial},
		{Name{Given: "Lima", Family: "João Pedro"}, Name{Given: "João", Family: "Lima Barros"}, Partial}, // typed family first
		{Name{Given: "José", Family: "García López"}, Name{Given: "José", Family: "García Martínez"}, Different},
		{Name{Given: "Ana Lucía", Family: "Pérez"}, Name{Given: "Marta", Family: "Pérez Ortega"}, Different},
		{Name{Given: "Pérez", Family: "Ana Lucía"}, Name{Given: "Marta", Family: "Pérez Ortega"}, Different},
		// A mother and her daughter of another family name: crosswise, pai yen against
		// pan and chou against shu min share no word, only words that look alike.
		{Name{Full: "Pai-Yen Chou", Given: "Pai-Yen", Family: "Chou"}, Name{Full: "Shu Min Pan", Given: "Shu Min", Family: "Pan"}, Different},
	} {
		if got := NameLevel(c.a, c.b); got.Kind != c.want {
			t.Errorf("%+v ~ %+v: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestBrazilianGenerations: Filho and Neto after a Brazilian name are the son's and the
// grandson's Jr., told apart from the father of the same name; Júnior, Spanish hijo and
// German jun. and sen. say the same.
func TestBrazilianGenerations(t *testing.T) {
	for _, c := range []struct {
		n    Name
		want string
	}{
		{Name{Full: "Vicente Prado Filho"}, "Filho"},
		{Name{Given: "Jorge", Family: "Amado Neto"}, "Neto"},
		{Name{Full: "Vicente Prado"}, ""},
		{Name{Given: "Carlos", Family: "Silva Júnior"}, "Jr."},
		{Name{Given: "José", Family: "García López hijo"}, "Jr."},
		{Name{Given: "Hans", Family: "Müller jun."}, "Jr."},
		{Name{Full: "Karl Weber sen."}, "Sr."},
		{Name{Given: "Emile", Family: "Gaudin fils"}, "Jr."},
		{Name{Full: "Emile Gaudin père"}, "Sr."},
		// Bare, or after one name, Jun and Sen are names.
		{Name{Given: "Jun", Family: "Wang"}, ""},
		{Name{Full: "Wang Xiao Jun"}, ""},
		{Name{Full: "Amartya Sen"}, ""},
		{Name{Full: "Wang Jun."}, ""},
	} {
		if got := Generation(c.n); got != c.want {
			t.Errorf("Generation(%+v) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestOneGivenNameTwoFamilies: the same given name under two family names is one
// person's married and maiden name, or one of her two family names on each order;
// another given name, initials, a Chinese family name or a generation apart are not,
// nor one family name, nor a man's and a woman's given names a letter apart.
func TestOneGivenNameTwoFamilies(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Hélène", Family: "Roux"}, Name{Given: "Helene", Family: "Garnier"}, true},
		{Name{Given: "Rafa", Family: "Ortiz"}, Name{Given: "Rafael", Family: "Moya"}, true},
		{Name{Given: "Joana Maria", Family: "Teixeira"}, Name{Given: "Joana", Family: "Lopes"}, true},
		{Name{Given: "Hélène", Family: "Roux"}, Name{Given: "Margaux", Family: "Roux"}, false},
		{Name{Given: "H.", Family: "Roux"}, Name{Given: "Hélène", Family: "Garnier"}, false},
		{Name{Given: "Wei", Family: "Zhang"}, Name{Given: "Wei", Family: "Li"}, false},
		{Name{Given: "Tiago", Family: "Lopes Filho"}, Name{Given: "Tiago", Family: "Teixeira"}, false},
		{Name{Full: "Hélène Roux"}, Name{Full: "Hélène Garnier"}, false},                           // not in parts: which word is the family?
		{Name{Given: "Mark", Family: "Farmer"}, Name{Given: "Mary", Family: "Farmer"}, false},      // one family, two sexes a letter apart
		{Name{Given: "Mark", Family: "Farmer"}, Name{Given: "Mary", Family: "Fairweather"}, false}, // a man's and a woman's given names
	} {
		if got := OneGivenNameTwoFamilies(c.a, c.b); got != c.want {
			t.Errorf("%+v ~ %+v: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestReadsChinese: Han characters, or a romanised Chinese family name, make a name
// Chinese; European names are not.
func TestReadsChinese(t *testing.T) {
	for _, c := range []struct {
		n    Name
		want bool
	}{
		{Name{Full: "张伟"}, true},
		{Name{Given: "Wei", Family: "Zhang"}, true},
		{Name{Full: "Jerry Lau"}, true},
		{Name{Given: "Bruno", Family: "Conti"}, false},
		{Name{Full: "Katarzyna Wiśniewska"}, false},
	} {
		if got := ReadsChinese(c.n); got != c.want {
			t.Errorf("ReadsChinese(%+v) = %v, want %v", c.n, got, c.want)
		}
	}
}

// TestTwoInitialsAreTwoNames: V. Slagmolen and J. Slagmolen are one letter apart as
// whole names, but the letter is the whole of each first name: two children, not a
// slip. The same initial on both sides still agrees.
func TestTwoInitialsAreTwoNames(t *testing.T) {
	v, j := Name{Given: "V.", Family: "Slagmolen"}, Name{Given: "J.", Family: "Slagmolen"}
	if got := NameLevel(v, j); got.Kind != Different {
		t.Errorf("NameLevel(V. Slagmolen, J. Slagmolen) = %v, want different", got)
	}
	if got := NameLevel(Name{Full: "J. Slagmolen"}, Name{Full: "J Slagmolen"}); !got.Kind.Agrees() {
		t.Errorf("NameLevel(J. Slagmolen, J Slagmolen) = %v, want an agreement", got)
	}
}

// TestNicknameOfASlip: Lola is Dolores, and Dolpres is Dolores typed with a slip, so
// Lola and Dolpres are one woman's names; a name the table knows, or a letter off at
// either end (Mario for Maria's Mia), is not.
func TestNicknameOfASlip(t *testing.T) {
	for _, c := range []struct {
		pet, other string
		want       bool
	}{
		{"lola", "dolpres", true},
		{"bill", "willaim", true},
		{"mia", "mario", false},    // another name's ending: Maria's husband
		{"lola", "dolores", false}, // the name itself: a nickname, not a slip
		{"kees", "cornelia", false},
		{"jo", "johan", false}, // a name the table knows
	} {
		if got := NicknameOfSlip(c.pet, c.other); got != c.want {
			t.Errorf("NicknameOfSlip(%s, %s) = %v, want %v", c.pet, c.other, got, c.want)
		}
	}
	if got := NameLevel(Name{Given: "Lola", Family: "Bas Sedano"}, Name{Given: "Dolpres", Family: "Bas Sedano"}); got.Kind != Typo {
		t.Errorf("NameLevel(Lola, Dolpres Bas Sedano) = %v, want typo", got)
	}
}

// TestOneStemTwoNames: two given names on one stem, which Double Metaphone's four sounds
// end inside (Christophe and Christelle are both KRST), are two names (twins, a brother
// and a sister), not one name heard two ways.
func TestOneStemTwoNames(t *testing.T) {
	wantFullNames(t, []fullNamePair{
		{"Christophe Moreno", "Christelle Moreno", Different},
		{"Gabriele Conti", "Gabriella Conti", Different},
		{"Bernardo Costa", "Bernadette Costa", Different},
		// Sounds spelt otherwise still meet.
		{"Smith", "Schmidt", Phonetic},
		{"Christophe Moreno", "Kristof Moreno", Phonetic},
	})
}

// TestCardHolderStringAgainstParts: a card's holder name is one string (LUIS CARRERO
// VALENZUELA, both family names, no middle name) where a storefront has two fields
// (Luis Manuel / Carrero): cut between its words, it is the same name written in part
// on each side, as two split names would be, in either order. Another given name, or
// another second family name, stays another person.
func TestCardHolderStringAgainstParts(t *testing.T) {
	for _, c := range []struct {
		full, given, family string
		want                Kind
	}{
		{"LUIS CARRERO VALENZUELA", "Luis Manuel", "Carrero", Partial},
		{"CARRERO VALENZUELA LUIS", "Luis Manuel", "Carrero", Partial},
		{"LUIS MANUEL CARRERO", "Luis", "Carrero Valenzuela", Partial},
		{"LUIS CARRERO VALENZUELA", "Ana", "Carrero", Different},
		{"LUIS CARRERO VALENZUELA", "Luis", "Carrero Pérez", Different},
	} {
		for _, p := range [][2]Name{{{Full: c.full}, {Given: c.given, Family: c.family}}, {{Given: c.given, Family: c.family}, {Full: c.full}}} {
			if got := NameLevel(p[0], p[1]); got.Kind != c.want {
				t.Errorf("%s against %s / %s: %v (%s), want %v", c.full, c.given, c.family, got.Kind, got.Why, c.want)
			}
		}
	}
}

// TestDutchPetFormsOfJohannaAndCatharina: Joke is what Dutch families call a Johanna,
// Toos a Catharina; on one mailbox they are the same woman, not a household.
func TestDutchPetFormsOfJohannaAndCatharina(t *testing.T) {
	wantFullNames(t, []fullNamePair{
		{"Joke Kosten", "Johanna Kosten", Nickname},
		{"Toos Martel", "Catharina Martel", Nickname},
		{"Toos Martel", "Karin Martel", Nickname},
		{"Joke Kosten", "Jan Kosten", Different},
	})
}

// TestInitialBesideSecondSurname: a Stripe card's J. García López against José / García
// on one mailbox is José with his second surname written in full, not an initial beside
// another name: the word left over comes after the family name both share. Jeffrey A.
// Smith against Ashley Smith still is (the word left over is before it), and so is É.
// Gaudin fils against Emile Gaudin (the word after it is a son's).
func TestInitialBesideSecondSurname(t *testing.T) {
	n := func(full string) Name { return Name{Full: full} }
	if l := NameLevel(n("J. García López"), Name{Full: "José García", Given: "José", Family: "García"}); l.Kind == Different {
		t.Errorf("J. García López against José / García: %v (%s), want no contradiction", l.Kind, l.Why)
	}
	if l := NameLevel(n("É. Gaudin fils"), Name{Full: "Emile Gaudin", Given: "Emile", Family: "Gaudin"}); l.Kind != Different {
		t.Errorf("É. Gaudin fils against Emile / Gaudin: %v (%s), want different (a son)", l.Kind, l.Why)
	}
	if l := NameLevel(n("Jeffrey A. Smith"), n("Ashley Smith")); l.Kind != Different {
		t.Errorf("Jeffrey A. Smith against Ashley Smith: %v (%s), want different", l.Kind, l.Why)
	}
}
