// `npm run bundle`: bundles src/ into dist/ with @vercel/ncc, as ncc builds any ES module package:
// dist/index.js (the action's entry, also the `ci-image` bin) and the licenses of what it bundles.
import ncc from '@vercel/ncc'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const out = join(root, 'dist')

const { code, assets } = await ncc(join(root, 'src/main.ts'), { license: 'licenses.txt', quiet: true })

// Emptied first: a file that the sources no longer make must not stay behind.
rmSync(out, { recursive: true, force: true })
const write = (name, source) => {
  mkdirSync(dirname(join(out, name)), { recursive: true })
  writeFileSync(join(out, name), source)
}
write('index.js', code)
// `npx` and a checkout's `node_modules/.bin` start dist/index.js directly.
chmodSync(join(out, 'index.js'), 0o755)
for (const [name, asset] of Object.entries(assets)) write(name, asset.source)
