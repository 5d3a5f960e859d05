// 3. Scale of resolve-image: a PR of 10,000 changed files in a repository of 100,000. From git
// the action sees every file; the API lists at most 3,000, and the action must not guess.
import { performance } from 'node:perf_hooks'
import { Octokit } from '@octokit/rest'
import { createClient, type GitHubClient } from '../src/github/client.js'
import { listPullRequestFiles } from '../src/github/pulls.js'
import { pullRequestEvent, pullRequestObject } from '../test/support/events.js'
import { FakeGitHub } from '../test/support/github-server.js'
import { actionCommand } from './action-command.js'
import { checkout } from './checkout.js'
import { childEnv } from './child-env.js'
import { inlineStepCommand } from './inline-step.js'
import { interleave, timingOf } from './interleave.js'
import { createWideOrigin, WIDE_CHANGED, WIDE_FILES, wideChangedPaths } from './repos/wide-repo.js'
import type { Scratch } from './scratch.js'
import type { Section } from './section.js'
import { formatCount, formatMs, formatRatio, median } from './stats.js'
import { expectExit, type Command } from './timed-command.js'

const GIT_ROUNDS = 9
const API_ROUNDS = 3
const LIST_REPEATS = 5
// Issue #14: the action's own time on the 10,000-file PR, beyond node's start and git's diff (about 45 ms before it).
const TARGET_OWN_MS = 25
const API_CAP = 3000

const NAMES = {
  inline: 'inline: git diff ... | grep -E (bash)',
  action: 'action from git: node dist/index.js',
  gitDiff: 'git diff --name-only base...head alone',
  floor: 'node -e 0',
}

/** The git path against the inline pipeline, on one fetch-depth: 0 checkout of the merge commit. */
async function measureGitPath(scratch: Scratch) {
  process.stderr.write(
    `[bench]   building ${formatCount(WIDE_FILES)} files, ${formatCount(WIDE_CHANGED)} changed, and checking them out...\n`,
  )
  const origin = createWideOrigin(scratch.dir('scale-origin'))
  const workspace = scratch.dir('scale-checkout')
  checkout(origin, workspace, 'full')
  const event = pullRequestEvent({
    number: origin.number,
    baseRef: origin.baseRef,
    baseSha: origin.baseSha,
    headSha: origin.headSha,
    changedFiles: WIDE_CHANGED,
  })
  const commands: Command[] = [
    inlineStepCommand({ name: NAMES.inline, checkout: workspace, baseRef: origin.baseRef, expect: [] }),
    actionCommand({
      name: NAMES.action,
      filesDir: scratch.dir('scale-runner'),
      workspace,
      event,
      sha: origin.mergeSha,
      check: (result, { outputs, summary }) => {
        expectExit(result, 0)
        if (outputs.modified !== 'false') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
        if (!summary.includes(`${WIDE_CHANGED} (listed by git)`)) throw new Error('git did not list every file')
      },
    }),
    {
      name: NAMES.gitDiff,
      file: 'git',
      args: ['diff', '--name-only', `${origin.baseSha}...${origin.headSha}`],
      cwd: workspace,
      env: childEnv(),
      check: (result) => {
        expectExit(result, 0)
        if (result.stdout.split('\n').filter(Boolean).length !== WIDE_CHANGED) throw new Error('git diff listed the wrong number of files')
      },
    },
    { name: NAMES.floor, file: process.execPath, args: ['-e', '0'], cwd: workspace, env: childEnv(), check: (r) => expectExit(r, 0) },
  ]
  return interleave(commands, { rounds: GIT_ROUNDS, warmup: 1 })
}

interface ApiCase {
  name: string
  /** Where Dockerfile.ci sits in the API's list, or undefined when the PR does not change it. */
  watchedAt?: number
  answer: string
  check: Command['check']
}

const refusal = /PR #\d+ changes \d+ files, more than the 3000 the GitHub API lists, and none of those listed is watched/

function apiCases(): ApiCase[] {
  const refuses = (result: Parameters<NonNullable<Command['check']>>[0]) => {
    expectExit(result, 1)
    if (!refusal.test(result.stdout)) throw new Error('expected the refusal to decide on a truncated list')
  }
  return [
    { name: 'action from API: no watched file (truth: v2/latest)', answer: 'refuses (exit 1), asks for a checkout', check: refuses },
    {
      name: 'action from API: Dockerfile.ci at #5,001 (truth: pr-N)',
      watchedAt: 5000,
      answer: 'refuses (exit 1): no silent "unmodified"',
      check: refuses,
    },
    {
      name: 'action from API: Dockerfile.ci at #1 (truth: pr-N)',
      watchedAt: 0,
      answer: 'decides: modified=true, pr-N',
      check: (result) => {
        expectExit(result, 0)
        if (!result.stdout.includes('ghcr.io/acme/app/ci:pr-')) throw new Error('expected the pr-N image')
      },
    },
  ]
}

