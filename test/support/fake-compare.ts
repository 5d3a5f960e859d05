// `GET /repos/{owner}/{repo}/compare/{basehead}` on the embedded GitHub, answered from a real
// repository with real git: the merge base is `git merge-base`'s, the commits `git rev-list`'s,
// paginated and shaped as GitHub documents them (https://docs.github.com/rest/commits/commits#compare-two-commits).
import { spawnSync } from 'node:child_process'
import { notFound, type FakeGitHub } from './github-server.js'

/** What the route was asked, for tests that count lookups. */
export interface CompareRoute {
  asked: { base: string; head: string; page: string | null; perPage: string | null }[]
}

// Without `page` or `per_page`, GitHub lists the last 250 commits; with them, 30 a page (at most
// 100), and only the first page lists files, at most 300 of them.
const UNPAGED_COMMITS = 250
const FILES_CAP = 300

function git(repo: string, ...args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return result.status === 0 ? result.stdout : undefined
}

const FIELDS = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B']

export function serveCompare(github: FakeGitHub, repo: string): CompareRoute {
  const route: CompareRoute = { asked: [] }
  const api = `https://api.github.com/repos/${github.owner}/${github.repo}`
  const web = `https://github.com/${github.owner}/${github.repo}`

  /** Commits as the `commit` schema shapes them, in the order asked. */
  const commitObjects = (shas: string[]): Record<string, unknown>[] => {
    if (shas.length === 0) return []
    const out = git(repo, 'show', '-s', '--no-walk=unsorted', `--format=${FIELDS.join('%x00')}%x1e`, ...shas) ?? ''
    return out
      .split('\x1e')
      .map((record) => record.replace(/^\n/, ''))
      .filter((record) => record !== '')
      .map((record) => {
        const [sha = '', tree, parents = '', an, ae, ad, cn, ce, cd, message = ''] = record.split('\0')
        return {
          url: `${api}/commits/${sha}`,
          sha,
          node_id: `C_${sha.slice(0, 20)}`,
          html_url: `${web}/commit/${sha}`,
          comments_url: `${api}/commits/${sha}/comments`,
          commit: {
            url: `${api}/git/commits/${sha}`,
            author: { name: an, email: ae, date: ad },
            committer: { name: cn, email: ce, date: cd },
            message: message.trimEnd(),
            comment_count: 0,
            tree: { sha: tree, url: `${api}/git/trees/${tree}` },
            verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
          },
          // No GitHub account behind the fixtures' commit e-mail addresses.
          author: null,
          committer: null,
          parents: parents
            .split(' ')
            .filter(Boolean)
            .map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` })),
        }
      })
  }

  /** Changed files from the merge base to head, as the `diff-entry` schema shapes them. */
  const diffEntries = (from: string, to: string): Record<string, unknown>[] => {
    const raw = git(repo, 'diff', '--raw', '--no-renames', '-z', '--no-abbrev', from, to) ?? ''
    const fields = raw.split('\0').filter((f) => f !== '')
    const entries: Record<string, unknown>[] = []
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [, , oldBlob, newBlob, letter] = fields[i]!.split(' ')
      const filename = fields[i + 1]!
      const status = { A: 'added', D: 'removed', M: 'modified', T: 'changed' }[letter![0] as 'A'] ?? 'modified'
      const sha = status === 'removed' ? oldBlob! : newBlob!
      entries.push({
        sha,
        filename,
        status,
        additions: 1,
        deletions: 1,
        changes: 2,
        blob_url: `${web}/blob/${to}/${encodeURI(filename)}`,
        raw_url: `${web}/raw/${to}/${encodeURI(filename)}`,
        contents_url: `${api}/contents/${encodeURI(filename)}?ref=${to}`,
      })
    }
    return entries.slice(0, FILES_CAP)
  }

  const resolve = (rev: string) => git(repo, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`)?.trim()

  github.route('GET', `/repos/${github.owner}/${github.repo}/compare/(.+)`, ({ params, query }) => {
    const basehead = decodeURIComponent(params[0]!)
    const [baseName, headName] = basehead.split('...')
    route.asked.push({ base: baseName ?? '', head: headName ?? '', page: query.get('page'), perPage: query.get('per_page') })
    const base = baseName && resolve(baseName)
    const head = headName && resolve(headName)
    if (!base || !head) return notFound()
    const mergeBase = git(repo, 'merge-base', base, head)?.trim()
    if (!mergeBase) return { status: 404, body: { message: `No common ancestor between ${baseName} and ${headName}.` } }
    const ahead = (git(repo, 'rev-list', '--reverse', `${base}..${head}`) ?? '').split('\n').filter(Boolean)
    const behindBy = Number(git(repo, 'rev-list', '--count', `${head}..${base}`))
    const paged = query.has('page') || query.has('per_page')
    const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
    const page = Math.max(Number(query.get('page') ?? 1), 1)
    const listed = paged ? ahead.slice((page - 1) * perPage, page * perPage) : ahead.slice(-UNPAGED_COMMITS)
    const status = ahead.length === 0 ? (behindBy === 0 ? 'identical' : 'behind') : behindBy === 0 ? 'ahead' : 'diverged'
    return {
      status: 200,
      body: {
        url: `${api}/compare/${encodeURIComponent(basehead)}`,
        html_url: `${web}/compare/${encodeURIComponent(basehead)}`,
        permalink_url: `${web}/compare/${github.owner}:${base}...${github.owner}:${head}`,
        diff_url: `${web}/compare/${encodeURIComponent(basehead)}.diff`,
        patch_url: `${web}/compare/${encodeURIComponent(basehead)}.patch`,
        base_commit: commitObjects([base])[0],
        merge_base_commit: commitObjects([mergeBase])[0],
        status,
        ahead_by: ahead.length,
        behind_by: behindBy,
        total_commits: ahead.length,
        commits: commitObjects(listed),
        ...(page === 1 ? { files: diffEntries(mergeBase, head) } : {}),
      },
    }
  })
  return route
}
