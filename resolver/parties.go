package resolver

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// Party resolution: customers, suppliers, stores and brokers are recognised across
// systems by their identifying keys (tax id, e-mail, the system's own customer id, a
// company's name without its legal form and place, a customer's phone in E.164 without
// privacy numbers). A mention whose keys are all new founds a party; one whose keys are
// known joins that party; one whose keys reach two parties proves them one, and they are
// linked SAME_AS (the older id survives) — unless their tax ids differ, which no phone or
// name can overrule.
//
// Shared phones, addresses and legal representatives between companies are weaker: they
// make "possibly related" RELATED edges with their reason (a ring of shell companies),
// never an identity merge.

// PartyInfo is a stored party: its surviving id and its tax id, if known.
type PartyInfo struct {
	Root  string
	TaxID string
	// Name is the name the party was first mentioned by, where the store read it (a
	// party a contact key names): a shared phone or e-mail under another person's name
	// is a household's, not the same person's.
	Name compare.Name
	// Blocks are the block values the party's stored profile files it under
	// (PartyProfile.Blocks), read with Name: the description a key's party is known by,
	// so that a mention the key places under another one is scored and filed (see
	// describeAnew). Nil when not read.
	Blocks map[string]string
	// Phone and Email are the phone and the mailbox of the party's stored profile (its
	// first mention's), where the store read it: whether a mention on its mailbox
	// brings a second mobile, or one on its phone a mailbox of its own.
	Phone, Email string
}

// PartyMention links a document to the party it mentions.
type PartyMention struct {
	DocUID, PartyID string
	Role            ontology.PartyRole
	Name            string
	TaxID           string
	Company         bool
	// Profile is the mention normalised; the party keeps the first value of each field,
	// for probabilistic matching of later mentions.
	Profile PartyProfile
	// Blocks are Profile.Blocks(), which the party is filed under; nil to have the
	// store work them out.
	Blocks map[string]string
}

// PartyLink is a SAME_AS or RELATED edge between parties.
type PartyLink struct {
	From, To string
	Kind     string // same_as, related
	Reason   string
	// Score is the Fellegi-Sunter weight of a probabilistic link; 0 for a link a shared
	// key decided.
	Score float64
}

// PartyAlias says that a key names a party.
type PartyAlias struct {
	Key, PartyID string
}

type partyBook struct {
	known   map[string]string // key -> party id
	info    map[string]PartyInfo
	aliases []PartyAlias
	links   []PartyLink
	seen    map[[2]string]bool
	// customers holds, per document uid, the customer parties it mentions: those of
	// the batch and those of the loaded events' members.
	customers map[string][]string
	// profiles and blocks hold the candidates of probabilistic matching: parties loaded
	// by block key and those founded in this batch.
	profiles map[string]PartyProfile
	blocks   map[string][]string // block key -> party ids
	// filed counts the surviving parties filed under each block key: stored ones (as
	// PartyCandidates counted them) plus those founded in this batch.
	filed map[string]int
	// names are the names of parties that keys named, from the store or this batch.
	names map[string]compare.Name
	// apart holds the pairs of parties people said are different (see mayJoin);
	// parent, loaded for a person's decision only, maps a party to its SAME_AS link.
	apart  [][2]string
	parent map[string]PartyLink
	// sameAs holds the stored SAME_AS links of the parties whose mailboxes a mention
	// stating a generation comes from, by the linked party (see partygencut.go).
	sameAs map[string]PartyLink
	// filedAs holds the block values each party is stored under (the Blocks of its
	// first mention's profile), where known: see knowsDescription.
	filedAs map[string]map[string]string
	// blockMemo holds the blocks of each description seen in the batch (see blocksOf).
	blockMemo map[PartyProfile]map[string]string
	// compared holds the comparisons of pairs of descriptions made in the batch (see
	// compare).
	compared map[[2]PartyProfile]Comparison
	// descs numbers the descriptions of the batch's parties, and desc holds each
	// party's number (see describe).
	descs map[PartyProfile]int32
	desc  map[string]int32
	// kids holds the reverse of info's Root links: the ids merged into each id (see
	// partymembers.go; setInfo keeps it in step).
	kids map[string][]string
	// stored holds the profiles of the stored members of clusters the batch may join
	// that no block returned: read by the account rules (wholeMemberProfiles), never
	// candidates themselves (see partyclusterload.go).
	stored map[string]PartyProfile
	// storedAccounts holds, by stored member, the shop accounts whose keys name it:
	// a member founded by another shop's order holds its buyer's account as an alias
	// only (see partyclusterload.go).
	storedAccounts map[string][]string
	// buyers holds, by account key, the name each of the account's orders was written
	// to, and buyersChanged the accounts whose list the batch changed; accountMoves are
	// account keys pointed at their holder's party, requeued the documents to file
	// again after such a move (see partyholder.go).
	buyers        map[string][]AccountBuyer
	buyersChanged map[string]bool
	accountMoves  []PartyAlias
	requeued      []string
}

// withAccount is prof with the shop account and the shop of p, a mention of d: a person's
// external id is the source's own customer account.
func withAccount(d *ontology.Document, p ontology.PartyRef, prof PartyProfile) PartyProfile {
	if p.ExternalID != "" && !prof.Company {
		prof.Account = d.Key.System + ":" + p.ExternalID
		if d.Location != nil {
			prof.Shop = d.Location.Code
		}
	}
	return prof
}

func companyRole(r ontology.PartyRole) bool {
	return r != ontology.PartyCustomer
}

// partyKeys returns a mention's identity keys and relation keys, from the mention and
// its normalised profile (ProfileOf), so that each value is normalised once.
func partyKeys(system string, p ontology.PartyRef, pr PartyProfile) (identity, relation []string) {
	if len(pr.TaxID) >= 8 {
		identity = append(identity, "tax:"+pr.TaxID)
	}
	if pr.Email != "" {
		identity = append(identity, "email:"+pr.Email)
	}
	if p.ExternalID != "" {
		identity = append(identity, "ext:"+system+":"+string(p.Role)+":"+p.ExternalID)
	}
	// A member number names one person across the shop's tills and storefront; a
	// number of one to three characters is a test value or a counter, not a member.
	if l := strings.ToUpper(strings.TrimSpace(p.LoyaltyID)); len(l) >= 4 {
		identity = append(identity, "loyalty:"+l)
	}
	if b := bankKey(p.BankAccount); b != "" {
		// Companies paying from one account are a group to look at, not one company.
		relation = append(relation, "bank:"+b)
	}
	if pr.Phone != "" && !compare.IsMasked(pr.Phone) {
		if pr.Company {
			relation = append(relation, "phone:"+pr.Phone)
		} else {
			identity = append(identity, "phone:"+pr.Phone)
		}
	}
	if pr.Line != "" {
		// A desk's landline beside a role (前台): everyone's at the office.
		relation = append(relation, "line:"+pr.Line)
	}
	if pr.Company {
		if len([]rune(pr.Name)) >= 2 {
			identity = append(identity, "co:"+pr.Name)
		}
		// 張偉 on a Hong Kong filing is 张伟 on a mainland one.
		if r := normalize.PersonName(compare.Simplify(p.Legal)); r != "" {
			relation = append(relation, "rep:"+r)
		}
		// A short address ("Room 1") says nothing about who shares it.
		if len([]rune(pr.Address)) >= 6 {
			relation = append(relation, "addr:"+pr.Address)
		}
	}
	return identity, relation
}