/** The API path: the bundle in a workspace that is no repository, against the embedded GitHub. */
async function measureApiPath(scratch: Scratch) {
  const github = await new FakeGitHub().start()
  try {
    const changed = wideChangedPaths()
    const cases = apiCases()
    const commands = cases.map((c, i): Command => {
      const number = 100 + i
      const files = c.watchedAt === undefined ? changed : [...changed.slice(0, c.watchedAt), 'Dockerfile.ci', ...changed.slice(c.watchedAt)]
      const headSha = 'c'.repeat(40)
      github.pulls.set(number, pullRequestObject({ number, headSha, changedFiles: files.length }))
      github.pullFiles.set(
        number,
        files.map((filename) => ({ filename })),
      )
      const command = actionCommand({
        name: c.name,
        filesDir: scratch.dir(`scale-api-runner-${i}`),
        workspace: scratch.dir(`scale-api-workspace-${i}`),
        event: pullRequestEvent({ number, headSha, changedFiles: files.length }),
        apiUrl: github.url,
      })
      return { ...command, check: (result) => (command.check?.(result), c.check?.(result)) }
    })
    const before = github.requests.length
    const timings = await interleave(commands, { rounds: API_ROUNDS, warmup: 0 })
    const requestsPerRun = (github.requests.length - before) / (API_ROUNDS * commands.length)

    // The listing alone, in process: the action's client, and a bare Octokit for what its
    // retry and throttling plugins add per request.
    const listingMs = async (client: GitHubClient) => {
      const samples: number[] = []
      for (let i = 0; i < LIST_REPEATS; i++) {
        const started = performance.now()
        const { listed } = await listPullRequestFiles(client, { owner: 'acme', repo: 'app' }, 100)
        samples.push(performance.now() - started)
        if (listed !== API_CAP) throw new Error(`listed ${listed} files, expected the cap of ${API_CAP}`)
      }
      return median(samples)
    }
    const actionClient = await listingMs(await createClient({ token: 'ghs_bench', baseUrl: github.url }))
    const bareOctokit = await listingMs(new Octokit({ auth: 'ghs_bench', baseUrl: github.url }))
    return { cases, timings, requestsPerRun, listing: { actionClient, bareOctokit } }
  } finally {
    await github.stop()
  }
}

export async function measureScale(scratch: Scratch): Promise<Section> {
  const git = await measureGitPath(scratch)
  const api = await measureApiPath(scratch)
  const inline = timingOf(git, NAMES.inline).median
  const action = timingOf(git, NAMES.action).median
  const own = action - timingOf(git, NAMES.floor).median - timingOf(git, NAMES.gitDiff).median
  const answers: Record<string, string> = {
    [NAMES.inline]: 'no match: stable image',
    [NAMES.action]: `modified=false, all ${formatCount(WIDE_CHANGED)} files listed`,
    [NAMES.gitDiff]: `${formatCount(WIDE_CHANGED)} paths`,
    [NAMES.floor]: '',
  }
  const gitRows = git.map((t) => [t.name, formatMs(t.median), formatRatio(t.median, inline), answers[t.name] ?? ''])
  const apiRows = api.timings.map((t, i) => [t.name, formatMs(t.median), formatRatio(t.median, inline), api.cases[i]!.answer])
  return {
    title: `Scale: a PR of ${formatCount(WIDE_CHANGED)} changed files in ${formatCount(WIDE_FILES)} (git: median of ${GIT_ROUNDS} interleaved rounds; API: ${API_ROUNDS})`,
    table: {
      head: ['path', 'median', 'vs inline', 'answer'],
      rows: [
        ...gitRows,
        ...apiRows,
        [
          `listPullRequestFiles, ${formatCount(API_CAP)} files in ${API_CAP / 100} pages: action's client`,
          formatMs(api.listing.actionClient),
          '',
          `in process, loopback; median of ${LIST_REPEATS}`,
        ],
        [
          `  the same with a bare Octokit (no retry, no throttling)`,
          formatMs(api.listing.bareOctokit),
          '',
          'what the two plugins add per page',
        ],
      ],
    },
    notes: [
      `The API lists ${formatCount(API_CAP)} of the ${formatCount(WIDE_CHANGED)} files (${api.requestsPerRun} requests a run); the action decides from that list only when a watched file is in it.`,
      'git rows run on one fetch-depth: 0 checkout of the merge commit, where the action needs a single git diff.',
      `The action beyond node's start and git's diff: ${formatMs(own)} (loading the bundle, matching ${formatCount(WIDE_CHANGED)} paths, ` +
        'outputs); compare with the start-up section.',
    ],
    targets: [
      {
        name: 'git path, 10k of 100k files: beyond node -e 0 and git diff (#14)',
        goal: `<= ${formatMs(TARGET_OWN_MS)}`,
        measured: formatMs(own),
        met: own <= TARGET_OWN_MS,
      },
    ],
  }
}
