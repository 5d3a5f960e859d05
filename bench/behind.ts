// 5. Far behind: a PR whose base moved on 50 and then 2,000 commits after it branched, from a
// default depth-1 checkout, the two ways resolve-image finds the fork point: git alone (fetch 50
// deep, then deepen until head and base meet) and GitHub's merge base (one compare call, then one
// fetch of the commits it names). The origin is served over smart HTTP by `git http-backend`, so
// the fetches are counted and weighed where they happen: at the server.
import { pullRequestEvent } from '../test/support/events.js'
import { serveCompare } from '../test/support/fake-compare.js'
import { serveGitOverHttp, type GitHttpServer } from '../test/support/git-http-server.js'
import { recordGitCalls } from '../test/support/git-recorder.js'
import { FakeGitHub } from '../test/support/github-server.js'
import { actionCommand } from './action-command.js'
import { checkout } from './checkout.js'
import { git } from './git.js'
import { createFarBehindOrigin, HISTORY_COMMITS, MERGED_BASE_COMMITS, PR_CHANGED_FILES, PR_COMMITS } from './repos/far-behind-repo.js'
import type { PullRequestOrigin } from './repos/pull-request-origin.js'
import type { Scratch } from './scratch.js'
import type { Section, Target } from './section.js'
import { formatBytes, formatCount, formatMs, formatRatio, median } from './stats.js'
import { expectExit, runChecked } from './timed-command.js'

const DISTANCES = [50, 2_000]
const ROUNDS = 3

interface Way {
  name: string
  /** The github-token input: none means no API, so git finds the fork point alone. */
  token: string
}

const WAYS: Way[] = [
  { name: 'git alone: --depth=50, then deepen', token: '' },
  { name: 'merge base from the API, one fetch', token: 'ghs_bench' },
]

interface Sample {
  ms: number
  /** `git fetch` processes that reached the server: each starts with a GET of info/refs. */
  fetches: number
  /** Response bodies the git server sent: ref advertisements, negotiation and packs. */
  gitBytes: number
  apiBytes: number
  apiCalls: number
}

interface World {
  origin: PullRequestOrigin
  server: GitHttpServer
  github: FakeGitHub
}

function runOnce(world: World, way: Way, scratch: Scratch, extraEnv: Record<string, string> = {}) {
  const { origin, server, github } = world
  const workspace = scratch.dir('behind-checkout')
  checkout(origin, workspace, 'default')
  // The checkout as actions/checkout leaves it: origin is the server's URL.
  git(workspace, 'remote', 'set-url', 'origin', server.url)
  const command = actionCommand({
    name: way.name,
    filesDir: scratch.dir('behind-runner'),
    workspace,
    event: pullRequestEvent({ number: origin.number, baseRef: origin.baseRef, baseSha: origin.baseSha, headSha: origin.headSha }),
    sha: origin.mergeSha,
    inputs: { 'github-token': way.token },
    apiUrl: github.url,
    env: { GITHUB_SERVER_URL: server.origin, ...extraEnv },
    check: (result, { outputs, summary }) => {
      expectExit(result, 0)
      if (outputs['changed-files'] !== '["Dockerfile.ci"]') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
      if (!summary.includes(`${PR_CHANGED_FILES} (listed by git)`)) throw new Error(`not the PR's ${PR_CHANGED_FILES} files from git`)
    },
  })
  return command
}

async function sample(world: World, way: Way, scratch: Scratch): Promise<Sample> {
  const gitBefore = world.server.requests.length
  const apiBefore = world.github.requests.length
  const result = await runChecked(runOnce(world, way, scratch))
  const gitRequests = world.server.requests.slice(gitBefore)
  const apiRequests = world.github.requests.slice(apiBefore)
  return {
    ms: result.ms,
    fetches: gitRequests.filter((r) => r.method === 'GET' && r.path.endsWith('/info/refs')).length,
    gitBytes: gitRequests.reduce((sum, r) => sum + r.bytes, 0),
    apiBytes: apiRequests.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.responseBody ?? '')), 0),
    apiCalls: apiRequests.length,
  }
}

/** The git processes one run starts, counted by a recording git on PATH (a run of its own, not timed). */
async function gitProcesses(world: World, way: Way, scratch: Scratch): Promise<number> {
  const recorder = recordGitCalls()
  await runChecked(runOnce(world, way, scratch, { PATH: `${recorder.dir}:${process.env.PATH ?? ''}` }))
  return recorder.calls().length
}

