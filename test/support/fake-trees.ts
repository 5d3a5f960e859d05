// `GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1` on the embedded GitHub, answered from
// a real repository with `git ls-tree -r` (the `git-tree` schema: sha, url, truncated, tree[]).
import { execFileSync } from 'node:child_process'
import type { FakeGitHub } from './github-server.js'

export function serveTrees(github: FakeGitHub, repo: string): void {
  const api = `https://api.github.com/repos/${github.owner}/${github.repo}`
  github.route('GET', `/repos/${github.owner}/${github.repo}/git/trees/([0-9a-f]{40})`, ({ params }) => {
    const listing = execFileSync('git', ['ls-tree', '-r', '-z', '--full-tree', params[0]!], { cwd: repo })
    const tree = listing
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((record) => {
        const [meta, path] = record.split('\t') as [string, string]
        const [mode, type, sha] = meta.split(' ') as [string, string, string]
        return { path, mode, type, sha, url: `${api}/git/${type}s/${sha}` }
      })
    return { status: 200, body: { sha: params[0], url: `${api}/git/trees/${params[0]}`, truncated: false, tree } }
  })
}
