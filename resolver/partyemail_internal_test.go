package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// TestFamilyMailboxIsNoPersonsOwn: thehoward16@, theelliotts@, mendozafamily@ and
// theandersonhome@ name a household, which a couple and their children share: against
// a person's own mailbox it says nothing either way. howard16@ and ethan.howard@ are a
// person's.
func TestFamilyMailboxIsNoPersonsOwn(t *testing.T) {
	p := func(family, email string) PartyProfile {
		return PartyProfile{Given: "Ethan", Family: family, Email: email}
	}
	for _, tt := range []struct {
		p    PartyProfile
		want bool
	}{
		{p("Howard", "thehoward16@bigpond.com"), true},
		{p("Elliott", "theelliotts@sky.com"), true},
		{p("Mendoza", "themendozafamily@yahoo.com"), true},
		{p("Mendoza", "mendozafamily@yahoo.com"), true},
		{p("Anderson", "theandersonhome@optusnet.com.au"), true},
		{p("Willis-Tran", "thewillistrans@rogers.com"), true},
		{p("Howard", "howard16@bigpond.com"), false},
		{p("Rivera", "riveras42@optusnet.com.au"), false},
		{p("Howard", "ethan.howard49@gmail.com"), false},
		{p("Howard", "ehoward@gmail.com"), false},
		{p("The", "the@gmail.com"), false},
		// A shop's tag after + is the household's filing, not its name.
		{p("Howard", "thehowards+teashop@gmail.com"), true},
		{p("Howard", "ethan.howard+teashop@gmail.com"), false},
	} {
		if got := familyMailbox(tt.p); got != tt.want {
			t.Errorf("%s of %s: family mailbox %v, want %v", tt.p.Email, tt.p.Family, got, tt.want)
		}
	}
	c := CompareParties(p("Howard", "thehoward16@bigpond.com"), p("Howard", "ethan.howard49@gmail.com"))
	if c[fieldEmail].Kind != compare.Null {
		t.Errorf("a family's mailbox against Ethan's own: email %v (%s), want null", c[fieldEmail].Kind, c[fieldEmail].Why)
	}
}

// TestContinentalFamilyMailbox: maillot.familie55@, famillemartin@, familiagarcia@,
// famiglia.rossi@, rodzinanowak@ and giadinhnguyen@ are households' mailboxes as
// thesmiths@ is, in the words their languages use; mariagarcia@ is a person's.
func TestContinentalFamilyMailbox(t *testing.T) {
	for _, tt := range []struct {
		family, email string
		want          bool
	}{
		{"Maillot", "maillot.familie55@web.de", true},
		{"Martin", "famillemartin@orange.fr", true},
		{"García", "familiagarcia@gmail.com", true},
		{"Rossi", "famiglia.rossi@libero.it", true},
		{"Nowak", "rodzinanowak@wp.pl", true},
		{"Nguyễn", "giadinhnguyen@gmail.com", true},
		{"de Jong", "familiedejong@ziggo.nl", true},
		{"da Costa", "lopes.familia@uol.com.br", true},
		{"van der Mast", "vanfamilie2000@outlook.com", true},
		{"García", "mariagarcia@gmail.com", false},
		{"Familia", "familia@gmail.com", false},
		{"Maillot", "maillot55@web.de", false},
	} {
		p := PartyProfile{Given: "Maria", Family: tt.family, Email: tt.email}
		if got := familyMailbox(p); got != tt.want {
			t.Errorf("%s of %s: family mailbox %v, want %v", tt.email, tt.family, got, tt.want)
		}
	}
}

// TestInitialSpelledByTheMailbox: L. Mohan orders from loganmohan99@, so L. is Logan,
// and Liam Mohan of the same flat (lmohan@) is another given name: his twin. Against
// Logan, or where the mailbox spells no name beside the family name (lmohan@), the
// initial still agrees.
func TestInitialSpelledByTheMailbox(t *testing.T) {
	p := func(given, email string) PartyProfile {
		return PartyProfile{Given: given, Family: "Mohan", Email: email}
	}
	for _, tt := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("L.", "loganmohan99@hotmail.com"), p("Liam", "lmohan@gmail.com"), compare.Different},
		{p("Liam", "lmohan@gmail.com"), p("L", "mohan.logan@hotmail.com"), compare.Different},
		{p("L.", "loganmohan99@hotmail.com"), p("Logan", "logan@gmail.com"), compare.Initials},
		{p("L.", "lmohan@hotmail.com"), p("Liam", "liam.m@gmail.com"), compare.Initials},
	} {
		if got := CompareParties(tt.a, tt.b)[fieldGiven]; got.Kind != tt.want {
			t.Errorf("%s %s against %s %s: given %v (%s), want %v", tt.a.Given, tt.a.Email, tt.b.Given, tt.b.Email, got.Kind, got.Why, tt.want)
		}
	}
}

