package compare

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

// nicknameGroups lists English given names with their usual short forms and spelling
// variants, one group a line. Two given names are nicknames of each other when a line
// holds both. A name may stand in several groups (Chris is short for Christopher and for
// Christine), which is why groups are kept apart rather than merged: Kit and Tina share
// no line. The table was written for this package from common knowledge of English
// names; it is a starting point, not a census. Its last lines are the English forms and
// short names that Hispanic, Italian and Indian families in English-speaking countries
// go by (Frank for Francisco, Tony for Antonio, Joe for José, Raj for Rajesh, Subbu for
// Subramanian): the mailbox spells the name on their papers, the order the one they use;
// and the spellings by sound that Irish names take abroad (Shevaun for Siobhán, Neve for
// Niamh, Kieran for Ciarán), which share too few letters with the Irish to be read as
// slips of it.
const nicknameGroups = `
abigail abby abbie gail
abraham abe bram
adelaide addie adele
agnes aggie nessie
albert al bert bertie
alexander alex alec al sandy xander lex alick
alexandra alex sandra sandy lexi alexa
alfred alf alfie fred freddie
alice allie ally
allison alison ali allie ally
amanda mandy manda
amy aimee amie
andrew andy drew
angela angie
ann anne anna annie nan nancy nanny hannah
anthony antony tony
arabella bella
archibald archie
arnold arnie
arthur art artie
augustine gus austin
augustus gus
barbara barb barbie babs
bartholomew bart
beatrice bea trixie
benedict ben benny
benjamin ben benny benji
bernard bernie barney
bertram bert
bradley brad
bridget biddy bridie
calvin cal
cameron cam
camilla milly cammie
carl charles
caroline carolyn carol carrie lynn
catherine katherine kathryn katharine kathrine cathryn catharine kate kathy katie kat kitty cathy cath kay
kathleen kate kathy katie kat kath
cecilia cecily cissy celia
charles charlie chuck chas chip chaz
charlotte lottie charlie lotte
christian chris kit
christine christina kristine kristina chris tina chrissy kristy
christopher chris kit topher christy
clarence clarry
clement clem
clifford cliff
cornelius neil corny
cynthia cindy
daniel dan danny
david dave davy davie
deborah debra deb debbie debby
denise denny
dennis denis den denny
dominic dominick dom
donald don donnie
dorothy dot dottie dolly dora
douglas doug dougie
edmund edmond ed eddie ned
edward ed eddie ted teddy ned
edwin ed eddie
eleanor elinor ellie nell nora elle nellie
elizabeth elisabeth liz lizzie lizzy beth betty betsy libby eliza lisa bess bessie elsie elise
ellen nell nellie
emily em emmy millie
emma em emmy
ernest ernie
eugene gene
evelyn eve evie
ezekiel zeke
florence flo florrie flossie
frances fran frankie fanny
francis frank fran frankie
franklin frank
frederick frederic fred freddie freddy fritz
gabriel gabe
gabrielle gabby gaby
geoffrey jeffrey geoff jeff
george georgie
georgina georgie gina
gerald gerry jerry
geraldine gerry jerry
gertrude gertie trudy
gilbert gil bert
gregory greg
gwendolyn gwen wendy
harold harry hal
harrison harry
harriet hattie harry
helen helena nell nellie
henrietta etta hetty
henry harry hank hal hen
herbert herb bert
howard howie
hubert hugh bert
hugh hughie hugo
ignatius iggy
isaac ike
isabella isabel isobel bella izzy isa belle
jacob jake jakob
jacqueline jackie jacky
james jim jimmy jimmie jamie jem
jane jenny janie jean
janet jan jenny
jason jay
jeffrey jeff
jennifer jen jenny jenni
jeremiah jerry
jeremy jerry jez
jessica jess jessie
joanna joan jo joanne
john jack johnny jon jonny
jonathan jon jonny johnny nathan
joseph joe joey jos
josephine jo josie
joshua josh
judith judy jude
julia julie jules
julian jules
katrina trina kat
kenneth ken kenny
kimberly kimberley kim
lawrence laurence larry laurie lawrie
leonard len lenny leo
leslie lesley les
lillian lily lil lilly
lorraine lori
louis lewis lou louie
louise louisa lou lulu
lucinda lucy cindy
lucy lucille lu
luke lucas
madeline madeleine madelyn maddie maddy
madison maddie maddy
magdalene magdalena maggie lena
malcolm mal
margaret margret maggie meg peggy madge marge margie greta daisy maisie meta rita mags
marjorie margery marge margie
martha marty mattie patsy
martin marty
mary mae molly polly mamie maria marie
matilda tilly tilda maud mattie
matthew mathew matt matty
maximilian max
maxwell max
melissa mel missy lissa
michael micheal mike mick mickey mikey
michelle shelley
mildred millie
miriam mimi
mitchell mitch
nathan nate nat
nathaniel nat nate
nicholas nicolas nick nicky nico
nicole nicky nikki
norman norm
oliver ollie
olivia liv livvy ollie
pamela pam
patricia pat patty patsy trish tricia
patrick pat paddy patsy
penelope penny
peter pete
philip phillip phil pip
phyllis phyl
prudence prue
rachel rae
raymond ray
rebecca rebekah becky becca
reginald reg reggie
richard rick dick rich richie ricky
robert bob bobby rob robbie robin bert
roberta bobbie robbie
rodney rod
roger rodge
ronald ron ronnie
rosalind ros roz
rose rosie
rosemary rosie rose
russell russ
samantha sam sammy sammie
samuel sam sammy
sandra sandy
sarah sara sally sadie
sebastian seb
sidney sydney sid
solomon sol
sophia sophie
stanley stan
stephanie steph stevie
stephen steven steve stevie
stuart stewart stu
susan susanna susannah suzanne sue susie suzy
sylvester sly
terence terrence terry
theodore ted teddy theo
theresa teresa tess tessa terry tracy
thomas tom tommy thom
timothy tim timmy
tobias toby
valentine val
valerie val
veronica ronnie nica
victor vic
victoria vicky vicki tori
vincent vince vinny
virginia ginny ginger
walter walt wally
wilfred wilf fred
william bill billy will willie liam
winifred winnie freda
zachary zach zack zak
cassandra cassie cass
elijah eli
gabriella gabriela gabby gabbie ella
jackson jack
kevin kev
mackenzie kenzie
mohammed muhammad mohammad mohamed mo
natalie nat nattie
natasha tasha
savannah savvy
tiffany tiff
tyler ty
venkatesh venky venkat
wesley wes
padraig paddy
sean shaun shawn
siobhan shevaun shivaun chevonne
niamh neve neeve
sinead shinead
caoimhe keeva
saoirse seersha
ciaran kieran kieron
tadhg teague
oisin osheen
dearbhla dervla
grainne grania granya
manuel manny
francisco frank frankie
francesco frank frankie
antonio tony
josé joe joey
jesús chuy
rodrigo rodri
gustavo tavo
enrique kike
rajesh raj
krishna krish
krishnan krish
subramanian subbu mani
balasubramanian balu bala
srinivas srini cheenu
venkataraman venkat
abhishek abhi
lakshmi laxmi
`