// household reports whether a person's contact key (phone or e-mail) names a party
// known under a name that contradicts the mention's: 李利 and 李红霞 ordering with the
// family's one phone. Names that are missing, masked, a family name alone (王先生) or
// a typo, nickname or transliteration of each other do not contradict.
func (pb *partyBook) household(key, party string, prof PartyProfile) bool {
	if pb.accountOfHouseholdMailbox(key, party, prof) {
		return true // the customer record of a household's mailbox (partyaccount.go)
	}
	if prof.Company || !strings.HasPrefix(key, "phone:") && !strings.HasPrefix(key, "email:") {
		return false
	}
	known, ok := pb.names[party]
	if !ok {
		return false
	}
	contradict := namesContradict(nameOf(prof), known) && !(strings.HasPrefix(key, "email:") && compare.OneGivenNameTwoFamilies(nameOf(prof), known))
	if contradict && pb.mailboxAndPhoneOf(party, prof) &&
		(compare.EnglishBesideCantonese(nameOf(prof), known) || compare.EnglishBesideVietnamese(nameOf(prof), known) ||
			compare.PetNameOfMailbox(nameOf(prof), known, prof.Email)) {
		// Vincent Chan and CHAN CHI KIT on one mailbox and one phone: the English and
		// the Chinese given name of one person, which relatives do not share both of;
		// likewise Andy Pham and Phạm Hiếu, a Vietnamese American's two names.
		// Lux Biswas on lakshmibiswas97@ and Lakshmi's phone: her pet name.
		contradict = false
	}
	if contradict && strings.HasPrefix(key, "email:") && compare.EnglishNameOnVietnameseMailbox(nameOf(prof), known, prof.Email) &&
		!pb.ownMobilesDiffer(party, prof.Phone) {
		// Amy Duong from linh.duong@yahoo.com, where Linh Dương orders: the mailbox's
		// owner under the English name she goes by (see EnglishNameOnVietnameseMailbox);
		// not with a mobile of her own beside Linh's (englishNameOnOwnMailbox).
		contradict = false
	}
	if contradict && strings.HasPrefix(key, "email:") && generationLeftOut(nameOf(prof), known) {
		// É. Gaudin fils, then Émile Gaudin, from one mailbox: see generationLeftOut.
		contradict = false
	}
	if contradict && strings.HasPrefix(key, "email:") && slipOnOneMailbox(nameOf(prof), known, prof.Email) {
		// Ezia Taylor on elizataylor@, where Eliza Taylor orders; Jaes against Cox on
		// j.c@: one person's name typed with slips, or in parts that do not meet (see
		// partyslip.go).
		contradict = false
	}
	if contradict && strings.HasPrefix(key, "email:") && pb.englishAndChineseOfOne(party, prof, known) {
		// Vincent Chan, no phone, and CHAN CHI KIT on one mailbox: see
		// partyenglishname.go.
		contradict = false
	}
	if !contradict && strings.HasPrefix(key, "phone:") && pb.englishAndChineseOnOwnMailboxes(party, prof, known) {
		// Edmond Wang from wang.gang@163.com and 王飞 from joanne16@outlook.com on the
		// family's line: see partyenglishname.go.
		return true
	}
	if !contradict && strings.HasPrefix(key, "email:") && !wholeNameAgrees(nameOf(prof), known) &&
		(compare.EnglishBesideCantonese(nameOf(prof), known) || compare.EnglishBesideChinese(nameOf(prof), known)) &&
		pb.ownMobilesDiffer(party, prof.Phone) && !pb.phoneOfAnother(prof) {
		// Kaman Mak with her own mobile on the family's mailbox Amy Mak orders from with
		// hers: an English and a Chinese given name are one person's as often as not,
		// but two mobiles are two people's (see partyenglishname.go). Not a number
		// another person orders with: Vivian Li on her mailbox with her father 李刚's
		// mobile, which the household uses (personalKeysFirst decides that one).
		return true
	}
	if !contradict && initialFor(known, nameOf(prof)) && pb.clusterNameContradicts(pb.root(party), nameOf(prof)) {
		// Carlos Herrera's number, on which C Herrera ordered from the couple's mailbox
		// and was filed with Carmen Herrera: the initial fits both, and the party the
		// number names holds Carmen, whom Carlos is not.
		return true
	}
	if contradict || generationsStated(statedGeneration(prof), compare.Generation(known)) {
		// Another person's name, or another generation of the same one (Paatrick
		// Olivier with patrickolivierjr@yahoo.com on the phone Patrick Olivier Sr.
		// orders with: the family's landline). The same given name under another
		// family name on a mailbox, one person's own, is its owner's married or maiden
		// name (see OneGivenNameTwoFamilies); on a household's phone it may be a
		// relative whose fields were typed swapped.
		return true
	}
	if strings.HasPrefix(key, "phone:") && pb.namesakeOnLine(party, prof, known) {
		// Josh Gilbert Jr. from his own mailbox on the line Josh Gilbert orders from;
		// Aiden Hall from aiden.hall67@ on the line of Ayden Hall: the description
		// decides (see partygeneration.go and partytwins.go).
		return true
	}
	if strings.HasPrefix(key, "phone:") && !wholeNameAgrees(nameOf(prof), known) && compare.MailboxNamesAnother(prof.Email, known) {
		// Amy Zhang with fengying.zhang@126.com on the phone 張輝 orders with: an
		// English name beside a Chinese one is the same person's as often as not, but
		// her mailbox spells another member of his family, 张凤英. A phone is what a
		// household shares, a mailbox one person's: she is his wife or daughter.
		return true
	}
	// The key's party may be known by a weak name (李女士 with the family's phone) that
	// a member with a full name joined since (李思颖): a sister's 李畅 contradicts her,
	// not the title.
	if weakName(known) && strings.HasPrefix(key, "email:") {
		return pb.clusterContradictsOnMailbox(pb.root(party), nameOf(prof), prof.Email)
	}
	return weakName(known) && pb.clusterContradicts(pb.root(party), nameOf(prof))
}

