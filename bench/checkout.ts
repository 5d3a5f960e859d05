// Checkouts as actions/checkout makes them on a pull_request event: the merge commit, with
// `fetch-depth: 0` (every branch, full history; what the inline step needs) or the default depth 1.
import { git } from './process.js'
import type { PullRequestOrigin } from './repos/pull-request-origin.js'

export function checkout(origin: PullRequestOrigin, dir: string, depth: 'full' | 'default'): void {
  const mergeRef = `+refs/pull/${origin.number}/merge:refs/remotes/pull/${origin.number}/merge`
  const refs = depth === 'full' ? ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*', mergeRef] : [mergeRef]
  const options = depth === 'full' ? ['--prune'] : ['--no-tags', '--prune', '--depth=1']
  for (const args of [
    ['init', '-q'],
    ['remote', 'add', 'origin', origin.url],
    ['config', '--local', 'gc.auto', '0'],
    ['-c', 'protocol.version=2', 'fetch', ...options, '--no-recurse-submodules', 'origin', ...refs],
    ['checkout', '-q', '--force', '--detach', `refs/remotes/pull/${origin.number}/merge`],
  ])
    git(dir, '-c', 'advice.detachedHead=false', ...args)
}