// TestHandleOfTheNameAtTwoProviders: jgarcia@yahoo.es and jgarcia@hotmail.com of two
// José García López of Sevilla: the first family name with the given name's initial is
// what namesakes hold at each provider, so it says nothing, as amit.kumar@ does;
// josegarcia1979@ at two providers is one person's choice and still agrees, and so is
// a provider typed one letter off.
func TestHandleOfTheNameAtTwoProviders(t *testing.T) {
	p := func(email string) PartyProfile {
		return PartyProfile{Given: "José", Family: "García López", Email: email}
	}
	for _, local := range []string{"jgarcia", "josegarcia", "garcia.jose", "jlopez"} {
		if l := CompareParties(p(local+"@yahoo.es"), p(local+"@hotmail.com"))[fieldEmail]; l.Kind != compare.Null {
			t.Errorf("%s@ at two providers: email %v (%s), want null", local, l.Kind, l.Why)
		}
	}
	for _, pair := range [][2]string{{"josegarcia1979@yahoo.es", "josegarcia1979@hotmail.com"}, {"jgarcia@hotmial.com", "jgarcia@hotmail.com"}} {
		if l := CompareParties(p(pair[0]), p(pair[1]))[fieldEmail]; l.Kind != compare.Partial {
			t.Errorf("%s against %s: email %v (%s), want partial", pair[0], pair[1], l.Kind, l.Why)
		}
	}
}

// TestNameInPartAtTwoProviders: mariada@terra.com.br and mariada@outlook.com of two
// Maria da Silva Santos of Rio: the given name with the particle after it, the name as
// far as its owner wrote it, is what namesakes hold at each provider; so are the given
// name alone and the initials with the particle (mda@). A name followed by a number of
// one's own still agrees.
func TestNameInPartAtTwoProviders(t *testing.T) {
	p := func(family, email string) PartyProfile {
		return PartyProfile{Given: "Maria", Family: family, Email: email}
	}
	for _, local := range []string{"mariada", "maria", "mariadasilva", "mda", "maria_da"} {
		if l := CompareParties(p("Santos", local+"@terra.com.br"), p("da Silva Santos", local+"@outlook.com"))[fieldEmail]; l.Kind != compare.Null {
			t.Errorf("%s@ at two providers: email %v (%s), want null", local, l.Kind, l.Why)
		}
	}
	if l := CompareParties(p("Santos", "mda@hotmail.com"), p("Santos", "mda@outlook.com"))[fieldEmail]; l.Kind != compare.Null {
		t.Errorf("mda@ of two Maria Santos at two providers: email %v (%s), want null", l.Kind, l.Why)
	}
	if l := CompareParties(p("Santos", "mariada77@terra.com.br"), p("da Silva Santos", "mariada77@outlook.com"))[fieldEmail]; l.Kind != compare.Partial {
		t.Errorf("mariada77@ at two providers: email %v (%s), want partial", l.Kind, l.Why)
	}
}

// TestNumberedNamesakeMailboxes: anna.nowak1@o2.pl and anna.nowak5@o2.pl of two Anna
// Nowak were 'email typo': one provider's namesakes number the name they all want.
// One mailbox typed with a slip in a letter, or the name with a number against the
// name with a word, is not this.
func TestNumberedNamesakeMailboxes(t *testing.T) {
	p := func(email string) PartyProfile { return PartyProfile{Given: "Anna", Family: "Nowak", Email: email} }
	if l := CompareParties(p("anna.nowak1@o2.pl"), p("anna.nowak5@o2.pl"))[fieldEmail]; l.Kind != compare.Different {
		t.Errorf("anna.nowak1@ against anna.nowak5@o2.pl: email %v (%s), want different", l.Kind, l.Why)
	}
	if l := CompareParties(p("anna.nowak1@o2.pl"), p("anna.nowal1@o2.pl"))[fieldEmail]; l.Kind != compare.Typo {
		t.Errorf("anna.nowak1@ against anna.nowal1@o2.pl: email %v (%s), want typo", l.Kind, l.Why)
	}
}

