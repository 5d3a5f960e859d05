// The git database routes of the embedded GitHub, answered from a real repository: a commit's tree
// (`GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1`, from `git ls-tree -r`; the
// `git-tree` schema: sha, url, truncated, tree[]) and a commit object
// (`GET /repos/{owner}/{repo}/git/commits/{commit_sha}`, from `git cat-file`; the `git-commit` schema).
import { execFileSync, spawnSync } from 'node:child_process'
import { notFound, type FakeGitHub } from './github-server.js'

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

export function serveCommitObjects(github: FakeGitHub, repo: string): void {
  const api = `https://api.github.com/repos/${github.owner}/${github.repo}`
  const web = `https://github.com/${github.owner}/${github.repo}`
  github.route('GET', `/repos/${github.owner}/${github.repo}/git/commits/([0-9a-f]{40})`, ({ params }) => {
    const sha = params[0]!
    const shown = spawnSync('git', ['show', '-s', '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', `${sha}^{commit}`], {
      cwd: repo,
      encoding: 'utf8',
    })
    if (shown.status !== 0) return notFound()
    const [tree = '', parents = '', an, ae, ad, cn, ce, cd, message = ''] = shown.stdout.split('\0')
    return {
      status: 200,
      body: {
        sha,
        node_id: `C_${sha.slice(0, 20)}`,
        url: `${api}/git/commits/${sha}`,
        html_url: `${web}/commit/${sha}`,
        author: { name: an, email: ae, date: ad },
        committer: { name: cn, email: ce, date: cd },
        message: message.trimEnd(),
        tree: { sha: tree, url: `${api}/git/trees/${tree}` },
        parents: parents
          .split(' ')
          .filter(Boolean)
          .map((parent) => ({ sha: parent, url: `${api}/git/commits/${parent}`, html_url: `${web}/commit/${parent}` })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    }
  })
}
