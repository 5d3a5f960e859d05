// Fails when dist/ differs from the committed one. `npm test` builds dist/ from src/ before the
// tests (so they run the fresh bundle) and runs this after them: a difference means the
// committed dist/ is not what src/ builds.
import { execFileSync } from 'node:child_process'

const git = (...args) => execFileSync('git', args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

const status = git('status', '--porcelain', '--untracked-files=all', '--', 'dist')
if (status.trim() !== '') {
  console.error('dist/ differs from a fresh build of src/. Run `npm run bundle` and commit dist/.\n' + status)
  console.error(git('diff', '--stat', '--', 'dist'))
  process.exit(1)
}
console.log('dist/ matches a fresh build.')
