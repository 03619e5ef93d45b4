// Builds the widgets: one self-registering bundle for a <script> tag (huhang.js), the public widgets
// alone (huhang-public.js, the portal budget), ES modules per component, and custom-elements.json.
const { build } = require('esbuild');
const { execFileSync } = require('node:child_process');
const { readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { brotliCompressSync, constants: zlib, gzipSync } = require('node:zlib');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
/** Gzipped size of all public widgets with Lit, in bytes; the build fails above it. */
const PUBLIC_BUDGET = 35 * 1024;

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2021',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
  // The schema package's ES sources, not its CommonJS build, so that a bundle keeps only the limits
  // and types it uses.
  alias: { '@huhang/schema': join(root, '..', 'schema', 'src', 'index.ts') },
};

async function main() {
  const started = Date.now();
  for (const entry of readdirSync(dist, { withFileTypes: true }).filter((e) => e.name !== 'types')) {
    rmSync(join(dist, entry.name), { recursive: true, force: true });
  }
  await build({
    ...common,
    entryPoints: { huhang: join(root, 'src/huhang.ts'), 'huhang-public': join(root, 'src/huhang-public.ts') },
    outdir: dist,
  });
  const components = readdirSync(join(root, 'src/components'));
  await build({
    ...common,
    entryPoints: Object.fromEntries([
      ['index', join(root, 'src/index.ts')],
      ...components.map((name) => [`components/${name}`, join(root, 'src/components', name, `${name}.ts`)]),
    ]),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: dist,
  });

  // Precompressed siblings the server sends to browsers that accept them: no compression per request.
  const scripts = readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith('.js'));
  for (const file of scripts) {
    const bytes = readFileSync(join(dist, String(file)));
    writeFileSync(join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
    writeFileSync(join(dist, `${file}.br`), brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  }

  const sizes = ['huhang-public.js', 'huhang.js'].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('[widgets] bundle            minified   gzipped');
  for (const s of sizes) console.log(`[widgets] ${s.file.padEnd(18)}${kb(s.raw).padStart(9)}${kb(s.gzip).padStart(10)}`);
  const publicSize = sizes[0].gzip;
  console.log(`[widgets] public widgets with Lit: ${kb(publicSize)} gzipped of a ${kb(PUBLIC_BUDGET)} budget`);
  if (publicSize > PUBLIC_BUDGET) {
    console.error(`[widgets] over budget by ${kb(publicSize - PUBLIC_BUDGET)}: the build fails`);
    process.exit(1);
  }

  execFileSync(
    process.execPath,
    [
      join(require.resolve('@custom-elements-manifest/analyzer/package.json'), '../cem.js'),
      'analyze',
      '--litelement',
      '--quiet',
      '--globs',
      'src/components/*/*.ts',
      'src/internal/*-element.ts',
      '--exclude',
      'src/**/*.test.ts',
      'src/**/*.styles.ts',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // The analyzer lists modules in the order the file system gives them; sorted, the committed file
  // changes only when a component does.
  const manifestPath = join(root, 'custom-elements.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`[widgets] built ${components.length} components and custom-elements.json in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
