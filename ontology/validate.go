package ontology

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/go-playground/validator/v10"

	"github.com/seamhub/seam/ontology/check"
)

// Problem is one precise reason a document was refused: which field, which rule, which
// value. Quarantine keeps these so that a person can fix the mapping or the source.
type Problem struct {
	Field string `json:"field"`
	Rule  string `json:"rule"`
	Value string `json:"value,omitempty"`
	// Message says the same in words, for people.
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Value == "" {
		return fmt.Sprintf("%s: %s", p.Field, p.Message)
	}
	return fmt.Sprintf("%s: %s (value %q)", p.Field, p.Message, p.Value)
}

// InvalidError is returned when a document breaks one or more rules.
type InvalidError struct {
	Problems []Problem
}

func (e *InvalidError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return "invalid document: " + strings.Join(parts, "; ")
}

// ProblemsOf returns the problems carried by err, or one problem holding err's text.
func ProblemsOf(err error) []Problem {
	var inv *InvalidError
	if errors.As(err, &inv) {
		return inv.Problems
	}
	return []Problem{{Field: "", Rule: "error", Message: err.Error()}}
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// Validator checks canonical documents: the struct rules written on the types with
// validator/v10 tags, plus the domain checks (GS1, USCC, currency...) that need code.
// It is safe for concurrent use; build one per process.
type Validator struct {
	v *validator.Validate
}

// NewValidator builds a Validator with Seam's custom rules registered.
func NewValidator() *Validator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(tag string, fn validator.Func) {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(fmt.Sprintf("register %s: %v", tag, err)) // a programming error, caught by any test
		}
	}
	must("name", func(fl validator.FieldLevel) bool { return nameRE.MatchString(fl.Field().String()) })
	must("verb", func(fl validator.FieldLevel) bool { return Verb(fl.Field().String()).Valid() })
	must("gtin", func(fl validator.FieldLevel) bool { _, err := check.GTIN14(fl.Field().String()); return err == nil })
	must("sscc", func(fl validator.FieldLevel) bool { return check.SSCC(fl.Field().String()) == nil })
	return &Validator{v: v}
}

// messages explains each rule in words.
var messages = map[string]string{
	"required":  "is required",
	"name":      "must be lower-case letters, digits, '-' or '_' (at most 63)",
	"verb":      "is not a business verb",
	"gtin":      "is not a valid GTIN (GS1 check digit)",
	"sscc":      "is not a valid SSCC (18 digits, GS1 check digit)",
	"len":       "has the wrong length",
	"max":       "is too long",
	"min":       "is too short",
	"numeric":   "must be digits",
	"uppercase": "must be upper case",
}

// Document checks d and returns an *InvalidError listing every problem, or nil.
func (val *Validator) Document(d *Document) error {
	var problems []Problem
	if err := val.v.Struct(d); err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			return fmt.Errorf("validating document: %w", err)
		}
		for _, fe := range verrs {
			msg, ok := messages[fe.Tag()]
			if !ok {
				msg = "breaks rule " + fe.Tag()
			}
			problems = append(problems, Problem{
				Field:   strings.TrimPrefix(fe.Namespace(), "Document."),
				Rule:    fe.Tag(),
				Value:   fmt.Sprint(fe.Value()),
				Message: msg,
			})
		}
	}
	problems = append(problems, domainProblems(d)...)
	if len(problems) > 0 {
		return &InvalidError{Problems: problems}
	}
	return nil
}

// domainProblems applies the checks that depend on what a field means, not only its shape.
func domainProblems(d *Document) []Problem {
	var ps []Problem
	add := func(field, rule, value string, err error) {
		ps = append(ps, Problem{Field: field, Rule: rule, Value: value, Message: err.Error()})
	}
	money := func(field string, m *Money) {
		if m == nil {
			return
		}
		if _, _, err := check.Currency(m.Currency); err != nil {
			add(field+".currency", "currency", m.Currency, err)
		}
	}
	money("total", d.Total)
	ps = append(ps, signalProblems(d)...)
	if d.Role == "" {
		// reported by the struct rules
	} else if needsLines(d.Role) && len(d.Lines) == 0 && d.Verb != VerbCancelled {
		// A cancellation moves no goods, so it need not list them: Meituan's
		// cancellation push names only the order it withdraws.
		ps = append(ps, Problem{Field: "lines", Rule: "required", Message: "a " + string(d.Role) + " document needs at least one goods line"})
	}
	for i, l := range d.Lines {
		f := fmt.Sprintf("lines[%d]", i)
		// A line that names its product only in words (a customs goods name, HS code and
		// declaration elements) is valid: resolution identifies the product, or keeps the
		// line waiting as an unresolved product. One that says nothing at all is not.
		if l.SKU == "" && l.GTIN == "" && l.ExternalID == "" && l.Title == "" && l.Model == "" {
			ps = append(ps, Problem{Field: f + ".sku", Rule: "required", Message: "a line needs a SKU, GTIN, item id, title or specification"})
		}
		if l.Qty < 0 {
			ps = append(ps, Problem{Field: f + ".qty", Rule: "min", Value: l.Qty.String(), Message: "must not be negative"})
		}
		money(f+".unitPrice", l.UnitPrice)
	}
	for i, r := range d.Refs {
		f := fmt.Sprintf("refs[%d].value", i)
		var err error
		switch r.Kind {
		case RefContainer:
			err = check.ContainerNumber(r.Value)
		case RefEntry:
			if d.Key.System == "china-customs" {
				err = check.ChinaEntryID(r.Value)
			}
		}
		if err != nil {
			add(f, string(r.Kind), r.Value, err)
		}
	}
	for i, p := range d.Parties {
		if p.TaxID != "" && looksLikeUSCC(p.TaxID) {
			if err := check.USCC(p.TaxID); err != nil {
				add(fmt.Sprintf("parties[%d].taxId", i), "uscc", p.TaxID, err)
			}
		}
	}
	return ps
}

// needsLines reports whether a document of this role must carry goods lines.
func needsLines(r Role) bool {
	switch r {
	case RoleOrder, RolePOS, RoleDeclaration, RoleReceipt:
		return true
	}
	return false
}

// looksLikeUSCC tells a Chinese unified social credit code from other tax ids (EORI, VAT,
// EIN) that share the field: 18 characters, the first two a registration authority and an
// entity type code.
func looksLikeUSCC(s string) bool {
	return len(s) == 18 && !strings.ContainsAny(s[:2], "abcdefghijklmnopqrstuvwxyz-") && (s[0] >= '1' && s[0] <= '9' || s[0] >= 'A' && s[0] <= 'Y')
}