// phoneOfAnother reports whether the mention's phone is the key of a party known by a
// name that is not the mention's as a whole (李刚's mobile on an order written Vivian
// Li): a number the household shares, not the mention's own.
func (pb *partyBook) phoneOfAnother(prof PartyProfile) bool {
	if prof.Phone == "" {
		return false
	}
	p, ok := pb.known["phone:"+prof.Phone]
	if !ok {
		return false
	}
	n, ok := pb.names[p]
	return ok && !wholeNameAgrees(nameOf(prof), n)
}

// writtenAlike is 1 where two person profiles' names are written alike (the same
// characters or letters, compare.NameLevel Exact), else 0.
func writtenAlike(a, b PartyProfile) int {
	if compare.NameLevel(nameOf(a), nameOf(b)).Kind == compare.Exact {
		return 1
	}
	return 0
}

// mailboxAndPhoneOf reports whether the mention's mailbox and phone both name party.
func (pb *partyBook) mailboxAndPhoneOf(party string, prof PartyProfile) bool {
	e, okE := pb.known["email:"+prof.Email]
	p, okP := pb.known["phone:"+prof.Phone]
	return prof.Email != "" && prof.Phone != "" && okE && okP && pb.root(e) == pb.root(party) && pb.root(p) == pb.root(party)
}

// personalKeysFirst settles a mention whose keys name several parties (found, each
// by its surviving id; nodes and keyed the parties and the keys that named them) where
// a party that only a phone names holds someone whose name contradicts a member of a
// party a personal key names (an e-mail, the system's account, a member number): 李欢's
// mailbox with the family's phone, which her father 李刚 orders with, on an order
// written Vivian Li that neither name contradicts. A phone is a household's as often as
// one person's, a mailbox or an account is one person's: the mention is the mailbox's,
// and the phone's party is returned apart (shared), to be related as a household's.
// Where no personal key names a party, or the names agree, it changes nothing: the
// mention proves them one, as before.
func (pb *partyBook) personalKeysFirst(found, nodes, keyed []string, prof PartyProfile) (f, n, k, shared []string) {
	var personal []string
	phoneOnly := map[string]bool{}
	for j, id := range nodes {
		r := pb.root(id)
		if strings.HasPrefix(keyed[j], "phone:") {
			if !slices.Contains(personal, r) {
				phoneOnly[r] = true
			}
			continue
		}
		personal = appendUnique(personal, r)
		delete(phoneOnly, r)
	}
	if len(personal) == 0 || len(phoneOnly) == 0 {
		return found, nodes, keyed, nil
	}
	for r := range phoneOnly {
		if slices.ContainsFunc(personal, func(p string) bool {
			return pb.clustersContradict(p, r, nameOf(prof)) || pb.generationsApart(p, r, prof) || pb.spellsAnotherGiven(r, prof) ||
				pb.clustersSpelledOtherwise(p, r)
		}) {
			shared = append(shared, r)
		}
	}
	return pb.withoutShared(found, nodes, keyed, shared)
}

// accountKeyFirst settles a mention that names no one (a refund or a status update that
// gives the customer's account and mailbox only) whose keys name several parties: where
// the party the source's account names and another hold names that contradict, the
// account is the document's customer and the other (a household's mailbox, which a
// sister orders from as well) is returned apart (shared), to be related. A mention with a
// name is judged by it (household, personalKeysFirst); one without has nothing to
// contradict, and proved the sisters Sophie and Chloe Hill one through the mailbox of
// the family's refund. Without an account key, or where the names agree, it changes
// nothing.
func (pb *partyBook) accountKeyFirst(found, nodes, keyed []string) (f, n, k, shared []string) {
	acct := ""
	for j, key := range keyed {
		if strings.HasPrefix(key, "ext:") {
			acct = pb.root(nodes[j])
			break
		}
	}
	if acct == "" {
		return found, nodes, keyed, nil
	}
	for _, r := range found {
		if r != acct && pb.clustersContradict(acct, r, compare.Name{}) {
			shared = append(shared, r)
		}
	}
	return pb.withoutShared(found, nodes, keyed, shared)
}

// withoutShared returns found, nodes and keyed without the parties of shared (each by
// its surviving id) and the keys that named them, and shared sorted; where shared is
// empty, found, nodes and keyed as they are.
func (pb *partyBook) withoutShared(found, nodes, keyed, shared []string) (f, n, k, s []string) {
	if len(shared) == 0 {
		return found, nodes, keyed, nil
	}
	sort.Strings(shared)
	f = slices.DeleteFunc(slices.Clone(found), func(r string) bool { return slices.Contains(shared, r) })
	for j, id := range nodes {
		if !slices.Contains(shared, pb.root(id)) {
			n, k = append(n, id), append(k, keyed[j])
		}
	}
	return f, n, k, shared
}

// wholeNameAgrees reports whether two names agree as whole names (the same, in another
// script or romanisation, or with a slip), not in a part, a nickname or a title.
func wholeNameAgrees(a, b compare.Name) bool {
	switch compare.NameLevel(a, b).Kind {
	case compare.Exact, compare.Transliterated, compare.Homophone, compare.Typo, compare.Phonetic:
		return true
	}
	return false
}

// relationReason says in words which relation key two parties share. A bank account
// shows its last four characters only: enough for an analyst to match it against a
// statement, not enough to pay from it.
func relationReason(k string) string {
	kind, v, _ := strings.Cut(k, ":")
	switch kind {
	case "rep":
		return "shares a legal representative (" + v + ")"
	case "phone":
		return "shares a phone number (" + v + ")"
	case "addr":
		return "shares an address (" + v + ")"
	case "line":
		return "gives the same desk's landline (" + v + "; colleagues at one office?)"
	case "bank":
		_, last4, _ := strings.Cut(v, ".")
		return "shares a bank account (…" + last4 + ")"
	}
	return "shares " + k
}

// bankKey names an account number (an IBAN with its spaces, a local number) by a hash of
// its letters and digits and its last four characters, so that the graph can tell two
// parties share an account without holding a number anyone could pay from. Too short
// to name one account, it is no key.
func bankKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 8 {
		return ""
	}
	n := b.String()
	sum := sha256.Sum256([]byte("bank/" + n))
	return hex.EncodeToString(sum[:10]) + "." + n[len(n)-4:]
}

