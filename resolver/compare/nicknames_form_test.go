package compare

import "testing"

// givenCase is a pair of given names and the level NamePartLevel should give them
// (the shape of name_eu_test.go's whole names).
type givenCase = fullNamePair

// checkGiven compares each case's given names.
func checkGiven(t *testing.T, cases []givenCase) {
	t.Helper()
	for _, c := range cases {
		if got := NamePartLevel("given", c.a, c.b); got.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestInitialOfTheNameGoneBy: T. Khurana is Anthony, who goes by Tony; R. Vega is
// Dick, a Richard; V. Green is Tori, a Victoria. An initial of no form of the name
// (S. against Anthony) is another name, and initials run together (H.J.) are names of
// their own, not Hannah of Anna's forms.
func TestInitialOfTheNameGoneBy(t *testing.T) {
	checkGiven(t, []givenCase{
		{"T.", "Anthony", Initials}, {"R", "Dick", Initials}, {"V", "Tori", Initials},
		{"S.", "Anthony", Different}, {"H.J.", "Anna", Different},
	})
}

// TestSlipOfANickname: Jodh is Josh typed one letter off, Barh Barb: each a slip of a
// short form of the other side's name (Joshua, Barbara). A name the table knows is
// that name (Jodi is not Josh), and a slip must keep the short form's first letter.
func TestSlipOfANickname(t *testing.T) {
	checkGiven(t, []givenCase{
		{"Jodh", "Joshua", Typo}, {"Barh", "BARBARA", Typo}, {"Jodi", "Joshua", Different}, {"Kosh", "Joshua", Different},
	})
}

// TestMiddleNameOnOneSide: Damian L against Damian, DAMIAN LEONARD against Damian L:
// one first name, the middle one written as its initial or left out. Another middle
// name (Damian Leonard against Damian Louis), a second given name in full on one side
// only (Maria Luisa against Maria, Jean-Pierre against Jean) and a Cantonese given
// name's syllable (Chi Kit against Chi) are not.
func TestMiddleNameOnOneSide(t *testing.T) {
	checkGiven(t, []givenCase{
		{"Damian L", "Damian", Exact}, {"DAMIAN LEONARD", "Damian L", Exact}, {"Maria Luisa", "Maria L.", Exact},
		{"Damian Leonard", "Damian Louis", Different}, {"Maria Luisa", "Maria", Partial}, {"Jean-Pierre", "Jean", Partial},
		{"Chi Kit", "Chi", Partial},
	})
}

// TestPetNameOnTheMailboxOfTheName: Lux Biswas on lakshmibiswas97@ is Lakshmi, and
// Suri Clarke on suresh.clarke@ is Suresh: short forms the table lacks, on the mailbox
// that spells the name. Priya on Lakshmi's mailbox is someone else (another letter), a
// name the table knows is that name (Lily), and a mailbox that spells neither says
// nothing.
func TestPetNameOnTheMailboxOfTheName(t *testing.T) {
	n := func(g, f string) Name { return Name{Given: g, Family: f, Full: g + " " + f} }
	for _, c := range []struct {
		pet, full Name
		email     string
		want      bool
	}{
		{n("Lux", "Biswas"), n("Lakshmi", "Biswas"), "lakshmibiswas97@rediffmail.com", true},
		{n("Suri", "Clarke"), n("Suresh", "Clarke"), "suresh.clarke@hotmail.com", true},
		{n("Priya", "Biswas"), n("Lakshmi", "Biswas"), "lakshmibiswas97@rediffmail.com", false},
		{n("Lily", "Biswas"), n("Lakshmi", "Biswas"), "lakshmibiswas97@rediffmail.com", false},
		{n("Lux", "Biswas"), n("Lakshmi", "Biswas"), "biswas.home@rediffmail.com", false},
		{n("Lux", "Adams"), n("Lakshmi", "Biswas"), "lakshmibiswas97@rediffmail.com", false},
	} {
		if got := PetNameOfMailbox(c.pet, c.full, c.email); got != c.want {
			t.Errorf("%s against %s on %s: %v, want %v", c.pet.Full, c.full.Full, c.email, got, c.want)
		}
	}
}
