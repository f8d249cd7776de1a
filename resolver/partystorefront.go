package resolver

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// A storefront order names its customer by the billing address, the buyer's (see
// shopify-order.yaml). On a gift the buyer often ticks "billing address same as
// shipping", and the checkout copies the recipient's name and home into it: read as
// the buyer, the recipient took the order, which joined the recipient's own orders and
// left the buyer's apart. What still says who paid is on the order beside it: the
// customer record of the buyer's account (its holder's name and default address), the
// buyer's own mailbox, and the gift message the buyer signs. storefrontBuyer reads
// them, each from the one document, so that the reading does not depend on which
// orders came first.

// storefrontContext are the note fields a storefront order's mapping gives as party
// context beside its customer (shopify-order.yaml): the parcel's name and home, the
// customer record's, and the order's own phone. They are never searched for
// references (noteCandidates).
var storefrontContext = map[string]bool{"ship_to": true, "ship_to_home": true, "bill_to_home": true, "account_name": true,
	"account_home": true, "buyer_phone": true}

// noteText is the text of d's first note of field, trimmed, or "".
func noteText(d *ontology.Document, field string) string {
	for _, n := range d.Notes {
		if n.Field == field {
			return strings.TrimSpace(n.Text)
		}
	}
	return ""
}

// storefrontBuyer returns the buyer of a storefront order whose billing address is a
// copy of the parcel's (the same name and home as the shipping address) and names
// someone who did not pay, with the reason; ok is false where the billing name stands
// for the buyer, as it does on nearly every order. Two readings, the first that holds:
//
//   - The customer record names its holder, whose own mailbox the order comes from
//     (wenhsiungwang@ under Wen hsiung WANG), the billing name contradicts it, and the
//     parcel goes to another home than the record's default address: the holder sent a
//     gift. A household member ordering on the shared account ships to the home the
//     record gives, and a record that kept a first gift's name (Shopify names a guest's
//     record by the first order) is not spelled by the buyer's mailbox.
//   - The order carries a gift message (Happy Mother's Day, love Mary) signed with a
//     given name that is not the billing name's, or sent from a mailbox that spells
//     another person (morgan.mary@ under Ricardo López Mendoza).
//
// The buyer the first gives is the record's holder by name, with the order's own phone
// and the mailbox; the second knows no name, only the mailbox and the account. Neither
// keeps the parcel's name, home or phone, which are the recipient's.
func storefrontBuyer(d *ontology.Document, p ontology.PartyRef) (ontology.PartyRef, string, bool) {
	if p.Role != ontology.PartyCustomer || p.Email == "" || p.Name == "" && p.GivenName == "" {
		return p, "", false
	}
	shipTo := noteText(d, "ship_to")
	if shipTo == "" {
		return p, "", false
	}
	// The billing name as written, whole: a part the billing address lacks falls back to
	// the record's (謝華兆 typed whole into the first name took the record holder's
	// Tang), which would mix the two people compared here. The copy is compared as
	// written too, not as the name's parts read (哲瑋 彭 is 彭哲瑋).
	billing := compare.Name{Full: cmp.Or(p.Name, strings.TrimSpace(p.GivenName+" "+p.FamilyName))}
	// The billing address as written: the customer's address falls back to the record's
	// where the billing address lacks a part (a Hong Kong address has no postcode).
	billHome := cmp.Or(noteText(d, "bill_to_home"), p.Address)
	if compare.NameLevel(compare.Name{Full: shipTo}, billing).Kind != compare.Exact || !sameHome(noteText(d, "ship_to_home"), billHome) {
		return p, "", false // the billing address is the buyer's own
	}
	holder := noteText(d, "account_name")
	if holder != "" && mailboxSpells(p.Email, holder) && namesContradict(compare.Name{Full: holder}, billing) &&
		homesApart(noteText(d, "account_home"), billHome) {
		return ontology.PartyRef{Role: p.Role, ExternalID: p.ExternalID, Name: holder, Email: p.Email,
				Phone: noteText(d, "buyer_phone"), Country: p.Country, TaxID: p.TaxID},
			"the customer record's holder (" + holder + ") sent it to " + shipTo + " at another home", true
	}
	if msg := giftMessage(d); msg != "" {
		if w := signedByAnother(msg, billing); w != "" {
			return ontology.PartyRef{Role: p.Role, ExternalID: p.ExternalID, Email: p.Email, Country: p.Country, TaxID: p.TaxID},
				"a gift to " + shipTo + ", signed " + w, true
		}
		if mailboxSpellsAnother(p.Email, billing) {
			return ontology.PartyRef{Role: p.Role, ExternalID: p.ExternalID, Email: p.Email, Country: p.Country, TaxID: p.TaxID},
				"a gift to " + shipTo + " from a mailbox of another name", true
		}
	}
	return p, "", false
}