func (b *batch) loadParties(ctx context.Context, docs []PendingDoc) error {
	b.parties = &partyBook{known: map[string]string{}, info: map[string]PartyInfo{}, seen: map[[2]string]bool{},
		customers: map[string][]string{}, profiles: map[string]PartyProfile{}, blocks: map[string][]string{},
		filed: map[string]int{}, names: map[string]compare.Name{}, filedAs: map[string]map[string]string{}}
	// The customers of the events a document may join (sameCustomer); not of those seen
	// only across locations (b.seen), which no document joins: with one sale of a common
	// basket an hour in every store, their customers were most of this read at 300k
	// documents, and grew with the stores.
	var members []string
	for _, ev := range b.events {
		for _, m := range ev.Members {
			members = append(members, m.UID)
		}
	}
	sort.Strings(members)
	customers, infos, err := b.tx.Customers(ctx, members)
	if err != nil {
		return fmt.Errorf("loading the customers of candidate events: %w", err)
	}
	b.parties.customers = customers
	for id, in := range infos {
		b.parties.setInfo(id, in)
	}
	if slices.ContainsFunc(docs, func(d PendingDoc) bool { return len(d.Doc.Parties) > 0 }) || len(customers) > 0 {
		if err := b.parties.loadApart(ctx, b.tx); err != nil {
			return err
		}
	}
	var keys []string
	type mention struct {
		identity []string
		writing  string
		profile  PartyProfile
		account  string // a buyer's account key beside a receiver (buyerAccount)
	}
	var mentions []mention
	var accounts []string // the accounts whose holders the batch may re-examine (partyholder.go)
	// The mentions' profiles and blocks are worked out on every core first: pure, and
	// on one core they were most of what the batch's Go did before its party lookups.
	var refs []ontology.PartyRef
	for _, d := range docs {
		refs = append(refs, d.Doc.Parties...)
	}
	profs := make([]PartyProfile, len(refs))
	eachIndexed(len(refs), 64, func(i int) { profs[i] = ProfileOf(refs[i]) })
	b.parties.memoBlocks(profs)
	n := 0
	for _, d := range docs {
		for _, p := range d.Doc.Parties {
			pr := profs[n]
			n++
			id, rel := partyKeys(d.Doc.Key.System, p, pr)
			keys = append(keys, id...)
			keys = append(keys, rel...)
			w := b.parties.writingKey(id, pr)
			if w != "" {
				keys = append(keys, w)
			}
			a := buyerAccount(p, pr, id)
			if a != "" {
				accounts = append(accounts, a)
			} else if n := namelessAccount(p, pr, id); n != "" {
				accounts = append(accounts, n)
			}
			mentions = append(mentions, mention{identity: id, writing: w, profile: pr, account: a})
		}
	}
	if err := b.loadAccountBuyers(ctx, accounts); err != nil {
		return err
	}
	if len(keys) > 0 {
		sort.Strings(keys)
		known, info, err := b.tx.Parties(ctx, keys)
		if err != nil {
			return fmt.Errorf("loading parties: %w", err)
		}
		b.parties.known = known
		for id, in := range info {
			b.parties.setInfo(id, in)
			if in.Name != (compare.Name{}) {
				b.parties.names[id] = in.Name
			}
			if in.Blocks != nil {
				b.parties.filedAs[id] = in.Blocks
			}
		}
	}
	// Only a mention that no stored key names, or one a key places under a description
	// its party is not filed under, can need scoring, so only their blocks are looked
	// up: a regular customer's hundredth order costs no candidate query.
	wanted := map[string]bool{}
	var joinable []string // the parties a mention that needs scoring is filed under (see loadJoinableMembers)
	for _, m := range mentions {
		// A key under another person's name (a household's phone) names no party for
		// this mention: it may still need scoring.
		var nodes []string
		for _, k := range m.identity {
			if id, ok := b.parties.known[k]; ok && !b.parties.household(k, id, m.profile) && !b.parties.homeLineOfAnother(k, id, m.profile) {
				nodes = append(nodes, id)
			}
		}
		if m.account != "" && slices.ContainsFunc(nodes, func(n string) bool { return n != b.parties.known[m.account] }) {
			// A buyer's account beside a receiver's phone that names another party (or
			// the account's first order): whether the receiver holds an account of the
			// same shop of her own (giftReceiver) is read off the members of her party,
			// which a mention its keys place loads no other way.
			joinable = append(joinable, nodes...)
		}
		_, written := b.parties.known[m.writing]
		if len(nodes) > 0 && (m.writing == "" || written || b.parties.knowsDescription(nodes, m.profile)) {
			continue
		}
		joinable = append(joinable, nodes...)
		for _, bk := range b.parties.blockKeys(m.profile) {
			wanted[bk] = true
		}
	}
	if err := b.loadGenerationClusters(ctx, docs); err != nil {
		return err
	}
	var identities [][]string
	for _, m := range mentions {
		identities = append(identities, m.identity)
	}
	if err := b.loadKeyedClusters(ctx, identities); err != nil {
		return err
	}
	if len(wanted) == 0 {
		return b.loadJoinableMembers(ctx, joinable)
	}
	blocks := slices.Sorted(maps.Keys(wanted))
	cands, filed, err := b.tx.PartyCandidates(ctx, blocks)
	if err != nil {
		return fmt.Errorf("loading party candidates: %w", err)
	}
	b.parties.memoBlocks(cands)
	for _, c := range cands {
		if c.Root != "" && c.Root != c.ID {
			b.parties.setInfo(c.ID, PartyInfo{Root: c.Root, TaxID: b.parties.info[c.ID].TaxID})
		}
		b.parties.addProfile(c.ID, c)
		if _, ok := b.parties.filedAs[c.ID]; !ok {
			b.parties.filedAs[c.ID] = b.parties.blocksOf(c)
		}
	}
	b.parties.filed = filed
	if err := b.loadNamesakeClusters(ctx, profs, cands); err != nil {
		return err
	}
	for _, c := range cands {
		joinable = append(joinable, c.ID)
	}
	return b.loadJoinableMembers(ctx, joinable)
}

func (pb *partyBook) root(id string) string {
	for i := 0; i < 32; i++ {
		in, ok := pb.info[id]
		if !ok || in.Root == "" || in.Root == id {
			return id
		}
		id = in.Root
	}
	return id
}

func partyID(tenant, key string) string {
	sum := sha256.Sum256([]byte(tenant + "/" + key))
	return "pt_" + hex.EncodeToString(sum[:10])
}

