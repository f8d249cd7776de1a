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
		{"138****5678", "13812345678", "CN", MaskedCompatible},
		{"138****5678", "+86 138 1234 5678", "", MaskedCompatible},
		{"138xxxx5678", "13800005678", "CN", MaskedCompatible},
		{"138****5678", "138****5678", "CN", MaskedCompatible}, // both masked: possible, never exact
		{"138****5678", "13812345679", "CN", Different},
		{"138****5678", "139****5678", "CN", Different},
		{"*******5678", "13812345678", "CN", MaskedCompatible},
		{"***********", "13812345678", "CN", Null},
		{"13812345678_1234", "13812345678", "CN", Null}, // Meituan privacy number
		{"138****5678", "13812345678_1234", "CN", Null},
		{"", "13812345678", "CN", Null},
		{"call me", "13812345678", "CN", Null},
	} {
		checkLevel(t, fmt.Sprintf("PhoneLevel(%q, %q, %q)", tt.a, tt.b, tt.country),
			PhoneLevel(tt.a, tt.b, tt.country), PhoneLevel(tt.b, tt.a, tt.country), tt.want, PhoneKinds())
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
