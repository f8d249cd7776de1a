package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestMailboxSlipsBesideBirthday: two mailboxes two slips apart are one mailbox typed
// with slips beside the same date of birth and names that agree (fake_1000: Miaisie
// and Maisie Walsh); not on another birthday, not under two given names (twins Mia and
// Max Hall), not where only the punctuation or the name's digit differs at one
// provider (namesakes), and not three slips apart.
func TestMailboxSlipsBesideBirthday(t *testing.T) {
	p := func(given, family, dob, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
			Name: given + " " + family, BirthDate: dob, Email: email, Country: "GB"})
	}
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("Miaisie", "Walsh", "2005-08-20", "maiie.walsoh@hodge.com"), p("Maisie", "Walsh", "2005-08-20", "maisie.walsh@hodge.com"), compare.Typo},
		{p("Lexi", "Gordon", "1994-09-02", "l.gordon34cfren@h.com"), p("Lexi", "Gordon", "1994-09-02", "l.gordon34@french.com"), compare.Typo},
		{p("Miaisie", "Walsh", "2005-08-21", "maiie.walsoh@hodge.com"), p("Maisie", "Walsh", "2005-08-20", "maisie.walsh@hodge.com"), compare.Different},
		{p("Mia", "Hall", "2011-04-15", "mia.hall@example.com"), p("Max", "Hall", "2011-04-15", "max.hall@example.com"), compare.Different},
		{p("Eleanor", "Evans", "2008-08-27", "e.e@daywork.com"), p("Eleanor", "Evans", "2008-08-27", "ee@daywork.com"), compare.Different},
		{p("Anna", "Nowak", "1990-01-01", "anna.nowak1@o2.pl"), p("Anna", "Nowak", "1990-01-01", "anna.nowak5@o2.pl"), compare.Different},
		{p("Dylan", "Macdonald", "1985-10-15", "dmacdoald@riverb-glass.siz"), p("Dylan", "Macdonald", "1985-10-15", "dmacdonald@rivers-glass.biz"), compare.Different},
		// One local part at a provider typed a slip or two apart is one mailbox, on any
		// birthday (mailboxProviderSlip); not a local part that is only the name at two
		// real providers a letter apart, not two providers further apart, not a short
		// local part.
		{p("Aria", "Cross", "", "a.cross58@browning-nguyen.com"), p("Aria", "Cros", "", "a.cross58@browning-nguyeyn.com"), compare.Exact},
		{p("Lily", "Watson", "", "lilyw82@gmail.com"), p("Lily", "Watson", "", "lilyw82@gmial.com"), compare.Exact},
		{p("Eleanor", "Richards", "", "e.richards16@finley.info"), p("Eleanor", "", "", "e.richards16@finley.ifo"), compare.Exact},
		{p("Eliza", "Taylor", "", "elizataylor1@marshall.com"), p("Eliza", "Taylor", "", "elizataylor1@marsahmll.com"), compare.Exact},
		{p("Anna", "Nowak", "", "anna.nowak@wp.pl"), p("Anna", "Nowak", "", "anna.nowak@op.pl"), compare.Partial},
		{p("Marco", "Rossi", "", "marco84@libero.it"), p("Marco", "Rossi", "", "marco84@tiscali.it"), compare.Partial},
		{p("Jo", "Cox", "", "j.c@white.org"), p("Jo", "Cox", "", "j.c@wwhite.org"), compare.Partial},
	} {
		if got := CompareParties(c.a, c.b)[fieldEmail]; got.Kind != c.want {
			t.Errorf("%s against %s: email %v (%s), want %v", c.a.Email, c.b.Email, got.Kind, got.Why, c.want)
		}
	}
}
