package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestDashboardFinanceForecastsBaseline is issue 16's acceptance for the panels finance
// and planning read: headless Chromium, signed in with a finance key, picks a period
// and sees its reconciliation summary and exceptions with their reasons, opens a
// document's raw payload and the event's lineage, and the period's five-level
// baseline; an admin key sees the forecast credibility board with its chart and
// approves, by keyboard, the proposal the breaker held; a reader key is told it may not
// see reconciliation. axe-core finds no serious or critical violation on any of them.
func TestDashboardFinanceForecastsBaseline(t *testing.T) {
	exe, axe := browserTools(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr

	// The data: twelve weeks of a store's bread and milk, forecast (milk's proposal is
	// held), then a spring of sales, payouts and purchases with injected discrepancies.
	bakeryHistory(t, s, tenant)
	if out := seam(t, "forecast", "--tenant", tenant); !strings.Contains(out, "1 held") {
		t.Fatalf("seam forecast said:\n%s", out)
	}
	ingestAll(t, tenant, injectedDocs(t))
	finance, reader, admin := mintKey(t, tenant, "finance"), mintKey(t, tenant, "reader"), adminKey(t, tenant)

	dir := t.ArtifactDir()
	t.Logf("screenshots and axe reports: %s", dir)
	b := newBrowserTab(t, exe, dir)
	b.do("opening the dashboard", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#api-key")))
	b.signIn(finance)

	// Finance opens on the current month; the picker moves it to the spring.
	b.do("opening finance", chromedp.Navigate(base+"/#/finance"))
	b.waitFor("the period picker", `!!document.querySelector('#fin-from')`, 10*time.Second)
	var from string
	b.eval(`document.querySelector('#fin-from').value`, &from)
	if want := time.Now().Format("2006-01") + "-01"; from != want {
		t.Errorf("the period starts on %q, want the first of this month %q", from, want)
	}
	b.eval(`(() => { const set = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); };
		set('fin-from', '2025-02-01'); set('fin-to', '2025-05-31'); document.querySelector('form.period button[type=submit]').click(); return true; })()`, nil)
	b.waitFor("the summary's rate", `document.querySelector('[data-summary] [data-rate]')?.innerText === '21.43%'`, 20*time.Second)
	b.waitFor("the exceptions", `document.querySelectorAll('li[data-exception]').length >= 10`, 20*time.Second)
	var text string
	b.eval(`document.querySelector('[data-summary]').innerText`, &text)
	for _, want := range []string{"3 of 14", "amount_mismatch", "unmatched", "EUR"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	// Payouts pay out sales counted under Amounts: the table shows them in a column of
	// their own, so that nobody adds them to the sales a second time.
	var paidOut string
	b.eval(`[...document.querySelectorAll('[data-summary] td[data-paid-out]')].map(td => td.innerText).filter(t => t !== '—').join('; ')`, &paidOut)
	if !strings.Contains(paidOut, "EUR") {
		t.Errorf("no status shows the period's payouts apart (paid out: %q)", paidOut)
	}
	if got := b.hash(); got != "#/finance/2025-02-01/2025-05-31" {
		t.Errorf("the address says %q after picking a period", got)
	}
	mismatch := `[...document.querySelectorAll('li[data-exception]')].find(li => li.querySelector('table.reasons code')?.innerText === 'amount_mismatch')`
	b.waitFor("an amount mismatch with its figures", mismatch+`?.querySelector('table.reasons td')?.innerText.length > 0`, 5*time.Second)
	b.eval(`(() => { `+mismatch+`.querySelector('table.reasons .raw button').click(); return true; })()`, nil)
	b.waitFor("the document's raw payload", mismatch+`.querySelector('table.reasons .raw pre')?.innerText.length > 20`, 10*time.Second)
	b.axeCheck("finance", axe)
	b.shot("finance")
	var event string
	b.eval(mismatch+`.dataset.exception`, &event)
	b.eval(`(() => { `+mismatch+`.querySelector('h3 a').click(); return true; })()`, nil)
	b.waitFor("the exception's lineage", `location.hash === '#/event/`+event+`' && document.querySelectorAll('.lineage svg .node.doc').length >= 2`, 10*time.Second)
	b.shot("finance-lineage")

	// The five-level baseline of the same period.
	b.do("opening the baseline", chromedp.Navigate(base+"/#/baseline/2025-02-01/2025-05-31"))
	b.waitFor("the level", `document.querySelector('[data-maturity] [data-level]')?.innerText === 'Level 0'`, 20*time.Second)
	acc := `document.querySelector('tr[data-figure="stock accuracy"]')`
	b.waitFor("stock accuracy against its target", acc+`?.innerText.includes('75.00%') && `+acc+`.innerText.includes('not met')`, 5*time.Second)
	b.tabUntil("the evidence of stock accuracy", 40, func(f focused) bool { return strings.Contains(f.Name, "of evidence for stock accuracy") })
	b.do("opening the evidence by keyboard", chromedp.KeyEvent(kb.Enter))
	b.waitFor("the evidence", acc+`.querySelectorAll('details[open] .evidence li').length >= 2`, 5*time.Second)
	b.axeCheck("baseline", axe)
	b.shot("baseline")

	// Forecasts with an admin key (approving is an operator's; admin may do anything).
	b.signOut()
	b.signIn(admin)
	b.do("opening forecasts", chromedp.Navigate(base+"/#/forecast"))
	b.waitFor("the board", `/^\d+\.\d%$/.test(document.querySelector('[data-board] [data-wape]')?.innerText || '')`, 20*time.Second)
	b.waitFor("the chart", `!!document.querySelector('figure.accuracy canvas') && document.querySelector('figure.accuracy [role=img]').getAttribute('aria-label').includes('BREAD')`, 5*time.Second)
	b.waitFor("the held proposal", `document.querySelector('table.proposals tr[data-proposal] th')?.innerText === 'MILK'`, 10*time.Second)
	b.axeCheck("forecasts", axe)
	b.shot("forecasts")
	b.do("reloading", chromedp.Reload())
	b.waitFor("the held proposal", `!!document.querySelector('table.proposals tr[data-proposal]')`, 20*time.Second)
	b.tabTo("Approve", 60)
	b.do("approving by keyboard", chromedp.KeyEvent(kb.Enter))
	b.waitFor("nothing left to approve", `document.querySelector('[aria-labelledby="fc-prop-h"]')?.innerText.includes('No proposal waits for approval.')`, 10*time.Second)
	b.shot("forecasts-approved")
	var ps struct{ OrderProposals []proposalRow }
	if r := graphQL(t, base, tenant, `{ orderProposals { `+proposalFields+` } }`, nil, &ps); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	for _, p := range ps.OrderProposals {
		if p.Sku == "MILK" && (p.Status != "APPROVED" || p.ApprovedBy == nil) {
			t.Errorf("after approving in the browser milk's proposal is %+v", p)
		}
	}

	// A reader is told plainly that reconciliation is not for its key.
	b.signOut()
	b.signIn(reader)
	b.do("opening finance as a reader", chromedp.Navigate(base+"/#/finance/2025-02-01/2025-05-31"))
	b.waitFor("the refusal, said once", `document.querySelectorAll('main .note').length === 1 && document.querySelector('main .note').innerText.includes('may not see the reconciliation')`, 10*time.Second)
	b.waitFor("no period or exceptions for it", `!document.querySelector('#fin-from') && !document.querySelector('#fin-exc-h')`, 5*time.Second)
	b.axeCheck("finance-reader", axe)
	b.shot("finance-reader")
}

// injectedDocs writes the finance acceptance's documents into a fresh folder.
func injectedDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	injectedDiscrepancies(&financeDocs{t: t, dir: dir})
	return dir
}