// sameHome reports whether two whole addresses are one, written alike: their keys are
// equal. A checkout's "same as shipping" copies the address field by field.
func sameHome(a, b string) bool {
	ka, _ := normalize.Address(a)
	kb, _ := normalize.Address(b)
	return ka != "" && ka == kb
}

// homesApart reports whether two whole addresses are two homes: neither key holds the
// other (高雄市鳳山區文心路四段78號3樓 holds 鳳山區文心路四段78號3樓), and they share under a
// third of their words (a city, a district, a road's kind: 1768 Park Rd, Houston against
// 9836 Jackson Lane, Austin share none). The same home written otherwise (Flat 2, 10
// High St against 10 High Street Flat 2) shares most. An address missing on either side
// tells nothing, and is not apart.
func homesApart(a, b string) bool {
	ka, ta := normalize.Address(a)
	kb, tb := normalize.Address(b)
	if ka == "" || kb == "" || strings.Contains(ka, kb) || strings.Contains(kb, ka) {
		return false
	}
	return 3*normalize.Jaccard(ta, tb) < 1
}

// mailboxSpells reports whether an e-mail address's mailbox names the holder of a Latin
// name, as people make their own: the name's words run together in their order or with
// the family name (the last word) first (wenhsiungwang@, chan.wingwing@), the first and
// last words without the middle ones (jennifer.evans@ for Jennifer M. Evans), an
// initial beside the family name (f.becker@, sandersr737@), or the given or the family
// name alone (gregory1988@, karen1975@). Digits and punctuation are left out; a form of
// eight letters or more may begin a longer mailbox (rosa.ortizchavez87@ for Rosa
// Ortiz), a shorter one must be all of it. A name of one word or in Han characters
// spells no one.
func mailboxSpells(email, name string) bool {
	letters := localLetters(email)
	words := normalize.PersonNameWords(name)
	if len(words) < 2 || len(letters) < 4 {
		return false
	}
	for _, w := range words {
		if lettersAZ(w) != w {
			return false
		}
	}
	first, last := words[0], words[len(words)-1]
	forms := []string{strings.Join(words, ""), last + strings.Join(words[:len(words)-1], ""), first + last, last + first}
	if len(last) >= 4 {
		forms = append(forms, first[:1]+last, last+first[:1])
	}
	for _, w := range []string{first, last} {
		if len(w) >= 4 {
			forms = append(forms, w)
		}
	}
	for _, f := range forms {
		if letters == f || len(f) >= 8 && strings.HasPrefix(letters, f) {
			return true
		}
	}
	return false
}

// giftWordsEN are what a gift message says in English: an occasion or a greeting the
// buyer writes to the recipient. A delivery instruction (leave it at the door) says
// none of them.
var giftWordsEN = []string{"happy birthday", "birthday", "christmas", "xmas", "mother's day", "mothers day", "father's day",
	"fathers day", "valentine", "anniversary", "congratulations", "congrats", "get well", "thinking of you", "with love",
	"lots of love", "love from", "love you", "happy graduation", "new baby", "welcome home", "a little something", "a gift for"}

// giftWordsTraditional are giftWords as Hong Kong and Taiwan write them.
var giftWordsTraditional = []string{"送給", "送禮", "生日禮物", "節日禮物", "是禮物", "當禮物", "做禮物", "作禮物"}

// giftMessage returns the text of d's notes (the order's note and checkout attributes,
// where a shop's gift-message field lands) where it reads as a gift message, or "".
func giftMessage(d *ontology.Document) string {
	for _, n := range d.Notes {
		if n.Field != "note" && n.Field != "attributes" {
			continue
		}
		text := strings.TrimSpace(n.Text)
		low := strings.ReplaceAll(strings.ToLower(text), "’", "'")
		for _, ws := range [][]string{giftWordsEN, giftWords, giftWordsTraditional} {
			for _, w := range ws {
				if strings.Contains(low, w) {
					return text
				}
			}
		}
	}
	return ""
}

