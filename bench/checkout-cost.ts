// 4. Checkout cost: the inline step needs `fetch-depth: 0` (all history, every branch); the
// action works from the default depth-1 checkout, asking GitHub for the PR's merge base and
// fetching just the commits it needs. Both measured end to end: checkout, then the step.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pullRequestEvent } from '../test/support/events.js'
import { serveCompare } from '../test/support/fake-compare.js'
import { FakeGitHub } from '../test/support/github-server.js'
import { actionCommand } from './action-command.js'
import { checkout, type CheckoutDepth } from './checkout.js'
import { directoryBytes, git } from './git.js'
import { inlineStepCommand } from './inline-step.js'
import { COMMITS_AFTER_FORK, createLongHistoryOrigin, HISTORY_COMMITS } from './repos/long-history-repo.js'
import type { PullRequestOrigin } from './repos/pull-request-origin.js'
import type { Scratch } from './scratch.js'
import type { Section } from './section.js'
import { formatBytes, formatCount, formatMs, formatRatio, median } from './stats.js'
import { expectExit, runChecked, type Command } from './timed-command.js'

const ROUNDS = 5
const WATCHED_CHANGES = ['Dockerfile.ci']

interface Way {
  name: string
  depth: CheckoutDepth
  step: (origin: PullRequestOrigin, workspace: string, filesDir: string, apiUrl: string) => Command
}

const WAYS: Way[] = [
  {
    name: 'inline: fetch-depth: 0, then git diff ... | grep -E',
    depth: 'full',
    step: (origin, workspace) =>
      inlineStepCommand({ name: 'inline step', checkout: workspace, baseRef: origin.baseRef, expect: WATCHED_CHANGES }),
  },
  {
    name: 'action: default depth 1, then resolve-image',
    depth: 'default',
    step: (origin, workspace, filesDir, apiUrl) =>
      actionCommand({
        name: 'action step',
        filesDir,
        workspace,
        apiUrl,
        event: pullRequestEvent({ number: origin.number, baseRef: origin.baseRef, baseSha: origin.baseSha, headSha: origin.headSha }),
        sha: origin.mergeSha,
        check: (result, { outputs, summary }) => {
          expectExit(result, 0)
          if (outputs['changed-files'] !== JSON.stringify(WATCHED_CHANGES)) throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
          if (!summary.includes('(listed by git)')) throw new Error('the files were not listed by git')
        },
      }),
  },
]

interface Sample {
  checkoutMs: number
  stepMs: number
  gitBytes: number
  commits: number
}

/** Commits the clone holds, fetched by SHA or not (`rev-list --all` sees only those under a ref). */
function commitsInObjectStore(workspace: string): number {
  return git(workspace, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype)')
    .split('\n')
    .filter((type) => type === 'commit').length
}

async function runWay(way: Way, origin: PullRequestOrigin, scratch: Scratch, apiUrl: string): Promise<Sample> {
  const workspace = scratch.dir(`checkout-${way.depth}`)
  const started = performance.now()
  checkout(origin, workspace, way.depth)
  const checkoutMs = performance.now() - started
  const step = await runChecked(way.step(origin, workspace, scratch.dir(`checkout-${way.depth}-runner`), apiUrl))
  return {
    checkoutMs,
    stepMs: step.ms,
    gitBytes: directoryBytes(join(workspace, '.git')),
    commits: commitsInObjectStore(workspace),
  }
}

export async function measureCheckoutCost(scratch: Scratch): Promise<Section> {
  process.stderr.write(`[bench]   building ${formatCount(HISTORY_COMMITS)} commits of history...\n`)
  const origin = createLongHistoryOrigin(scratch.dir('history-origin'))
  // The action asks GitHub for the PR's merge base (compare), answered from the origin by git.
  const github = await new FakeGitHub().start()
  serveCompare(github, origin.path)
  const samples = WAYS.map(() => [] as Sample[])
  // Interleaved: full, depth 1, full, depth 1, ...
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, way] of WAYS.entries()) samples[i]!.push(await runWay(way, origin, scratch, github.url))
  }
  await github.stop()
  const summary = samples.map((s) => ({
    checkoutMs: median(s.map((x) => x.checkoutMs)),
    stepMs: median(s.map((x) => x.stepMs)),
    totalMs: median(s.map((x) => x.checkoutMs + x.stepMs)),
    gitBytes: median(s.map((x) => x.gitBytes)),
    commits: median(s.map((x) => x.commits)),
  }))
  const [inline, action] = summary as [(typeof summary)[0], (typeof summary)[0]]
  return {
    title: `Checkout cost: ${formatCount(HISTORY_COMMITS)} commits, PR branched ${COMMITS_AFTER_FORK} commits before the base's tip, over file:// (median of ${ROUNDS} interleaved rounds)`,
    table: {
      head: ['way', 'checkout', 'step', 'total', '.git after', 'commits'],
      rows: [
        ...WAYS.map((way, i) => {
          const s = summary[i]!
          return [
            way.name,
            formatMs(s.checkoutMs),
            formatMs(s.stepMs),
            formatMs(s.totalMs),
            formatBytes(s.gitBytes),
            formatCount(s.commits),
          ]
        }),
        [
          'action / inline',
          formatRatio(action.checkoutMs, inline.checkoutMs),
          formatRatio(action.stepMs, inline.stepMs),
          formatRatio(action.totalMs, inline.totalMs),
          formatRatio(action.gitBytes, inline.gitBytes),
          '',
        ],
      ],
    },
    notes: [
      `Same answer both ways: ${JSON.stringify(WATCHED_CHANGES)} (checked on every run). "commits" = commits in the clone after the step (the action fetched the merge base, the head and the base tip at depth 1).`,
      'file:// on one disk: no network. Over a real network the full clone pays for every byte more.',
    ],
    targets: [],
  }
}
