// Checkouts as actions/checkout makes them on a pull_request event: the merge commit, either
// with `fetch-depth: 0` (every branch, full history; what the inline step needs) or with the
// default depth 1 (what this action needs).
import { git } from './git.js'
import type { PullRequestOrigin } from './repos/pull-request-origin.js'

export type CheckoutDepth = 'full' | 'default'

/** The git commands of the checkout, as actions/checkout runs them. */
function checkoutCommands(origin: PullRequestOrigin, depth: CheckoutDepth): string[][] {
  const mergeRef = `+refs/pull/${origin.number}/merge:refs/remotes/pull/${origin.number}/merge`
  const fetch =
    depth === 'full'
      ? [
          'fetch',
          '--prune',
          '--no-recurse-submodules',
          'origin',
          '+refs/heads/*:refs/remotes/origin/*',
          '+refs/tags/*:refs/tags/*',
          mergeRef,
        ]
      : ['fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--depth=1', 'origin', mergeRef]
  return [
    ['init', '-q'],
    ['remote', 'add', 'origin', origin.url],
    ['config', '--local', 'gc.auto', '0'],
    ['-c', 'protocol.version=2', ...fetch],
    ['checkout', '-q', '--force', '--detach', `refs/remotes/pull/${origin.number}/merge`],
  ]
}

export function checkout(origin: PullRequestOrigin, dir: string, depth: CheckoutDepth): void {
  for (const args of checkoutCommands(origin, depth)) git(dir, '-c', 'advice.detachedHead=false', ...args)
}
