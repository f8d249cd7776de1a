package compare

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Masked values. Chinese marketplaces (Pinduoduo, Douyin, Taobao) send personal data
// with part of it hidden: 李**, *伟, 138****5678, 上海市上海市浦东新区****,
// j***@gmail.com. What stays visible is shared by many people, so a mask can only say
// "possibly the same", never "the same"; it must never be mistaken for the value itself.

// isMaskRune reports whether r is a character platforms put in place of hidden ones.
func isMaskRune(r rune) bool {
	switch r {
	case '*', '＊', '∗', '⁎', '﹡', '●', '•', '×':
		return true
	}
	return false
}

// IsMasked reports whether s holds a platform mask: a mask character ('*', '＊', '●',
// '•', '×') in place of hidden characters, or a run of three or more x between digits
// as some systems write phone numbers (138xxxx5678); a single x between digits is too
// common in real values ("a1x2@example.com") to be read as a mask.
func IsMasked(s string) bool {
	return strings.ContainsFunc(s, isMaskRune) || xMasked(s)
}

// xMasked reports whether s hides digits behind a run of at least three x or X
// between digits.
func xMasked(s string) bool {
	i := strings.IndexAny(s, "xX")
	for i > 0 {
		j := i
		for j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
		if j-i >= 3 && isDigit(s[i-1]) && j < len(s) && isDigit(s[j]) {
			return true
		}
		k := strings.IndexAny(s[j:], "xX")
		if k < 0 {
			break
		}
		i = j + k
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// maskForm is the comparable form of a value that may be masked: NFKC, lower case,
// traditional characters simplified, spaces dropped, and each run of hidden characters
// written as one '*'. Platforms do not keep the length of what they hide (张** may hide
// one character), so a run stands for any number of characters. A byte that is not
// UTF-8 becomes U+FFFD first, as ranging over the string would read it, so that both
// sides of a comparison see it the same way whatever the normalisers do with it.
func maskForm(s string) string {
	s = Simplify(strings.ToLower(norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))))
	var b strings.Builder
	prevMask := false
	for i, r := range s {
		mask := isMaskRune(r) || ((r == 'x') && xRunBetweenDigits(s, i))
		switch {
		case mask:
			if !prevMask {
				b.WriteByte('*')
			}
		case r == ' ' || r == '\t' || r == '\u3000':
			continue
		default:
			b.WriteRune(r)
		}
		prevMask = mask
	}
	return b.String()
}

// xRunBetweenDigits reports whether the x at byte i belongs to a run of at least three
// x between digits.
func xRunBetweenDigits(s string, i int) bool {
	lo, hi := i, i
	for lo > 0 && s[lo-1] == 'x' {
		lo--
	}
	for hi < len(s) && s[hi] == 'x' {
		hi++
	}
	return hi-lo >= 3 && lo > 0 && isDigit(s[lo-1]) && hi < len(s) && isDigit(s[hi])
}

// visible returns what a mask leaves visible, without the mask runs.
func visible(form string) string { return strings.ReplaceAll(form, "*", "") }

// MaskCompatible reports whether the visible parts of a and b agree, so that one could
// be a masked form of the other, or both masked forms of one value. A masked value
// against a plain one must match it with each run of hidden characters standing for any
// characters ("张**" fits "张伟", "j***@gmail.com" fits "john@gmail.com"). Two masked
// values must agree on what both show at the start and at the end ("李**" and "李*伟").
// Two plain values are compatible only when equal. Case, width, spaces and traditional
// against simplified characters do not count.
func MaskCompatible(a, b string) bool {
	fa, fb := maskForm(a), maskForm(b)
	ma, mb := strings.Contains(fa, "*"), strings.Contains(fb, "*")
	switch {
	case ma && mb:
		return bothMaskedAgree(fa, fb)
	case ma:
		return glob(fa, fb)
	case mb:
		return glob(fb, fa)
	}
	return fa == fb
}

// bothMaskedAgree compares two masked forms on what is visible before the first mask
// and after the last one; what lies between is hidden on at least one side.
func bothMaskedAgree(a, b string) bool {
	pa, pb := a[:strings.IndexByte(a, '*')], b[:strings.IndexByte(b, '*')]
	sa, sb := a[strings.LastIndexByte(a, '*')+1:], b[strings.LastIndexByte(b, '*')+1:]
	return (strings.HasPrefix(pa, pb) || strings.HasPrefix(pb, pa)) &&
		(strings.HasSuffix(sa, sb) || strings.HasSuffix(sb, sa))
}

// glob reports whether plain fits pattern, where '*' stands for any run of characters.
// It is the linear-time matcher that remembers only the last star.
func glob(pattern, plain string) bool {
	p, s := []rune(pattern), []rune(plain)
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && p[pi] == s[si]:
			pi++
			si++
		case star >= 0:
			mark++
			pi, si = star+1, mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