// signature is how a gift message ends with the name of whoever sent it: love Mary,
// Love, Thomas, from Nicholas x, - Sarah xx.
var signature = regexp.MustCompile(`(?i)(?:love|from|cheers|hugs|xoxo|regards|wishes|^|[-–—]\s*)[\s,:!]*([\p{L}][\p{L}'-]+)[\s,.!]*(?:x+o*|xo)?[\s.!]*$`)

// signedByAnother returns the given name a gift message is signed with, where it reads
// as an English given name (the nickname or the sex table's, or a word no Chinese
// syllables make: Karen reads as ka ren, and only the sex table knows it) and is not
// the billing name's given name (nor a form, a slip or an initial of it); "" otherwise.
// Mum, Dad and the like are no one's name (notSignature).
func signedByAnother(msg string, billing compare.Name) string {
	m := signature.FindStringSubmatch(strings.TrimSpace(msg))
	if m == nil {
		return ""
	}
	w := strings.ToLower(m[1])
	if notSignature[w] || !compare.KnownEnglishGiven(w) && !compare.EnglishGiven(w) &&
		compare.FirstGivenSex(compare.Name{Given: w, Family: "-"}) == compare.GenderUnknown {
		return ""
	}
	for _, g := range billingGivens(billing) {
		if compare.NamePartLevel("given", w, g).Kind.Agrees() {
			return ""
		}
	}
	return m[1]
}

// notSignature are the words a gift message ends with that name no one: family roles
// (Mum, Grandad), the sender as a group (the office, all of us), the message's own close.
var notSignature = map[string]bool{"mum": true, "mom": true, "mummy": true, "mommy": true, "mama": true, "ma": true, "dad": true,
	"daddy": true, "papa": true, "pa": true, "nan": true, "nana": true, "nanna": true, "gran": true, "granny": true,
	"grandma": true, "grandpa": true, "grandad": true, "granddad": true, "auntie": true, "aunty": true, "aunt": true,
	"uncle": true, "sis": true, "bro": true, "us": true, "all": true, "everyone": true, "you": true, "me": true, "the": true,
	"your": true, "family": true, "team": true, "work": true, "office": true, "home": true, "love": true, "hugs": true,
	"xoxo": true, "xx": true, "x": true, "soon": true, "day": true, "birthday": true, "christmas": true, "wishes": true,
	"regards": true, "cheers": true, "always": true, "forever": true, "friends": true, "gang": true, "kids": true}

// billingGivens are the words a name's given name may be among: its given field, or
// every word of the whole name where it has no parts (the order of a whole name does
// not say which word is the given one).
func billingGivens(n compare.Name) []string {
	if n.Given != "" {
		return normalize.PersonNameWords(n.Given)
	}
	return normalize.PersonNameWords(n.Full)
}

// mailboxSpellsAnother reports whether an e-mail address's mailbox spells a person other
// than the one named by n: two words or more of three letters or more (morgan.mary,
// thomas_robinson), one of them a given name the English table knows, and none of them
// a word of n's (by itself, a form, a slip or an initial of it). A mailbox run together
// (nicholasmoore) or of one word says too little to tell.
func mailboxSpellsAnother(email string, n compare.Name) bool {
	local, _, ok := strings.Cut(strings.ToLower(email), "@")
	if !ok || compare.IsMasked(email) {
		return false
	}
	local, _, _ = strings.Cut(local, "+")
	words := strings.FieldsFunc(local, func(r rune) bool { return r < 'a' || r > 'z' || !unicode.IsLetter(r) })
	if len(words) < 2 {
		return false
	}
	named := false
	for _, w := range words {
		if len(w) < 3 {
			return false
		}
		named = named || compare.KnownEnglishGiven(w)
	}
	if !named {
		return false
	}
	own := normalize.PersonNameWords(strings.Join([]string{n.Full, n.Given, n.Family}, " "))
	for _, w := range words {
		for _, o := range own {
			if compare.NamePartLevel("given", w, o).Kind.Agrees() || compare.NamePartLevel("family", w, o).Kind.Agrees() {
				return false
			}
		}
	}
	return len(own) > 0
}