// resolveParties links each party a document mentions.
func (b *batch) resolveParties(uid string, d *ontology.Document) {
	pb := b.parties
	for i, p := range d.Parties {
		// A storefront gift whose billing address is the parcel's copy: the buyer is
		// who paid, and the parcel's keys name the recipient (see partystorefront.go).
		var parcelKeys []string
		if buyer, _, ok := storefrontBuyer(d, p); ok {
			parcelKeys, _ = partyKeys(d.Key.System, p, withAccount(d, p, ProfileOf(p)))
			p = buyer
		}
		prof := withAccount(d, p, ProfileOf(p))
		identity, relation := partyKeys(d.Key.System, p, prof)
		acct := buyerAccount(p, prof, identity)
		// A buyer's note saying the parcel is for someone else (送人的): the receiver's
		// name is no vote for the account's holder, and the order is a gift.
		noted := acct != "" && giftNoted(d, p)
		if acct != "" && !noted {
			// The account's holder, by the names its orders are written to (see
			// partyholder.go).
			b.examineAccount(acct, uid, pb.noteBuyer(acct, uid, prof.FullName))
		} else if acct := namelessAccount(p, prof, identity); acct != "" {
			pb.noteNameless(acct, uid, prof.Phone != "" || prof.Email != "", prof.Desk)
		}
		// A gift: the buyer's account beside another person's parcel (see partygift.go).
		var receivers, doubted []string
		for _, k := range parcelKeys {
			if r, ok := pb.known[k]; ok && !slices.Contains(identity, k) {
				receivers = appendUnique(receivers, pb.root(r))
			}
		}
		if gift, byName := pb.giftReceiver(p, prof, identity); gift || noted {
			receiver := nameOf(prof)
			var kept []string
			kept, prof = buyerOnly(identity, prof)
			for _, k := range identity {
				if r, ok := pb.known[k]; ok && !slices.Contains(kept, k) {
					receivers = appendUnique(receivers, pb.root(r))
				}
			}
			identity = kept
			if owner, ok := pb.known[acct]; ok && byName && !noted && pb.holderInDoubt(acct, receiver) {
				// Which of the two the account is cannot be told yet: the order is
				// filed alone, related to both (see holderInDoubt).
				doubted = append(doubted, pb.root(owner))
				identity = nil
			}
		}
		tax := prof.TaxID
		b.generationCut(prof)
		var found, refused, homes, nodes, keyed []string
		own := identity // the keys this mention's party may be named by
		for _, k := range identity {
			id, ok := pb.known[k]
			if !ok {
				continue
			}
			if pb.household(k, id, prof) {
				// A family's phone or e-mail under another name: related, not one.
				refused = appendUnique(refused, pb.root(id))
				own = slices.DeleteFunc(slices.Clone(own), func(x string) bool { return x == k })
				continue
			}
			if pb.homeLineOfAnother(k, id, prof) {
				// The home's line under this name with another mailbox: the father's or
				// the son's, which the description tells (see partyhome.go).
				homes = appendUnique(homes, pb.root(id))
				own = slices.DeleteFunc(slices.Clone(own), func(x string) bool { return x == k })
				continue
			}
			found = appendUnique(found, pb.root(id))
			nodes, keyed = append(nodes, id), append(keyed, k)
		}
		if len(found) > 1 && !prof.Company {
			var shared []string
			found, nodes, keyed, shared = pb.personalKeysFirst(found, nodes, keyed, prof)
			refused = append(refused, shared...)
		}
		if len(found) > 1 && !prof.Company && nameOf(prof) == (compare.Name{}) {
			var shared []string
			found, nodes, keyed, shared = pb.accountKeyFirst(found, nodes, keyed)
			refused = append(refused, shared...)
		}
		// The party this description was filed as under the mention's first key, if it
		// was (see describeAnew): the mention is that party's again.
		wkey := pb.writingKey(identity, prof)
		writing, written := pb.known[wkey]
		if written {
			found = appendUnique(found, pb.root(writing))
		}
		// A different tax id means a different legal entity, whatever else they share.
		var same, apart []string
		for _, id := range found {
			if t := pb.info[id].TaxID; tax != "" && t != "" && t != tax {
				apart = append(apart, id)
				continue
			}
			same = append(same, id)
		}
		sort.Strings(same)
		// The keys that place the mention, with the parties they name.
		var placing []string
		for j, n := range nodes {
			if slices.Contains(same, pb.root(n)) {
				placing = append(placing, keyed[j])
			} else {
				nodes[j] = ""
			}
		}
		nodes = slices.DeleteFunc(nodes, func(n string) bool { return n == "" })
		var id string
		switch {
		case len(same) > 0:
			id = same[0]
			for _, other := range same[1:] {
				if !pb.mayJoin(id, other) {
					b.relate(other, id, "a mention carries keys of both, but a person said they are different parties")
					continue
				}
				pb.setInfo(other, PartyInfo{Root: id, TaxID: pb.info[other].TaxID})
				pb.links = append(pb.links, PartyLink{From: other, To: id, Kind: "same_as", Reason: "a mention carries keys of both"})
			}
		case len(own) > 0:
			id = partyID(b.tenant, own[0])
		default:
			id = partyID(b.tenant, fmt.Sprintf("mention:%s#%d", uid, i))
		}
		for _, other := range apart {
			b.relate(other, id, "shares an identifying key but has another tax id")
		}
		for _, other := range refused {
			if pb.root(other) != pb.root(id) {
				b.relate(pb.root(other), id, "shares a phone number or e-mail under another name (a household?)")
			}
		}
		// mentioned is the party the mention is filed as: the key's party, or the party
		// of its description under that key (see describeAnew).
		mentioned := id
		switch {
		case len(same) == 0:
			// No key reached a known party: maybe its description does.
			if _, ok := pb.filedAs[id]; !ok {
				pb.filedAs[id] = pb.blocksOf(prof)
			}
			if !b.matchProfile(id, prof) {
				for _, bk := range pb.blockKeys(prof) {
					pb.filed[bk]++ // a new surviving party holds these values now
				}
			}
		case written:
			mentioned = writing
		case wkey != "" && len(placing) > 0 && !pb.knowsDescription(nodes, prof):
			// The key's party is known by another description (康桂英, now Kang
			// Guiying; 方女士, now 方丽华): it may find the same person's other party.
			mentioned = b.describeAnew(wkey, id, placing[0], prof)
		}
		for _, other := range receivers {
			if pb.root(other) != pb.root(id) {
				b.relate(pb.root(other), pb.root(id), "receives an order placed from the other's account (a gift?)")
			}
		}
		for _, other := range doubted {
			if pb.root(other) != pb.root(id) {
				b.relate(pb.root(other), pb.root(id), "an order of the other's account written to another person, while which of the two holds the account is not settled")
			}
		}
		for _, other := range homes {
			if pb.root(other) != pb.root(id) {
				b.relate(pb.root(other), pb.root(id), "shares a home's landline, with another mailbox (parent and child, or a household?)")
			}
		}
		pb.addProfile(mentioned, prof)
		if _, ok := pb.names[mentioned]; !ok && !prof.Company {
			pb.names[mentioned] = nameOf(prof)
		}
		if in := pb.info[id]; in.TaxID == "" && tax != "" {
			pb.setInfo(id, PartyInfo{Root: in.Root, TaxID: tax})
		}
		for _, k := range identity {
			if _, ok := pb.known[k]; !ok {
				pb.known[k] = mentioned
				pb.aliases = append(pb.aliases, PartyAlias{Key: k, PartyID: mentioned})
			}
		}
		for _, k := range relation {
			if other, ok := pb.known[k]; ok {
				b.relate(pb.root(other), id, relationReason(k))
			} else {
				pb.known[k] = mentioned
				pb.aliases = append(pb.aliases, PartyAlias{Key: k, PartyID: mentioned})
			}
		}
		b.changes.Mentions = append(b.changes.Mentions, PartyMention{DocUID: uid, PartyID: mentioned, Role: p.Role,
			Name: p.Name, TaxID: tax, Company: companyRole(p.Role), Profile: prof, Blocks: pb.blocksOf(prof)})
		if p.Role == ontology.PartyCustomer && (len(identity) > 0) {
			pb.customers[uid] = append(pb.customers[uid], mentioned)
		}
	}
}

