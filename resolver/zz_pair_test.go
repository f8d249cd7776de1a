package resolver_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/resolver"
	"github.com/seamhub/seam/resolver/internal/cnpeople"
)

func TestZZPair(t *testing.T) {
	dir, pairs := os.Getenv("SEAM_CN_DIR"), os.Getenv("SEAM_PAIRS")
	if pairs == "" {
		t.Skip("throwaway")
	}
	recs, _ := cnpeople.Read(filepath.Join(dir, "cn.csv"))
	by := map[string]cnpeople.Record{}
	for _, r := range recs {
		by[r.Key] = r
	}
	pm := resolver.DefaultPartyModel()
	for _, p := range strings.Split(pairs, ";") {
		k := strings.Split(p, ",")
		a, c := resolver.ProfileOf(by[k[0]].Ref), resolver.ProfileOf(by[k[1]].Ref)
		fmt.Printf("%s %+v\n%s %+v\n  %s\n", k[0], a.Place, k[1], c.Place, pm.Explain(resolver.CompareParties(a, c), a, resolver.Frequency{}))
		for _, l := range resolver.CompareParties(a, c) {
			fmt.Printf("    %+v\n", l)
		}
	}
}
