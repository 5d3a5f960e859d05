// A PR far behind its base (the base moved on 50, then 2,000 commits after the fork), from a
// default depth-1 checkout: the cost of listing its changed files, the two ways resolve-image
// finds the fork point. Git alone (no token: fetch 50 deep, then deepen until head and base
// meet) is what the inline approach pays on top of its fetch-depth: 0 checkout; GitHub's merge
// base is one compare call, then one fetch of the commits it names. The origin is served over
// smart HTTP by `git http-backend`, so fetches are counted and weighed at the server.
import { pullRequestEvent } from '../test/support/events.js'
import { serveCompare } from '../test/support/fake-compare.js'
import { serveGitOverHttp } from '../test/support/git-http-server.js'
import { FakeGitHub } from '../test/support/github-server.js'
import { checkout } from './checkout.js'
import { expectExit, git, runChecked } from './process.js'
import { createFarBehindOrigin, HISTORY_COMMITS, PR_CHANGED_FILES, PR_COMMITS } from './repos/far-behind-repo.js'
import type { Scratch } from './scratch.js'
import { actionCommand } from './steps.js'
import { formatBytes, formatCount, formatMs, median } from './stats.js'
import type { Section } from './table.js'

const DISTANCES = [50, 2_000]
const ROUNDS = 3
const WAYS = [
  { name: 'git alone: --depth=50, then deepen', token: '' },
  { name: 'merge base from the API, one fetch', token: 'ghs_bench' },
]

export async function measureBehind(scratch: Scratch): Promise<Section> {
  const rows: string[][] = []
  for (const distance of DISTANCES) {
    process.stderr.write(`[bench]   ${formatCount(HISTORY_COMMITS)} commits, base ${formatCount(distance)} past the fork...\n`)
    const origin = createFarBehindOrigin(scratch.dir(`behind-origin-${distance}`), distance)
    const server = await serveGitOverHttp({ repo: origin.path })
    const github = await new FakeGitHub().start()
    serveCompare(github, origin.path)
    try {
      const samples = WAYS.map(() => [] as { ms: number; fetches: number; bytes: number }[])
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < WAYS.length; i++) {
          const way = WAYS[(i + round) % WAYS.length]!
          const workspace = scratch.dir('behind-checkout')
          checkout(origin, workspace, 'default')
          // As actions/checkout leaves it: origin is the server's URL.
          git(workspace, 'remote', 'set-url', 'origin', server.url)
          const before = server.requests.length
          const command = actionCommand({
            name: way.name,
            filesDir: scratch.dir('behind-runner'),
            workspace,
            event: pullRequestEvent({ number: origin.number, baseRef: origin.baseRef, baseSha: origin.baseSha, headSha: origin.headSha }),
            sha: origin.mergeSha,
            inputs: { 'github-token': way.token },
            apiUrl: github.url,
            env: { GITHUB_SERVER_URL: server.origin },
            check: (result, { outputs, summary }) => {
              expectExit(result, 0)
              if (outputs['changed-files'] !== '["Dockerfile.ci"]') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
              if (!summary.includes(`${PR_CHANGED_FILES} (listed by git)`)) throw new Error(`not the PR's ${PR_CHANGED_FILES} files`)
            },
          })
          const { ms } = await runChecked(command)
          const requests = server.requests.slice(before)
          samples[WAYS.indexOf(way)]!.push({
            ms,
            // Each git fetch starts with a GET of info/refs.
            fetches: requests.filter((r) => r.method === 'GET' && r.path.endsWith('/info/refs')).length,
            bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
          })
        }
      }
      for (const [i, way] of WAYS.entries()) {
        const s = samples[i]!
        const at = (key: 'ms' | 'fetches' | 'bytes') => median(s.map((x) => x[key]))
        rows.push([formatCount(distance), way.name, String(at('fetches')), formatBytes(at('bytes')), formatMs(at('ms'))])
      }
    } finally {
      await server.stop()
      await github.stop()
    }
  }
  return {
    title: `Far behind: a PR of ${PR_COMMITS} commits on ${formatCount(HISTORY_COMMITS)} commits of history, depth-1 checkout (median of ${ROUNDS} rounds)`,
    head: ['base commits since fork', 'way', 'git fetches', 'bytes from git server', 'step'],
    rows,
    notes: [
      `Same answer every run: ${PR_CHANGED_FILES} files listed by git, Dockerfile.ci the watched one.`,
      'Loopback: against github.com add a round trip per fetch and one for the compare call.',
    ],
  }
}