// nicknames maps each name of nicknameGroups and nicknameGroupsEU, folded as names are
// compared, to the lines that hold it; it is built on
// first use and only read after that.
var nicknames = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for i, line := range strings.Split(strings.TrimSpace(nicknameGroups+"\n"+nicknameGroupsEU), "\n") {
		for _, name := range strings.Fields(nicknameKey(normalize.PersonName(line))) {
			if g := m[name]; len(g) == 0 || g[len(g)-1] != i {
				m[name] = append(g, i)
			}
		}
	}
	return m
})

// Nicknames reports whether two given names, in lower case, are forms of one name: Bob
// and Robert, Bob and Rob, Liz and Elizabeth, Kate and Katherine. Equal names are not
// nicknames of each other; compare them for equality first.
func Nicknames(a, b string) bool {
	if a == b {
		return false
	}
	m := nicknames()
	for _, g := range m[nicknameKey(a)] {
		for _, h := range m[nicknameKey(b)] {
			if g == h {
				return true
			}
		}
	}
	return false
}

// nicknameLines are the lines of nicknameGroups and nicknameGroupsEU, each the folded
// names of one group, indexed as nicknames indexes them.
var nicknameLines = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, line := range strings.Split(strings.TrimSpace(nicknameGroups+"\n"+nicknameGroupsEU), "\n") {
		out = append(out, strings.Fields(nicknameKey(normalize.PersonName(line))))
	}
	return out
})

// slipMinLen is the length of the names a slip is read in: a letter off a short name
// (Jan, Jon) is another name as often as a slip.
const slipMinLen = 5