// TestFormalNameOfPetAtTwoProviders: Nico Martin of Nantes at martinnicolas@orange.fr
// and Nicolas Martin of Paris at martinnicolas@sfr.fr (eu-2921): the handle is the
// family name with the formal given name Nico is short for, the name and nothing else,
// so one handle at two providers says no more than the name, under the pet name as
// under the formal one. A handle with a number of its own still agrees.
func TestFormalNameOfPetAtTwoProviders(t *testing.T) {
	nico := PartyProfile{Given: "Nico", Family: "Martin", Email: "martinnicolas@orange.fr"}
	for _, b := range []PartyProfile{
		{FullName: "Martin Nico", Email: "martinnicolas@sfr.fr"},
		{Given: "Nicolas", Family: "Martin", Email: "martinnicolas@sfr.fr"},
		{Given: "Nico", Family: "Martin", Email: "martinnicolas@sfr.fr"},
	} {
		a := nico
		if b.FullName == "" && b.Given == "Nicolas" {
			a.Email = "nicolas.martin@orange.fr"
			b.Email = "nicolas.martin@sfr.fr"
		}
		if l := CompareParties(a, b)[fieldEmail]; l.Kind != compare.Null {
			t.Errorf("%s against %s (%s %s %s): email %v (%s), want null", a.Email, b.Email, b.FullName, b.Given, b.Family, l.Kind, l.Why)
		}
	}
	a, b := nico, PartyProfile{Given: "Nicolas", Family: "Martin", Email: "martinnicolas1983@sfr.fr"}
	a.Email = "martinnicolas1983@orange.fr"
	if l := CompareParties(a, b)[fieldEmail]; l.Kind != compare.Partial {
		t.Errorf("martinnicolas1983@ at two providers: email %v (%s), want partial", l.Kind, l.Why)
	}
	// Bob Smith at robertsmith@: Robert is Bob's formal name.
	if !localIsName("robertsmith", PartyProfile{Given: "Bob", Family: "Smith"}) {
		t.Error("robertsmith@ of Bob Smith: not the name alone")
	}
	if localIsName("robertsmith", PartyProfile{Given: "Bob", Family: "Jones"}) {
		t.Error("robertsmith@ of Bob Jones: the name alone")
	}
}

// TestMailboxesOfTwoGivens: two mailboxes, each beginning with its own order's first
// given name, and the names two (not one, a nickname, a slip or an initial).
func TestMailboxesOfTwoGivens(t *testing.T) {
	p := func(given, email string) PartyProfile {
		return PartyProfile{FullName: given + " Cook", Given: given, Family: "Cook", Email: normalize.Email(email)}
	}
	for _, c := range []struct {
		a, b PartyProfile
		want bool
	}{
		{p("Mary", "mary.cook@gmail.com"), p("Martha May", "martha.cook@yahoo.com"), true},
		{p("Emily", "emily85@gmail.com"), p("Emma", "emma_ellis85@gmail.com"), true},
		{p("Bob", "bob.cook@gmail.com"), p("Robert", "robert.cook@yahoo.com"), false},  // a nickname
		{p("Mary", "mary.cook@gmail.com"), p("Martha", "cookfamily@yahoo.com"), false}, // a family's mailbox
		{p("Mary", "mary.cook@gmail.com"), p("Mary", "mcook@yahoo.com"), false},
		{p("Jon", "jon.cook@gmail.com"), p("John", "john.cook@gmail.com"), false},     // a slip
		{p("Mary", "mary.cook@gmail.com"), p("Martha", "mary.cook@gmail.com"), false}, // one mailbox: other rules
	} {
		if got := mailboxesOfTwoGivens(c.a, c.b); got != c.want {
			t.Errorf("mailboxesOfTwoGivens(%s %s, %s %s) = %v, want %v", c.a.Given, c.a.Email, c.b.Given, c.b.Email, got, c.want)
		}
		if got := mailboxesOfTwoGivens(c.b, c.a); got != c.want {
			t.Errorf("mailboxesOfTwoGivens(%s %s, %s %s) = %v, want %v", c.b.Given, c.b.Email, c.a.Given, c.a.Email, got, c.want)
		}
	}
}
