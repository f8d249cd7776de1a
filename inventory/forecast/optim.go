package forecast

import (
	"math"
	"sort"
)

// nelderMead minimises f from x0 by the Nelder-Mead simplex method, with the usual
// coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5). It needs no
// gradient, which suits likelihoods with constraint penalties: f returns +Inf outside
// the admissible region and the simplex simply steps back. step sets the first simplex's
// size per coordinate. It stops after maxEval evaluations or when the simplex's values
// agree within tol (relative). It returns the best point and its value.
func nelderMead(f func([]float64) float64, x0, step []float64, tol float64, maxEval int) ([]float64, float64) {
	n := len(x0)
	pts := make([][]float64, n+1)
	vals := make([]float64, n+1)
	for i := range pts {
		pts[i] = append([]float64(nil), x0...)
		if i > 0 {
			pts[i][i-1] += step[i-1]
		}
		vals[i] = f(pts[i])
	}
	evals := n + 1
	order := make([]int, n+1)
	centroid := make([]float64, n)
	xr, xe, xc := make([]float64, n), make([]float64, n), make([]float64, n)
	along := func(dst []float64, coef float64, worst []float64) {
		for j := range dst {
			dst[j] = centroid[j] + coef*(worst[j]-centroid[j])
		}
	}
	for evals < maxEval {
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return vals[order[a]] < vals[order[b]] })
		best, worst, second := order[0], order[n], order[n-1]
		if spread := math.Abs(vals[worst] - vals[best]); spread <= tol*(math.Abs(vals[best])+1e-12) {
			break
		}
		for j := range centroid {
			centroid[j] = 0
			for i, p := range pts {
				if i != worst {
					centroid[j] += p[j]
				}
			}
			centroid[j] /= float64(n)
		}
		along(xr, -1, pts[worst])
		fr := f(xr)
		evals++
		switch {
		case fr < vals[best]:
			along(xe, -2, pts[worst])
			fe := f(xe)
			evals++
			if fe < fr {
				copy(pts[worst], xe)
				vals[worst] = fe
			} else {
				copy(pts[worst], xr)
				vals[worst] = fr
			}
		case fr < vals[second]:
			copy(pts[worst], xr)
			vals[worst] = fr
		default:
			// Contract towards the better of the worst point and its reflection.
			if fr < vals[worst] {
				along(xc, -0.5, pts[worst])
			} else {
				along(xc, 0.5, pts[worst])
			}
			fc := f(xc)
			evals++
			if fc < math.Min(fr, vals[worst]) {
				copy(pts[worst], xc)
				vals[worst] = fc
				continue
			}
			for _, i := range order[1:] {
				for j := range pts[i] {
					pts[i][j] = pts[best][j] + 0.5*(pts[i][j]-pts[best][j])
				}
				vals[i] = f(pts[i])
				evals++
			}
		}
	}
	best := 0
	for i := range vals {
		if vals[i] < vals[best] {
			best = i
		}
	}
	return pts[best], vals[best]
}
