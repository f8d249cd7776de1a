package simulate

import (
	"errors"
	"fmt"
	"time"
)

// Noise sets how often each kind of real-life fault happens, from 0 (never) to 1.
type Noise struct {
	// Duplicate: a document is delivered again, unchanged, later.
	Duplicate float64
	// Late: a document arrives days after the business action (in a later day's file).
	Late float64
	// MissingKey: a marketplace order rung up at the POS carries no shared reference; an
	// e-shop order's tracking or payment names it in a variant form only.
	MissingKey float64
	// IDFormat: order numbers written "#1047", "SO-1047", "1047" by different systems.
	IDFormat float64
	// Contact: phones with or without country codes, e-mails in other cases, company
	// names with or without place and legal form.
	Contact float64
	// Shortage: goods received differ from what was declared.
	Shortage float64
	// Shrinkage: on a day, a store loses a unit or two of a product without any document
	// (theft, breakage): physical stock drops, book stock cannot know.
	Shrinkage float64
	// Corrupt: a document is broken on purpose (truncated, invalid check digit, missing
	// field, unknown currency); it must end in quarantine.
	Corrupt float64

	// The kinds below are modelled on what clerks, accountants, brokers and marketplaces
	// write, not on what Seam reads (noise_refs.go, noise_goods.go). Each document they
	// touch is listed in truth/noise.jsonl.

	// RefSpelling: a POS ring-up's marketplace order number is typed the clerk's way
	// ("MT-2706…", "美团单号 2706…", full-width digits, "pickup #7 / MT2706…", only the
	// last digits), in the reference, the ticket name or a line note.
	RefSpelling float64
	// RefTypo: a POS ring-up's marketplace order number has one digit mistyped; it names
	// no document, and only the sale's content links the ring-up.
	RefTypo float64
	// FreeText: an invoice names its order only in its remarks ("Order #1047, paid by
	// card"), a Stripe charge only in its description or other metadata, a customs
	// declaration its purchase order only in its remarks (NoteS); buyers' remarks hold
	// numbers that are no reference (phones, rooms).
	FreeText float64
	// DeclModel: a customs broker declares the goods by Chinese name and declaration
	// elements, with the item number only inside GModel (no ExgNo).
	DeclModel float64
	// DeclNoItem: a goods line of such a declaration names no item number at all: only
	// its name, HS code and size say what it is.
	DeclNoItem float64
	// ItemNames: a marketplace listing (Meituan, Douyin, Pinduoduo) titles a product its
	// own way ("【旗舰店】铁观音乌龙茶 250g 送礼"); the share of listings that do.
	ItemNames float64
	// UnknownStore: a sale is made under a store code seam.yaml does not have (a second
	// Square register, a second Meituan shop of the store).
	UnknownStore float64
}

// Config are the simulator's options.
type Config struct {
	Tenant string
	Seed   uint64
	Days   int
	Start  time.Time
	Stores int
	// SKUs is how many packaged products the business sells (drinks and their
	// ingredients come on top).
	SKUs int
	// OrdersPerDay scales every channel's daily volume (default 40: about 40 POS sales
	// per store and proportionally fewer marketplace and e-shop orders).
	OrdersPerDay int
	Noise        Noise
}

// DefaultConfig is a month of a three-store chain and its e-shop, with moderate noise.
func DefaultConfig() Config {
	return Config{
		Tenant: "sim", Seed: 1, Days: 30, Start: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Stores: 3, SKUs: 12, OrdersPerDay: 40,
		Noise: Noise{Duplicate: 0.02, Late: 0.03, MissingKey: 0.3, IDFormat: 0.5, Contact: 0.3, Shortage: 0.2, Shrinkage: 0.05, Corrupt: 0.005},
	}
}

// HardNoise is every fault turned up: the setting the resolution benchmark must pass.
func HardNoise() Noise {
	return Noise{Duplicate: 0.1, Late: 0.1, MissingKey: 0.6, IDFormat: 1, Contact: 0.8, Shortage: 0.5, Shrinkage: 0.2, Corrupt: 0.02,
		RefSpelling: 0.7, RefTypo: 0.02, FreeText: 0.5, DeclModel: 0.7, DeclNoItem: 0.05, ItemNames: 0.8, UnknownStore: 0.05}
}

// Validate reports options that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.Tenant == "" {
		errs = append(errs, errors.New("tenant is empty"))
	}
	if c.Days < 1 || c.Days > 3660 {
		errs = append(errs, fmt.Errorf("days %d: want 1 to 3660", c.Days))
	}
	if c.Stores < 1 || c.Stores > 999 {
		errs = append(errs, fmt.Errorf("stores %d: want 1 to 999", c.Stores))
	}
	if c.SKUs < 3 || c.SKUs > len(catalog) {
		errs = append(errs, fmt.Errorf("skus %d: want 3 to %d", c.SKUs, len(catalog)))
	}
	if c.OrdersPerDay < 1 {
		errs = append(errs, fmt.Errorf("orders per day %d: want at least 1", c.OrdersPerDay))
	}
	for name, v := range map[string]float64{"duplicate": c.Noise.Duplicate, "late": c.Noise.Late, "missing-key": c.Noise.MissingKey,
		"id-format": c.Noise.IDFormat, "contact": c.Noise.Contact, "shortage": c.Noise.Shortage, "shrinkage": c.Noise.Shrinkage,
		"corrupt": c.Noise.Corrupt, "ref-spelling": c.Noise.RefSpelling, "ref-typo": c.Noise.RefTypo, "free-text": c.Noise.FreeText,
		"decl-model": c.Noise.DeclModel, "decl-no-item": c.Noise.DeclNoItem, "item-names": c.Noise.ItemNames,
		"unknown-store": c.Noise.UnknownStore} {
		if v < 0 || v > 1 {
			errs = append(errs, fmt.Errorf("noise %s %v: want 0 to 1", name, v))
		}
	}
	return errors.Join(errs...)
}
