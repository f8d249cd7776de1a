package resolver

import (
	"fmt"
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// BenchmarkClusterRules reads the cluster rules of matchProfile (twoPeople, the names
// of both sides) between parties of a book holding n profiles in clusters of three, as a
// batch of a tenant with a long history holds candidates: the rules' cost per call
// should not grow with n.
func BenchmarkClusterRules(b *testing.B) {
	for _, n := range []int{300, 3000, 30000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) {
			pb := &partyBook{info: map[string]PartyInfo{}, profiles: map[string]PartyProfile{},
				names: map[string]compare.Name{}}
			for i := range n {
				id := fmt.Sprintf("p%06d", i)
				if i%3 != 0 {
					pb.info[id] = PartyInfo{Root: fmt.Sprintf("p%06d", i-i%3)}
				}
				pb.profiles[id] = PartyProfile{ID: id, Given: "Anna", Family: fmt.Sprintf("Berg%d", i/3),
					Email: fmt.Sprintf("anna%d@example.com", i), Phone: fmt.Sprintf("+4670%07d", i)}
				pb.names[id] = compare.Name{Given: "Anna", Family: fmt.Sprintf("Berg%d", i/3)}
			}
			prof := pb.profiles["p000001"]
			b.ResetTimer()
			for i := range b.N {
				x, y := fmt.Sprintf("p%06d", (i*3)%n), fmt.Sprintf("p%06d", (i*3+3)%n)
				pb.twoPeople(x, y, prof)
				pb.clustersContradict(x, y, nameOf(prof))
			}
		})
	}
}
