package compare

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver/normalize"
)

// English given names that name one sex in nearly all English-speaking bearers, with
// their usual short forms: the names a mother and her son (Stephanie and Stephen
// Rivera), a brother and a sister, or a husband and a wife go by. A man's and a woman's
// given name are two people however close they are spelt. Names borne by both (Alex,
// Chris, Sam, Jo, Jackie, Kelly, Sandy, Terry, Jordan, Taylor, Casey, Robin, Leslie,
// Jamie, Morgan) are left out, and every name not listed: an unknown name says nothing.
var (
	womenEnglish = wordSet("abigail abby ada adriana alexandra alice alicia alison allison ally amanda amber amelia amy " +
		"andrea angela angelina anita ann anna anne annette annie april ashley audrey ava barbara beatrice becky bella " +
		"bethany betty beverly bonnie brenda brianna bridget brittany brooke caitlin camila carla carmen carol caroline " +
		"carolyn carrie cassandra catherine cathy charlotte chelsea cheryl chloe christina christine claire clara claudia " +
		"colleen courtney crystal cynthia daisy danielle deborah debbie debra denise diana diane donna doris dorothy " +
		"eileen elaine eleanor elena elizabeth ella ellen emily emma erica erin esther eva evelyn faith fiona florence " +
		"frances gabriella gemma gina gloria grace hailey hannah harriet hazel heather helen holly irene isabel isabella " +
		"isla ivy jacqueline jane janet janice jasmine jean jenna jennifer jenny jessica jill joan joanna josephine joyce " +
		"judith judy julia julie karen kate katelyn katherine kathleen kathryn kathy katie kayla kimberly kristen laura " +
		"lauren leah lily linda lindsay lisa lois lori louise lucy lydia lynn madeline madison maddie maggie mandy " +
		"margaret maria marie marilyn martha mary megan melanie melissa mia michelle mildred molly monica nancy natalie " +
		"natasha nicole nina norma olivia paige pamela patricia paula pauline peggy penny phoebe phyllis priya rachel " +
		"rebecca rita rose rosemary ruby ruth sally samantha sammie sandra sara sarah savannah sharon sheila shirley " +
		"sophia sophie stacy stella stephanie sue susan susannah suzanne sylvia tammy tanya teresa theresa tiffany tina " +
		"valerie vanessa veronica vicky victoria violet virginia vivian wendy whitney yvonne zoe")
	menEnglish = wordSet("aaron adam adrian aiden alan albert alexander alfred allen alvin andrew andy anthony antonio " +
		"archie arthur austin barry ben benjamin bernard bill billy bob bobby brad bradley brandon brendan brett brian " +
		"bruce bryan caleb calvin carl carlos charles chad christian christopher clarence clifford colin connor " +
		"craig curtis daniel danny darren david dean dennis derek dominic don donald douglas dylan earl edward " +
		"elijah eric ethan eugene evan frank fred frederick gary gavin geoffrey george gerald gordon graham " +
		"gregory harold harrison harry henry howard hugh ian isaac ivan jack jackson jacob jake james jason jeff " +
		"jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan joseph josh joshua juan justin keith " +
		"kenneth kevin kyle larry lawrence leo leon leonard liam logan louis luke malcolm marcus mark martin mason " +
		"matthew max michael mike mitchell mohammed muhammad nathan neil nicholas nick noah norman oliver oscar owen " +
		"patrick paul peter phil philip phillip ralph randy raymond rahul richard rick ricky robert roger ronald ross " +
		"roy russell ryan samuel scott sean seth shane simon stanley stephen steve steven stuart ted theodore thomas " +
		"tim timothy todd tom tommy tony travis trevor troy tyler victor vincent walter wayne wesley william willie " +
		"wilson zachary")
)

// FirstGivenSex returns the sex the first given name of a Latin name points to, by the
// lists above: the first word of the given-name field, or of the whole name where the
// fields are not both filled; unknown for any name not listed.
func FirstGivenSex(n Name) Gender {
	text := n.Given
	if strings.TrimSpace(n.Given) == "" || strings.TrimSpace(n.Family) == "" {
		text = n.text()
	}
	if hasHan(text) {
		return GenderUnknown
	}
	words := normalize.PersonNameWords(text)
	if len(words) == 0 {
		return GenderUnknown
	}
	return genderOf(womenEnglish[words[0]], menEnglish[words[0]])
}

// EnglishSexesApart reports whether two Latin names are called by English given names
// of two sexes: Stephanie and Stephen (or Steve), Madison and Mason, Ally and Allen. A
// mother and her son on the family's landline, a brother and a sister on one mailbox,
// are two people, whatever the spelling or the other fields share. Two names of the same
// words in another order (fields typed swapped) are one name, never apart.
func EnglishSexesApart(a, b Name) bool {
	if !differ(FirstGivenSex(a), FirstGivenSex(b)) {
		return false
	}
	wa, wb := normalize.PersonNameWords(a.text()), normalize.PersonNameWords(b.text())
	return !slices.Equal(slices.Sorted(slices.Values(wa)), slices.Sorted(slices.Values(wb)))
}