// NicknameOfSlip reports whether pet, in lower case, is a nickname of a name one letter
// away from slip, which is no name the table knows: Lola against Dolpres, Dolores typed
// with a slip. Each is the woman's name in a form of its own; the two together read as
// two names, and the orders she placed as Lola and as Dolpres as two members of a
// household, or as one depending on which of her names came first. A name the table
// knows is that name, not a slip; and the slip keeps the name's first and last
// letters, which in Italian, Spanish and Portuguese say the sex (Mario, Paolo and
// Giulio are the men of Maria, Paola and Giulia, whether the table knows them or not).
func NicknameOfSlip(pet, slip string) bool {
	m := nicknames()
	slip = nicknameKey(slip)
	if utf8.RuneCountInString(slip) < slipMinLen || len(m[slip]) > 0 {
		return false
	}
	lines := nicknameLines()
	for _, g := range m[nicknameKey(pet)] {
		for _, full := range lines[g] {
			if utf8.RuneCountInString(full) >= slipMinLen && OneEdit(full, slip) && sameEnds(full, slip) {
				return true
			}
		}
	}
	return false
}

// sameEnds reports whether two words begin and end with the same letters.
func sameEnds(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	return len(ra) > 0 && len(rb) > 0 && ra[0] == rb[0] && ra[len(ra)-1] == rb[len(rb)-1]
}

// InitialOfAForm reports whether initial, one lower-case letter, begins a form of name
// (lower case) that the nickname table knows, though not name itself: T. for Anthony,
// who goes by Tony; R. for Dick, a Richard; V. for Tori, a Victoria. A buyer who signs
// with an initial signs with the name they go by as often as with the one on their
// birth certificate.
func InitialOfAForm(initial, name string) bool {
	if utf8.RuneCountInString(initial) != 1 {
		return false
	}
	lines := nicknameLines()
	for _, g := range nicknames()[nicknameKey(name)] {
		for _, form := range lines[g] {
			if strings.HasPrefix(form, initial) {
				return true
			}
		}
	}
	return false
}

// SlipOfNickname reports whether slip, in lower case, is a nickname of name typed one
// letter off, where the slip is no name the table knows and keeps the nickname's first
// letter: Jodh for Josh (Joshua), Barh for Barb (Barbara), Dlt for Dot (Dorothy). A
// short form is typed with slips as a whole name is; NicknameOfSlip is the other way
// round, a nickname beside a slip of the whole name.
func SlipOfNickname(slip, name string) bool {
	m := nicknames()
	slip = nicknameKey(slip)
	if utf8.RuneCountInString(slip) < typoMinLen || len(m[slip]) > 0 {
		return false
	}
	lines := nicknameLines()
	for _, g := range m[nicknameKey(name)] {
		for _, pet := range lines[g] {
			if pet != name && pet[0] == slip[0] && utf8.RuneCountInString(pet) >= typoMinLen && OneEdit(pet, slip) {
				return true
			}
		}
	}
	return false
}

// PetNameOfMailbox reports whether pet is, on the mailbox email, the pet name of full:
// one family name, full's first given name spelt in the mailbox (lakshmibiswas97@,
// suresh.clarke@), and pet's first given name a word the nickname table does not
// know that begins with the same letter (Lux, Suri, Venky). The table is a starting
// point, not a census: a short form it lacks, on the mailbox that spells the name it
// is short for, is that person's as often as a relative borrowing the mailbox is
// someone else's. The caller asks for the phone as well. Names of two sexes are never
// one (EnglishSexesApart).
func PetNameOfMailbox(pet, full Name, email string) bool {
	pw, fw := givenAndFamily(pet), givenAndFamily(full)
	if len(pw) < 2 || len(fw) < 2 || pw[len(pw)-1] != fw[len(fw)-1] {
		return false
	}
	p, f := nicknameKey(pw[0]), nicknameKey(fw[0])
	if len(p) < 2 || len(f) < 4 || p == f || p[0] != f[0] || len(nicknames()[p]) > 0 || EnglishSexesApart(pet, full) {
		return false
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	return strings.Contains(local, f)
}

// givenAndFamily are a Latin name's words, the given names first and the family name
// last, folded: nil for a name in Han characters.
func givenAndFamily(n Name) []string {
	if hasHan(n.text()) {
		return nil
	}
	if strings.TrimSpace(n.Given) != "" && strings.TrimSpace(n.Family) != "" {
		g, f := normalize.PersonNameWords(n.Given), normalize.PersonNameWords(n.Family)
		if len(g) == 0 || len(f) == 0 {
			return nil
		}
		return append(g, strings.Join(f, ""))
	}
	return normalize.PersonNameWords(n.text())
}