export async function measureBehind(scratch: Scratch): Promise<Section> {
  const rows: string[][] = []
  const summary = new Map<string, { ms: number; gitBytes: number; fetches: number }>()
  for (const distance of DISTANCES) {
    process.stderr.write(
      `[bench]   ${formatCount(HISTORY_COMMITS)} commits of history, base ${formatCount(distance)} commits past the fork point...\n`,
    )
    const origin = createFarBehindOrigin(scratch.dir(`behind-origin-${distance}`), distance)
    const world: World = { origin, server: await serveGitOverHttp({ repo: origin.path }), github: await new FakeGitHub().start() }
    serveCompare(world.github, origin.path)
    try {
      const samples = WAYS.map(() => [] as Sample[])
      for (let round = 0; round < ROUNDS; round++) {
        // Interleaved, each round starting with the other way.
        for (let i = 0; i < WAYS.length; i++) {
          const index = (i + round) % WAYS.length
          samples[index]!.push(await sample(world, WAYS[index]!, scratch))
        }
      }
      for (const [i, way] of WAYS.entries()) {
        const s = samples[i]!
        const row = {
          ms: median(s.map((x) => x.ms)),
          fetches: median(s.map((x) => x.fetches)),
          gitBytes: median(s.map((x) => x.gitBytes)),
          apiBytes: median(s.map((x) => x.apiBytes)),
          apiCalls: median(s.map((x) => x.apiCalls)),
        }
        summary.set(`${distance} ${way.name}`, row)
        rows.push([
          formatCount(distance),
          way.name,
          formatMs(row.ms),
          String(row.fetches),
          formatBytes(row.gitBytes),
          row.apiCalls === 0 ? '-' : `${row.apiCalls} (${formatBytes(row.apiBytes)})`,
          String(await gitProcesses(world, way, scratch)),
        ])
      }
    } finally {
      await world.server.stop()
      await world.github.stop()
    }
  }
  const [near, far] = DISTANCES as [number, number]
  const api = WAYS[1]!.name
  const alone = WAYS[0]!.name
  const growth = (way: string, key: 'ms' | 'gitBytes') => summary.get(`${far} ${way}`)![key] / summary.get(`${near} ${way}`)![key]
  const targets: Target[] = [
    {
      name: `behind: merge base path, time at ${formatCount(far)} vs ${near} behind`,
      goal: 'at most 1.5x',
      measured: `${growth(api, 'ms').toFixed(2)}x`,
      met: growth(api, 'ms') <= 1.5,
    },
    {
      name: `behind: merge base path, git fetches at ${formatCount(far)} behind`,
      goal: '1',
      measured: String(summary.get(`${far} ${api}`)!.fetches),
      met: summary.get(`${far} ${api}`)!.fetches === 1,
    },
  ]
  return {
    title: `Far behind: a PR of ${PR_COMMITS} commits (one merges the base in) on ${formatCount(HISTORY_COMMITS)} commits of history, default depth-1 checkout, origin over smart HTTP (median of ${ROUNDS} interleaved rounds)`,
    table: {
      head: ['base commits since fork', 'way', 'step', 'git fetches', 'bytes from git server', 'API calls (bytes)', 'git processes'],
      rows,
    },
    notes: [
      `Same answer every run: ${PR_CHANGED_FILES} files listed by git, Dockerfile.ci the watched one. The merge base is the base commit the PR merged in, ${MERGED_BASE_COMMITS} after the fork point.`,
      `Growth from ${near} to ${formatCount(far)} commits behind: git alone ${formatRatio(summary.get(`${far} ${alone}`)!.ms, summary.get(`${near} ${alone}`)!.ms)} time, ${formatRatio(summary.get(`${far} ${alone}`)!.gitBytes, summary.get(`${near} ${alone}`)!.gitBytes)} bytes; merge base ${growth(api, 'ms').toFixed(2)}x time, ${growth(api, 'gitBytes').toFixed(2)}x bytes.`,
      '"bytes from git server": response bodies of git http-backend (ref advertisement, negotiation, packs), as a client downloads them.',
      'The merge base path fetches the merge base, the head and the base tip at depth 1: the trees and blobs the checkout lacks, which grow with the files the base changed since the merge base (at most the whole tree), not with its commits.',
      'Loopback: no network latency. Against github.com add a round trip per git fetch request and one for the compare call; "git processes" was counted in a separate, untimed run.',
    ],
    targets,
  }
}
