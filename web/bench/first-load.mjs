// First-load weight of the workbench: the JavaScript and CSS a browser
// fetches before the first paint of index.html, gzipped at level 9 (what a
// compressing proxy would send at best; the Keyline binary itself serves
// them uncompressed).
//
//   node bench/first-load.mjs [dist-dir] [--json out.json] [--page index.html]
//
// Counted: index.html's <script type="module" src>, <link rel="modulepreload">
// and <link rel="stylesheet">, and every module those import statically
// (import ... from / export ... from / import "x"), transitively. Not counted:
// dynamic import() chunks (loaded on demand, e.g. a screen's code split off).
// Target (issue 14): at most 400 KB (1 KB = 1,000 bytes) for the workbench.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const jsonOut = opt('--json');
const pageName = opt('--page') ?? 'index.html';
const dist = resolve(args[0] ?? join(here, '..', 'dist', 'app'));
export const TARGET_BYTES = 400_000;

let lexer = null;
try {
  lexer = await import('es-module-lexer');
  await lexer.init;
} catch {
  lexer = null; // fall back to a regular expression over Vite's output
}

/** The specifiers a module imports statically. */
function staticImports(code) {
  if (lexer) {
    const [imports] = lexer.parse(code);
    // d === -1: a static import/export-from; -2: import.meta; >= 0: import().
    return imports.filter((i) => i.d === -1 && i.n).map((i) => i.n);
  }
  const out = [];
  const re = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;
  for (let m; (m = re.exec(code)); ) out.push(m[1]);
  return out;
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

/** Resolves a URL of the page or a module to a file in dist. */
function toFile(url, fromFile) {
  if (/^[a-z]+:/i.test(url)) throw new Error(`${pageName} loads ${url} from another origin`);
  if (url.startsWith('/')) return join(dist, url);
  return resolve(dirname(fromFile), url);
}

export function firstLoad() {
  const pagePath = join(dist, pageName);
  const html = readFileSync(pagePath, 'utf8');
  const files = new Map(); // path -> kind
  const queue = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    if (isScript) {
      const src = attr(tag, 'src');
      if (src) queue.push([toFile(src, pagePath), 'js']);
    } else if (rel === 'stylesheet') {
      files.set(toFile(attr(tag, 'href'), pagePath), 'css');
    } else if (rel === 'modulepreload') {
      queue.push([toFile(attr(tag, 'href'), pagePath), 'js']);
    }
  }
  while (queue.length) {
    const [file, kind] = queue.shift();
    if (files.has(file)) continue;
    files.set(file, kind);
    const code = readFileSync(file, 'utf8');
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare: not in a bundle
      const target = toFile(spec, file);
      queue.push([target, target.endsWith('.css') ? 'css' : 'js']);
    }
  }
  const rows = [...files].map(([file, kind]) => {
    const raw = readFileSync(file);
    return { file: relative(dist, file), kind, bytes: raw.length, gzip9: gzipSync(raw, { level: 9 }).length };
  });
  rows.sort((a, b) => b.gzip9 - a.gzip9);
  const sum = (k, kind) => rows.filter((r) => !kind || r.kind === kind).reduce((n, r) => n + r[k], 0);
  return {
    page: pageName,
    parser: lexer ? 'es-module-lexer' : 'regexp',
    files: rows,
    js: { bytes: sum('bytes', 'js'), gzip9: sum('gzip9', 'js') },
    css: { bytes: sum('bytes', 'css'), gzip9: sum('gzip9', 'css') },
    total: { bytes: sum('bytes'), gzip9: sum('gzip9') },
    targetGzip9: pageName === 'index.html' ? TARGET_BYTES : null,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const r = firstLoad();
console.log(`first load of ${r.page} (${dist}), static imports by ${r.parser}:`);
for (const f of r.files) console.log(`  ${f.kind.padEnd(3)} ${kb(f.bytes).padStart(10)} raw ${kb(f.gzip9).padStart(10)} gzip -9  ${f.file}`);
console.log(`  JS  ${kb(r.js.bytes)} raw, ${kb(r.js.gzip9)} gzip -9`);
console.log(`  CSS ${kb(r.css.bytes)} raw, ${kb(r.css.gzip9)} gzip -9`);
let verdict = '';
if (r.targetGzip9) verdict = r.total.gzip9 <= r.targetGzip9 ? ` (target <= ${kb(r.targetGzip9)}: met)` : ` (target <= ${kb(r.targetGzip9)}: MISSED)`;
console.log(`  total ${kb(r.total.bytes)} raw, ${kb(r.total.gzip9)} gzip -9${verdict}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(r, null, 2));
