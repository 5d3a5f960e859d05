// `npm run build`: bundles src/ into dist/ with @vercel/ncc, as a CommonJS bundle.
//
// The sources are ES modules; the bundle is not, on purpose. ncc would emit an ES module bundle
// for this "type": "module" package, and Node then starts its ES module loader for the entry
// and for every chunk: about 4 ms of each step's start-up (bench/README.md, "Where the start-up
// time goes"). ncc's `esm` option turns that off; webpack still understands the ES module
// sources (and their top-level await), and dist/package.json tells Node how to read dist/.
//
// ncc minifies the entry only (names of functions and classes kept, for stack traces): the code
// every run compiles. The chunks stay as webpack writes them.
//
//   node scripts/build.mjs [--out DIR] [--no-minify]   (bench/profile.ts builds a readable copy)
import ncc from '@vercel/ncc'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const root = join(import.meta.dirname, '..')
const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-minify': { type: 'boolean' } } })
const out = resolve(values.out ?? join(root, 'dist'))

const { code, assets } = await ncc(join(root, 'src/main.ts'), {
  esm: false,
  target: 'es2022',
  license: 'licenses.txt',
  minify: !values['no-minify'],
  quiet: true,
})

// Emptied first: a chunk that the sources no longer make must not stay behind.
rmSync(out, { recursive: true, force: true })
const write = (name, source) => {
  mkdirSync(dirname(join(out, name)), { recursive: true })
  writeFileSync(join(out, name), source)
}
write('index.js', code)
// The runner and `npx` start dist/index.js directly.
chmodSync(join(out, 'index.js'), 0o755)
for (const [name, asset] of Object.entries(assets)) write(name, asset.source)
// The root package.json says "module"; this one is nearer to dist/ and wins.
write('package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)

const sizes = [['index.js', code.length], ...Object.entries(assets).map(([name, asset]) => [name, asset.source.length])]
for (const [name, size] of sizes.sort((a, b) => a[1] - b[1])) console.log(`${String(Math.round(size / 1000)).padStart(6)} kB  ${name}`)
