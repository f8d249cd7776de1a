package compare

import (
	"fmt"
	"testing"
)

func TestPhoneLevel(t *testing.T) {
	for _, tt := range []struct {
		a, b, country string
		want          Kind
	}{
		{"+86 138 1234 5678", "13812345678", "CN", Exact},
		{"0086-138-1234-5678", "+8613812345678", "", Exact},
		{"06-12345678", "+31 6 1234 5678", "NL", Exact},
		{"13812345678", "13812345687", "CN", Typo},
		{"13812345678", "13812345679", "CN", Typo},
		{"13812345678", "13998765432", "CN", Different},
		// Seven digits shown, the first three and last four: few numbers share them.
		{"138****5678", "13812345678", "CN", MaskedDigits},
		{"138****5678", "+86 138 1234 5678", "", MaskedDigits},
		{"138xxxx5678", "13800005678", "CN", MaskedDigits},
		{"+86 138****5678", "+86 138 1234 5678", "", MaskedDigits}, // 86 on both sides is not the person's
		{"138****5678", "138****5678", "CN", MaskedCompatible},     // both masked: the hidden digits may differ
		{"138****5678", "13812345679", "CN", Different},
		{"138****5678", "139****5678", "CN", Different},
		// Fewer digits shown: many numbers fit.
		{"*******5678", "13812345678", "CN", MaskedCompatible},
		{"+86 1*******678", "+86 138 1234 5678", "", MaskedCompatible},
		{"138****5678", "*******5678", "CN", MaskedCompatible}, // both show only the last four
		{"138*****678", "13812345678", "CN", MaskedCompatible},
		{"***********", "13812345678", "CN", Null},
		{"13812345678_1234", "13812345678", "CN", Null}, // Meituan privacy number
		{"138****5678", "13812345678_1234", "CN", Null},
		// Meituan's mask of the buyer's own number with the privacy line's extension:
		// the extension is no digit of the number.
		{"138****5678_1234", "13812345678", "CN", MaskedDigits},
		{"138****5678_1234", "13812341234", "CN", Different},
		{"138****5678_1234", "138****5678", "CN", MaskedCompatible},
		{"", "13812345678", "CN", Null},
		{"call me", "13812345678", "CN", Null},
		// A US number typed without +1 by a customer whose country field says GB,
		// where no plan reads it: the national number of the other side's.
		{"5171196451", "+1 517-119-6451", "GB", Exact},
		{"517 119 6451", "+1 (517) 119-6451", "GB", Exact},
		{"5171196451", "+1 517-119-6452", "GB", Null},
		{"19-6451", "+1 517-119-6451", "GB", Null},       // too short to be a number
		{"5171196451_12", "+1 517-119-6451", "GB", Null}, // a privacy number
		{"0171196451", "+44 171196451", "US", Null},      // a trunk 0: a national number of elsewhere
		// The same digits on both sides where no plan reads them (a US number with a
		// leading 0, as a form took it): the same number, whatever it is.
		{"0684297730", "068-429-7730", "US", Exact},
		{"0684297730", "0684297731", "US", Null},
		{"16550947305-8560", "16550947305-8560", "CN", Null}, // a privacy number and its extension
		{"1234567", "1234567", "US", Null},                   // too short to tell
	} {
		checkLevel(t, fmt.Sprintf("PhoneLevel(%q, %q, %q)", tt.a, tt.b, tt.country),
			PhoneLevel(tt.a, tt.b, tt.country), PhoneLevel(tt.b, tt.a, tt.country), tt.want, PhoneKinds())
	}
}

func TestMobileMaskKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"+8613812345678", "138*5678"},
		{"138****5678", "138*5678"},
		{"+86 138****5678", "138*5678"},
		{"0086 138xxxx5678", "138*5678"},
		{"185＊＊＊＊8209", "185*8209"},      // full-width stars
		{"*******5678", ""},              // the first digits hidden
		{"138*****678", ""},              // a digit of the last four hidden
		{"+861012345678", ""},            // a Beijing landline, not a mobile
		{"+31612345678", ""},             // not a mainland number
		{"+8613812345678_1234", ""},      // a privacy number with its extension
		{"138****5678_1234", "138*5678"}, // Meituan's mask of the buyer's number, with the extension
		{"", ""},
	} {
		if got := MobileMaskKey(tt.in); got != tt.want {
			t.Errorf("MobileMaskKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmailLevel(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want Kind
	}{
		{"Jan.Smit@Gmail.com", "jansmit@gmail.com", Exact},
		{"jan.smit+shop@gmail.com", "jansmit@googlemail.com", Exact},
		{"jan.smit@example.nl", "jan.smit@example.com", Partial},
		{"jan@gmail.com", "jan@outlook.com", Partial},
		{"jansmit@gmial.com", "jansmit@gmail.com", Partial}, // same local part comes first
		{"jansmit@example.nl", "jansmti@example.nl", Typo},
		// A handle's dots count away from Google: wei.zhang@163.com and weizhang@gmail.com
		// are as likely two people called Zhang Wei (a mistyped Google domain is
		// resolver's mailboxProviderSlip's, which asks for more than a name).
		{"wei.zhang@163.com", "wei.zhang@gmail.com", Different},
		{"s.anderson@outlook.com", "sand.erson@yahoo.com", Different},
		{"jon@example.nl", "john@example.nl", Typo},
		{"jan@example.nl", "piet@example.nl", Different},
		{"j***@gmail.com", "john@gmail.com", MaskedCompatible},
		{"j***@gmail.com", "J.ohn@Gmail.com", MaskedCompatible},
		{"j***@gmail.com", "john@yahoo.com", Different},
		{"j***@gmail.com", "mary@gmail.com", Different},
		{"***@***", "john@gmail.com", Null},
		{"not an address", "john@gmail.com", Null},
		{"", "john@gmail.com", Null},
	} {
		checkLevel(t, fmt.Sprintf("EmailLevel(%q, %q)", tt.a, tt.b), EmailLevel(tt.a, tt.b), EmailLevel(tt.b, tt.a), tt.want, EmailKinds())
	}
}

func TestNamePhoneTail(t *testing.T) {
	for name, want := range map[string]string{
		"王丽7496": "7496", "萧依航0321": "0321", "王丽７４９６": "7496", // full-width digits too
		"王丽": "", "王丽749": "", "Room 7496": "", "7496": "", "王丽17496": "",
	} {
		if got := NamePhoneTail(name); got != want {
			t.Errorf("NamePhoneTail(%q) = %q, want %q", name, got, want)
		}
	}
	if !PhoneEndsWith("+8613721097496", "7496") || PhoneEndsWith("137****7496", "7496") || PhoneEndsWith("+8613721097496", "") {
		t.Error("PhoneEndsWith: a plain number's last digits, never a mask's")
	}
}

func TestMailboxNamesAnother(t *testing.T) {
	for _, c := range []struct {
		email, name string
		want        bool
	}{
		{"fengying.zhang@126.com", "張輝", true}, // his wife's mailbox
		{"zhangfengying@126.com", "张辉", true},
		{"huan.li@outlook.com", "李刚", true},
		{"lvhua@163.com", "吕刚", true},            // ü written v
		{"fengying.zhang@126.com", "张凤英", false}, // her own
		{"wangxiuying9@gmail.com", "王秀英", false},
		{"zhang@126.com", "张辉", false},            // the family name alone
		{"amy.zhang@126.com", "张辉", false},        // an English name: which member, it does not say
		{"lihome@126.com", "李刚", false},           // no given name in pinyin
		{"2870346826@qq.com", "景金凤", false},       // a QQ number
		{"huan.li@outlook.com", "Gang Li", false}, // no Han name to read
	} {
		if got := MailboxNamesAnother(c.email, Name{Full: c.name}); got != c.want {
			t.Errorf("%s against %s: %v, want %v", c.email, c.name, got, c.want)
		}
	}
}
