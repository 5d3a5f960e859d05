// Fails when dist/ is not what a fresh build of src/ produces.
import { execFileSync } from 'node:child_process'

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

run('npm', ['run', '--silent', 'build'])
const status = run('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'])
if (status.trim() !== '') {
  console.error('dist/ differs from a fresh build of src/. Run `npm run build` and commit dist/.\n' + status)
  console.error(run('git', ['diff', '--stat', '--', 'dist']))
  process.exit(1)
}
console.log('dist/ matches a fresh build.')
