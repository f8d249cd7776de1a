// Pure pieces of the dashboard's views, run by `node --test` in make web-check.
import test from 'node:test';
import assert from 'node:assert/strict';
import { percent, monthOf, periodOf } from '../src/period.js';
import { wapeColumns } from '../src/accuracychart.js';
import { pctOf } from '../src/forecast.js';

test('percent moves the point two places in the string, never through a float', () => {
  const cases = [['0.9731', '97.31%'], ['1', '100%'], ['0.05', '5%'], ['0.2857', '28.57%'], ['0', '0%'],
    ['0.9', '90%'], ['0.123456', '12.3456%'], ['0.10', '10%'], [null, '—'], ['', '—'], ['-0.5', '—']];
  for (const [rate, want] of cases) assert.equal(percent(rate), want, `percent(${rate})`);
});

test('monthOf is the whole month, leap days included', () => {
  assert.deepEqual(monthOf(new Date(2026, 11, 4)), { from: '2026-12-01', to: '2026-12-31' });
  assert.deepEqual(monthOf(new Date(2024, 1, 10)), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(monthOf(new Date(2025, 1, 28)), { from: '2025-02-01', to: '2025-02-28' });
});

test('periodOf reads a route argument, or falls back to the month', () => {
  const now = new Date(2026, 11, 4);
  assert.deepEqual(periodOf('2025-02-01/2025-05-31', now), { from: '2025-02-01', to: '2025-05-31' });
  assert.deepEqual(periodOf('2025-05-31/2025-02-01', now), { from: '2026-12-01', to: '2026-12-31' }, 'reversed');
  assert.deepEqual(periodOf('garbage', now), { from: '2026-12-01', to: '2026-12-31' });
  assert.deepEqual(periodOf('', now), { from: '2026-12-01', to: '2026-12-31' });
});

test('pctOf shows a share as a percentage with one decimal, a dash where nothing was scored', () => {
  assert.equal(pctOf(0.33804), '33.8%');
  assert.equal(pctOf(0), '0.0%');
  assert.equal(pctOf(null), '—');
  assert.equal(pctOf(undefined), '—');
});

test('wapeColumns pairs each series with its baseline, as percentages', () => {
  const s = (sku, chosen, baseline) => ({ sku, location: 'S1', chosen: { wape: chosen }, baseline: { wape: baseline } });
  const { labels, data } = wapeColumns([s('A', 0.3, 0.5), s('B', null, 0.4)]);
  assert.deepEqual(labels, ['A @ S1', 'B @ S1']);
  assert.deepEqual(data, [[0, 1], [30, null], [50, 40]]);
});
