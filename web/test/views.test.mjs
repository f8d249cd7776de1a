// Pure pieces of the dashboard's views, run by `node --test` in make web-check.
import test from 'node:test';
import assert from 'node:assert/strict';
import { percent, monthOf } from '../src/finance.js';
import { metric, wapeColumns } from '../src/forecast.js';

test('percent moves the point two places in the string, never through a float', () => {
  const cases = [['0.9731', '97.31%'], ['1', '100%'], ['0.05', '5%'], ['0.2857', '28.57%'], ['0', '0%'],
    ['0.9', '90%'], ['0.123456', '12.3456%'], ['0.10', '10%'], [null, '—'], ['', '—']];
  for (const [rate, want] of cases) assert.equal(percent(rate), want, `percent(${rate})`);
});

test('monthOf is the whole month, leap days included', () => {
  assert.deepEqual(monthOf(new Date('2026-12-04T10:00:00Z')), { from: '2026-12-01', to: '2026-12-31' });
  assert.deepEqual(monthOf(new Date('2024-02-10T00:00:00Z')), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(monthOf(new Date('2025-02-28T23:59:59Z')), { from: '2025-02-01', to: '2025-02-28' });
});

test('metric shows three decimals, a dash where nothing was scored', () => {
  assert.equal(metric(0.33804), '0.338');
  assert.equal(metric(null), '—');
  assert.equal(metric(undefined), '—');
});

test('wapeColumns leaves out series without a WAPE', () => {
  const s = (sku, chosen, baseline) => ({ sku, location: 'S1', chosen: { wape: chosen }, baseline: { wape: baseline } });
  const { rows, data } = wapeColumns([s('A', 0.3, 0.5), s('B', null, 0.4), s('C', 0.6, 0.5)]);
  assert.deepEqual(rows.map((r) => r.sku), ['A', 'C']);
  assert.deepEqual(data, [[0, 1], [0.3, 0.6], [0.5, 0.5]]);
});