// sameCustomer: the customer of one sale is one party, however each document of the
// sale names them (an e-mail on the order, a customer number on the invoice). When a
// document joins an event, its customers and those of the event's other documents are
// linked SAME_AS, unless their tax ids differ.
func (b *batch) sameCustomer(uid string, ev *EventState) {
	pb := b.parties
	mine := pb.customers[uid]
	if len(mine) == 0 || len(mine) > 1 {
		return // a document naming several customers says nothing about which is whose
	}
	a := pb.root(mine[0])
	for _, m := range ev.Members {
		if m.UID == uid || len(pb.customers[m.UID]) != 1 {
			continue
		}
		c := pb.root(pb.customers[m.UID][0])
		if a == c {
			continue
		}
		ta, tc := pb.info[a].TaxID, pb.info[c].TaxID
		if ta != "" && tc != "" && ta != tc {
			b.relate(a, c, "customers of one sale with different tax ids")
			continue
		}
		if !pb.mayJoin(a, c) {
			b.relate(a, c, "customers of one sale ("+ev.ID+"), but a person said they are different parties")
			continue
		}
		keep, drop := min(a, c), max(a, c)
		pb.setInfo(drop, PartyInfo{Root: keep, TaxID: pb.info[drop].TaxID})
		if pb.info[keep].TaxID == "" {
			pb.setInfo(keep, PartyInfo{Root: pb.info[keep].Root, TaxID: pb.info[drop].TaxID})
		}
		pb.links = append(pb.links, PartyLink{From: drop, To: keep, Kind: "same_as", Reason: "customer of the same sale (" + ev.ID + ")"})
		a = keep
	}
}

func (b *batch) relate(a, c, reason string) { b.relateScored(a, c, reason, 0) }

func (b *batch) relateScored(a, c, reason string, score float64) {
	if c == "" || a == c {
		return
	}
	k := [2]string{min(a, c), max(a, c)}
	if b.parties.seen[k] {
		return
	}
	b.parties.seen[k] = true
	b.parties.links = append(b.parties.links, PartyLink{From: k[0], To: k[1], Kind: "related", Reason: reason, Score: score})
}

