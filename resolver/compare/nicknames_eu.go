package compare

import (
	"strings"
	"unicode/utf8"
)

// nicknameKey is a folded given name as the nickname table files it: with the letters
// that folding keeps (Polish ł, Danish ø, German ß) written as shops without them
// write them, so that Malgorzata finds Gosia as Małgorzata does.
func nicknameKey(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return nicknameLetters.Replace(name)
		}
	}
	return name // none of nicknameLetters' letters, which are not ASCII: no copy

}

var nicknameLetters = strings.NewReplacer("ł", "l", "ø", "o", "ß", "ss", "đ", "d")

// nicknameGroupsEU lists given names of continental Europe and Brazil with the short
// and pet forms their families and friends use, and that people type into a shop's
// first-name field as readily as the name on their papers: Beppe for Giuseppe, Pepe
// for José, Kasia for Katarzyna, Kees for Cornelis. Many of them share no letter with
// the name at its start, so neither spelling nor sound links them; without the table
// the same mailbox under Giuseppe and Beppe reads as two members of a household.
//
// One group a line, as in nicknameGroups: two names are nicknames of each other when a
// line holds both. A short form used for two names stands on both lines (Totò for
// Salvatore and for Antonio, Lele for Gabriele, Raffaele and Emanuele), and a woman's
// name and a man's stay on lines of their own (Gabriele and Gabriela share Gabi, not a
// line), so that Jan and Johanna, or Fede for Federico and for Federica, never make
// the husband and wife one person. Names are written as people write them; accents
// are folded away on loading as names are when compared (Totò is toto, Małgorzata
// keeps its ł). Written for this package from common knowledge of these languages, a
// starting point, not a census.
const nicknameGroupsEU = `
johannes johann jan hans hannes jo johan joop joost jannes
johanna hanna hanne hanneke janneke anneke jo joke
katharina kathrin katrin kati katja kathi
elisabeth lisa liesel lies liese elli ilse els elsje lisette babette
margarete margarethe grete gretel greta marga
wolfgang wolf
wilhelm willi willy wim
wilhelmus willem wim pim wil
wilhelmina mien mina willy
friedrich fritz friedel
heinrich heinz heini
matthias mathias matze
nikolaus klaus claus niklas
nicolaas klaas niek
josef joseph sepp seppl jupp
franziska franzi
franz franzl
magdalena lena leni magda madzia
susanne susi sanne
barbara bärbel babsi basia
dorothea dora doro thea
gertrud gertraud trude gerti
ulrich uli ulli
rudolf rudi ruud
bernhard bernd
cornelia conny corrie nelleke
ludwig lutz
georg jörg schorsch
ursula uschi ulla
urszula ula
gabriele gabi gaby
gabriela gabi
sebastian basti
sebastiaan bas
ingeborg inge
hildegard hilde
brigitte gitte biggi
angelika angie geli
cornelis kees cees cor corné neel
hendrik henk hein henkie
hendrika riek rika
jacobus jaap koos cobus sjaak
jacoba coby
petronella nel
petrus pieter piet
gerardus gerard gert gerrit
adrianus adriaan arie aad
antonius anton toon teun
theodorus theo dorus
franciscus frans
martinus tinus
maria mia mieke marieke ria marysia
catharina katrien karin toos trijn
geertruida geertje truus
josephus joep jos sjef
gijsbertus gijs
lambertus bert lammert
albertus bert
hubertus huib
daniel daan dani
marinus rinus
andreas andries dries andi
alexandre alex xande
alexander olek aleks
aleksander olek aleks
aleksandra ola oleńka
frédéric fred
christophe chris
philippe phil
dominique dom
mathilde mathy
nathalie nat
maxime max
pierre pierrot
florence flo
caroline caro
marguerite margot
jacqueline jacky
béatrice béa
emmanuel manu
emmanuelle manue
sébastien seb
maximilien max
massimiliano max massi
véronique véro
stéphanie stéph
isabelle isa
josé pepe pepito zé
josefa pepa fina
josefina fina pepa
ignacio nacho
francisco paco pancho curro kiko quico chico xico
dolores lola loli
concepción concha conchita
rosario charo chayo
mercedes merche
guadalupe lupe lupita
jesús chucho chus suso
manuel manolo manu mané
enrique quique
alfonso poncho
alberto beto
roberto beto robi
roberta robi
eduardo edu lalo dudu
guillermo memo guille
ramón moncho
santiago santi yago
joaquín quino chimo
isabel chabela isa
teresa tere tereska
pilar pili
consuelo chelo
asunción asun
vicente chente
rafael rafa
alejandro alex ale jandro
alejandra ale
fernando nando
fernanda nanda
luiz luís luis lu
encarnación encarna
inmaculada inma
purificación puri
montserrat montse
natividad nati
trinidad trini
cristina cris
patricia patri
francisca paca paquita
gonzalo chalo
federico fede
federica fede
giuseppe peppe beppe pino peppino bepi
giuseppina pina peppina giusy
salvatore totò turi
antonio toni tonino nino totò toño toninho tonho
vincenzo enzo cenzo
lorenzo renzo enzo
giovanni gianni nanni vanni
giovanna gianna vanna
francesco franco checco cesco ciccio
domenico mimmo
alessandro sandro
alessandra sandra
luigi gino
margherita ghita
elisabetta betta
raffaele lele
gabriele lele
emanuele lele manu
daniele lele
leonardo leo
maurizio mauri
beatrice bea bice
beatriz bea bia
benedetta betta
annunziata nunzia
riccardo ricky
guilherme gui
henrique rique
katarzyna kasia kaśka
małgorzata gosia małgosia
tomasz tomek
wojciech wojtek
agnieszka aga
anna ania anka
elżbieta ela elka
joanna asia joasia
krzysztof krzyś krzysiek
michał michałek
piotr piotrek
jakub kuba
jan janek jasiek
józef józek
stanisław staszek stasiek
zbigniew zbyszek
władysław władek
grzegorz grzesiek
andrzej jędrek
zofia zosia
jadwiga jadzia
ewa ewka
weronika wera
wiktoria wika
`
