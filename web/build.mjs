// Bundles src/ into dist/: app.js (with Preact, htm, graphql-ws and uPlot), app.css and
// index.html. `node build.mjs --check` builds into a temporary folder and fails when the
// committed dist/ differs, so the bundle in git always matches its sources.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'seam-web-')) : 'dist';

rmSync(join(out, 'assets'), { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: { app: 'src/main.js' }, // its CSS imports become app.css
  outdir: join(out, 'assets'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));

if (check) {
  const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  const want = files(out);
  const have = files('dist');
  const stale = want.filter((f) => !have.includes(f) || !readFileSync(join(out, f)).equals(readFileSync(join('dist', f))))
    .concat(have.filter((f) => !want.includes(f)));
  rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`web/dist is stale (${stale.join(', ')}): run make web and commit web/dist`);
    process.exit(1);
  }
}
