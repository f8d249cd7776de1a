package normalize

import (
	"strings"
	"testing"
)

// emailTests are the Email table, also the seeds of FuzzEmail.
var emailTests = []struct{ in, want string }{
	{"jan.devries@example.nl", "jan.devries@example.nl"},
	{"  Jan.DeVries@Example.NL ", "jan.devries@example.nl"},
	{"jan+shop@example.nl", "jan@example.nl"}, // a sub-address wherever it is written
	{"Benjamin52+kettles@COMCAST.NET", "benjamin52@comcast.net"},
	{"+shop@example.nl", ""},
	{"jan.+shop@example.nl", ""}, // "jan." is no mailbox
	{"jan.+shop@gmail.com", "jan@gmail.com"},
	{"Jan.De.Vries+shopify@gmail.com", "jandevries@gmail.com"},
	{"j.a.n@googlemail.com", "jan@gmail.com"},
	{"JAN@GMAIL.COM", "jan@gmail.com"},
	{"mailto:jan@example.nl", "jan@example.nl"},
	{"Jan de Vries <jan@example.nl>", "jan@example.nl"},
	{"jan@example.nl.", "jan@example.nl"},
	{"ｊａｎ＠ｅｘａｍｐｌｅ．ｎｌ", "jan@example.nl"}, // full-width
	{"o'brien@example.ie", "o'brien@example.ie"},
	{"用户@例子.中国", "用户@例子.中国"},
	{"J\u030c@example.com", "\u01f0@example.com"}, // lower-cased, then composed
	{"jan@\u030cx.nl", ""},                        // a label cannot start with a mark
	{"", ""},
	{"jan", ""},
	{"jan@", ""},
	{"@example.nl", ""},
	{"jan@example", ""},
	{"jan@@example.nl", ""},
	{"jan@ex@ample.nl", ""},
	{"jan de vries@example.nl", ""},
	{"j***@example.com", ""}, // masked
	{"jan..devries@example.nl", ""},
	{".jan@example.nl", ""},
	{"jan.@example.nl", ""},
	{"jan@-example.nl", ""},
	{"jan@example..nl", ""},
	{"jan@192.168.0.1", ""},
	{`"jan"@example.nl`, ""},
	{"+tag@gmail.com", ""}, // nothing left of the mailbox
	{"jan@example.nl, piet@example.nl", ""},
}

func TestEmail(t *testing.T) {
	for _, tt := range emailTests {
		if got := Email(tt.in); got != tt.want {
			t.Errorf("Email(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzEmail(f *testing.F) {
	for _, tt := range emailTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Email(s)
		if e == "" {
			return
		}
		if again := Email(e); again != e {
			t.Fatalf("Email(%q) = %q, but Email(%q) = %q", s, e, e, again)
		}
		if strings.Count(e, "@") != 1 || strings.ContainsAny(e, " *") || strings.ToLower(e) != e {
			t.Fatalf("Email(%q) = %q", s, e)
		}
	})
}