// matchProfile scores a new party's profile against every party filed under its block
// keys (each party's own profile, merged or not, so that what links does not depend on
// which mention of a party came first). Every party it scores at or above the model's
// accept weight is the same party: they are all linked SAME_AS the smallest surviving
// id among them, which keeps the clusters the connected components of the pairs that
// match, whatever the arrival order. Between review and accept a pair stays apart with
// a RELATED "possibly the same party" edge, for a person to look at. Parties with
// different tax ids are never candidates, and persons are never compared with companies.
//
// It reports whether the party was linked SAME_AS another.
func (b *batch) matchProfile(id string, prof PartyProfile) bool {
	pb, pm := b.parties, &b.partyModel
	self := pb.root(id)
	blocks := pb.blocksOf(prof)
	fr := Frequency{fieldName: pb.filed[blockKey(BlockName, blocks[BlockName])],
		fieldAddress: pb.filed[blockKey(BlockAddress, blocks[BlockAddress])]}
	type verdict struct {
		d     PartyVerdict
		score float64
		c     Comparison
		cp    PartyProfile // the candidate compared
		why   string       // the reason of a link the score does not make (soleNamesake)
	}
	best := map[string]verdict{}
	// judged holds the mention's judgement of each description it was scored against.
	// Everything in a judgement is a function of the two descriptions, the mention's
	// frequencies and the model, none of which changes during this call, while a block
	// may hold the same description many times over: every delivery order of a
	// platform that masks the buyer's phone and prints the same drop-off address
	// founds a party of its own, and each one founded earlier in the batch is a
	// candidate of the next (seam bench backlog: a batch of 500 such orders made
	// 125,000 scorings, about 1 ms a document, all Apart).
	judged := map[int32]judgement{}
	parts := newPartLinks()
	// parcels holds the parties the mention matches at least possibly through a parcel
	// point in a home's compound (parcelDetail).
	parcels := map[string]bool{}
	// namesakes holds the parties with someone of the mention's name in another flat
	// of the mention's compound (namesakeNextDoor).
	namesakes := map[string]bool{}
	keys := pb.blockKeys(prof)
	// seen keeps a party under two of the mention's blocks from being scored twice; one
	// block lists each party once (addProfile).
	var seen map[string]bool
	if len(keys) > 1 {
		seen = map[string]bool{}
	}
	// taken holds, for a one-to-one tenant, the clusters that already hold another
	// account of this mention's system: one storefront account is one customer.
	taken := map[string]bool{}
	var apart apartContra
	judgeCand := func(cand string) judgement {
		n := pb.desc[cand]
		j, ok := judged[n]
		if !ok {
			cp := pb.profiles[cand]
			j = pb.judge(pm, prof, cp, fr)
			j.masked = compare.IsMasked(cp.Phone)
			j.takes = b.oneToOne && prof.Account != "" && cp.Account != "" && cp.Account != prof.Account &&
				accountSystem(cp.Account) == accountSystem(prof.Account)
			if j.d == Apart && j.takes {
				j.contra, j.contraKnown = personsContradict(prof, cp), true // noted below
			}
			judged[n] = j
		}
		return j
	}
	// own holds the candidates already in the mention's own party, each with whether
	// the block it was met in pairs masks only (masksOnly). Of such a candidate only whether it
	// is a namesake next door counts, and only where a parcel point asks (below): a
	// returning customer's new writing finds its blocks full of the party's own earlier
	// writings, and judging each of them was most of an e-shop order's resolution along
	// a long backlog (seam bench backlog --grow days).
	type ownCand struct {
		cand      string
		masksOnly bool
	}
	var own []ownCand
	for _, bk := range keys {
		masks := masksOnly(bk, prof)
		for _, cand := range pb.blocks[bk] {
			if seen[cand] {
				continue
			}
			if pb.root(cand) == self {
				own = append(own, ownCand{cand, masks})
				continue
			}
			n := pb.desc[cand]
			j := judgeCand(cand)
			if masks && !j.masked && j.c[fieldPhone].Kind != compare.Typo {
				continue // maskBlockPair: the masked-phone block pairs a mask, or a slip of the number
			}
			if seen != nil {
				seen[cand] = true
			}
			if namesakeNextDoor(j.c, prof, pb.profiles[cand]) {
				namesakes[pb.root(cand)] = true
			}
			if j.d == Apart && !j.takes {
				// Apart, with no account that takes the cluster: nothing below reads such
				// a candidate (of best only Same and Possibly count, parts records Same
				// and contradictions), so it is left out before its cluster is even
				// looked up; but for whether its names contradict, which is worked out
				// only where a cluster asks (apartContra).
				apart.add(cand, n)
				continue
			}
			cp := pb.profiles[cand]
			root := pb.root(cand)
			if root == self || !pb.mayJoin(self, root) {
				continue // one already, or a person said they are not
			}
			if cp.Company != prof.Company {
				continue
			}
			if t := pb.taxOf(root, cand); prof.TaxID != "" && t != "" && t != prof.TaxID {
				continue
			}
			if j.takes {
				taken[root] = true
			}
			d := parts.noteJudged(root, j.d, j.c, j.contra, j.onPart)
			if d == Same && j.onPart {
				parts.describe(root, cp)
			}
			if d >= Possibly && parcelDetail(j.c, prof, cp) {
				parcels[root] = true
			}
			if v, ok := best[root]; !ok || d > v.d || d == v.d && j.s > v.score {
				best[root] = verdict{d, j.s, j.c, cp, ""}
			}
		}
	}
	if root, c, cp, ok := pb.soleNamesake(self, prof); ok && pb.mayJoin(self, root) && cp.Company == prof.Company && !taken[root] {
		if v, had := best[root]; !had || v.d < Same {
			// The score is kept above zero, which marks a probabilistic link: one a
			// person's rejection cuts, and first, where the fields add up to little.
			best[root] = verdict{Same, max(pm.Score(c, prof, fr), 0.1), c, cp, "the only party of the tenant named " + hanFullName(prof) +
				", in the same city, at an address away from home: " + pm.Explain(c, prof, fr)}
			parts.strong[root] = true
		}
	}
	apart.note(pb, self, prof, parts, judged, func(root string) bool { return best[root].d == Same && !parts.strong[root] })
	if len(parcels) > 0 && !namesakes[self] {
		for _, o := range own {
			j := judgeCand(o.cand)
			if o.masksOnly && !j.masked && j.c[fieldPhone].Kind != compare.Typo {
				continue // as in the loop above
			}
			if namesakeNextDoor(j.c, prof, pb.profiles[o.cand]) {
				namesakes[self] = true
				break
			}
		}
	}
	for root, v := range best {
		// A parcel point that fits homes of several parties (two namesakes of one
		// compound, whose lockers are one) links none of them on the compound alone,
		// whether the other scores a link or only a possible one.
		if v.d == Same && !parts.holds(root) || v.d == Same && !parts.strong[root] && parcels[root] && len(parcels) > 1 {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// The same seen from a home: a parcel point of the mention's compound, under
		// its name, is as well the parcel point of a namesake in another flat there
		// (罗英 at 常青花园1栋1506 against 英 罗 at 常青花园菜鸟驿站, where Ying Luo
		// lives at 常青花园1-1-602).
		if v.d == Same && !parts.strong[root] && parcels[root] && othersThan(namesakes, root) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// The same seen from the mention's own party: a locker order its phone filed
		// under the 符洋 of 1栋203 fits the 符洋 of 8栋402 by name and compound as well;
		// joining them would make the two flats' people one.
		if v.d == Same && !parts.strong[root] && parcels[root] && pb.homesApart(self, root) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// The same where the name and the road alone reach a link: a parcel point
		// order whose own phone and mailbox are not the candidate's, filed with a
		// namesake's home in another flat of the compound, is that namesake's (see
		// parcelOfNamesakeWithOwnContacts).
		if v.d == Same && parcels[root] && parcelOfNamesakeWithOwnContacts(v.c) && pb.homesApart(self, root) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
	}
	for root, v := range best {
		// A link through part of a value (a title, a parcel point in the compound) into
		// a party that lives in another flat of the mention's compound: the household
		// next door, or a namesake there, is who the part fits as well (张伟 at
		// 海信慧园7栋1504 collects at 海信慧园丰巢快递柜, and so may the 张伟 of 9栋302).
		if v.d == Same && !parts.strong[root] && pb.clusterOtherHome(root, prof) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// A link through part of a value into a party holding another account of a
		// shop the mention's party holds one of: two customers of that shop, a
		// household's (see partyaccounts.go).
		if v.d == Same && !parts.strong[root] && pb.accountsApart(self, root, prof) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
	}
	for root, v := range best {
		// A link that does not rest on the names (李女士 against 李颖娜, or 李畅 against
		// 李女士) may join the mention's party to a party holding someone whose name
		// contradicts a member of its own (李女士, filed under 李霞雪's phone; 李畅
		// against the 李女士 李思颖 joined): it would join two people. See
		// partycluster.go.
		if v.d == Same && !ownAgreement(v.c) && (weakName(nameOf(prof)) || weakNameLink(v.c)) &&
			pb.clustersContradict(self, root, nameOf(prof)) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// A whole given name linked to a party through an initial (Carlos Herrera
		// against C Herrera) where that party holds another whole given name (Carmen):
		// the initial fitted both of them.
		if v.d == Same && !ownAgreement(v.c) && initialFor(nameOf(v.cp), nameOf(prof)) && pb.clusterNameContradicts(root, nameOf(prof)) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// The mention's own party may already hold people (a phone or mailbox filed it
		// under 魏林's party before its description was scored): joining it to a party
		// that holds another Han writing and other phones (her sister 魏琳, whom "Wei
		// Lin" fits as well) would make one party of two people, as joining two
		// candidates would (twoPeople, below).
		if v.d == Same && !ownAgreement(v.c) && pb.twoPeople(self, root, prof) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
		// One part of a name against a name in both (Green, the given name left empty,
		// against Thomas / Green) says nothing of which member of the family it is: a
		// link made on it into a party holding a name that contradicts a member of the
		// mention's own (Anna Green, his twin of one birthday, who shares the date of
		// birth that otherwise counts as one person's own) would join two people.
		if v.d == Same && onePartOnly(prof) != onePartOnly(v.cp) && pb.clustersContradict(self, root, nameOf(prof)) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
	}
	for root, v := range best {
		// Seven digits of a number another member of the household orders with too
		// (张** against 张雨琪, when her sister 张畅 has the number) say nothing of
		// which member the masked order is.
		if v.d == Same && v.c[fieldPhone].Kind == compare.MaskedDigits && !ownAgreement(v.c) &&
			pb.maskedHousehold(self, root, prof, v.cp) {
			best[root] = verdict{Possibly, v.score, v.c, v.cp, ""}
		}
	}
	var same []string
	for root, v := range best {
		if v.d == Same && !taken[root] {
			same = append(same, root)
		}
	}
	sort.Strings(same)
	if len(same) > 1 {
		// A mention that matches several parties makes them one; not two that hold
		// two people (邹建宁 and her sister 邹建凝, each with her own phone, both
		// fitting Zou jianning): it joins its best match and those consistent with it,
		// and the rest stay possible matches. See partycluster.go.
		bySc := slices.Clone(same)
		slices.SortFunc(bySc, func(x, y string) int {
			if c := cmp.Compare(best[y].score, best[x].score); c != 0 {
				return c
			}
			// At one score, the party known by the mention's own writing first: 魏琳
			// through a privacy number scores her sister 魏林's party as high as her own
			// (a name read alike at the flat weighs as the name), and is 魏琳.
			if c := cmp.Compare(writtenAlike(prof, best[y].cp), writtenAlike(prof, best[x].cp)); c != 0 {
				return c
			}
			return strings.Compare(x, y)
		})
		kept := bySc[:1]
		for _, r := range bySc[1:] {
			if slices.ContainsFunc(kept, func(k string) bool {
				// A mention giving one part of a name (Green) fits each twin alike.
				return pb.twoPeople(k, r, PartyProfile{}) || onePartOnly(prof) && pb.clustersContradict(k, r, compare.Name{})
			}) {
				b.relateScored(r, self, "possibly the same party (it would join two people): "+
					pm.Explain(best[r].c, prof, fr), best[r].score)
				continue
			}
			kept = append(kept, r)
		}
		same = slices.Sorted(slices.Values(kept))
	}
	if b.oneToOne && len(same) > 1 {
		// One-to-one: the mention joins its best match only; the others stay apart as
		// possible matches, for a person to look at.
		slices.SortFunc(same, func(x, y string) int {
			if c := cmp.Compare(best[y].score, best[x].score); c != 0 {
				return c
			}
			return strings.Compare(x, y)
		})
		for _, other := range same[1:] {
			b.relateScored(other, self, "possibly the same party (one-to-one: a better match was taken): "+
				pm.Explain(best[other].c, prof, fr), best[other].score)
		}
		same = same[:1]
	}
	if len(same) == 0 {
		roots := slices.Sorted(maps.Keys(best))
		for _, root := range roots {
			if v := best[root]; v.d == Possibly || v.d == Same && taken[root] {
				b.relateScored(root, self, "possibly the same party: "+pm.Explain(v.c, prof, fr), v.score)
			}
		}
		return false
	}
	into := same[0]
	link := func(from string, v verdict) {
		pb.setInfo(from, PartyInfo{Root: into, TaxID: pb.info[from].TaxID})
		why := "same description: " + pm.Explain(v.c, prof, fr)
		if v.why != "" {
			why = v.why
		}
		pb.links = append(pb.links, PartyLink{From: from, To: into, Kind: "same_as", Reason: why, Score: v.score})
	}
	link(self, best[into])
	for _, other := range same[1:] {
		// The new mention matches both: they are one party, unless a person said not.
		if !pb.mayJoin(into, other) {
			b.relateScored(other, into, "possibly the same party (a person said they are not): "+pm.Explain(best[other].c, prof, fr), best[other].score)
			continue
		}
		link(other, best[other])
	}
	return true
}

// taxOf is the tax id known for a party, from its stored record or its profile.
func (pb *partyBook) taxOf(root, id string) string {
	if t := pb.info[root].TaxID; t != "" {
		return t
	}
	if t := pb.profiles[root].TaxID; t != "" {
		return t
	}
	return pb.profiles[id].TaxID
}

// addProfile records what a mention says about a party (its first mention's profile is
// kept; later mentions fill what it lacks) and files the party under its block keys.
func (pb *partyBook) addProfile(id string, p PartyProfile) {
	cur, ok := pb.profiles[id]
	if !ok {
		cur = p
		cur.ID = id
	} else {
		fill := func(dst *string, v string) {
			if *dst == "" {
				*dst = v
			}
		}
		fill(&cur.Name, p.Name)
		fill(&cur.FullName, p.FullName)
		fill(&cur.Given, p.Given)
		fill(&cur.Family, p.Family)
		fill(&cur.Email, p.Email)
		fill(&cur.Phone, p.Phone)
		fill(&cur.BirthDate, p.BirthDate)
		fill(&cur.NationalID, p.NationalID)
		fill(&cur.Address, p.Address)
		fill(&cur.Country, p.Country)
		fill(&cur.TaxID, p.TaxID)
		if cur.Place == (compare.Address{}) {
			cur.Place = p.Place
		}
	}
	pb.profiles[id] = cur
	pb.describe(id, cur)
	for _, bk := range pb.blockKeys(cur) {
		if !slices.Contains(pb.blocks[bk], id) {
			pb.blocks[bk] = append(pb.blocks[bk], id)
		}
	}
}

// blockKey is one rule's block key as the store files it: "rule=value".
func blockKey(rule, value string) string {
	if value == "" {
		return ""
	}
	return rule + "=" + value
}

// blockKeysOf returns a profile's block keys, in rule order.
func blockKeysOf(p PartyProfile) []string { return blockKeysIn(p.Blocks()) }
