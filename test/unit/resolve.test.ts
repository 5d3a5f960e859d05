// The resolve decision in process, through its I/O seams: a git that answers or cannot, the
// API's file list (truncated or not), the build workflow's text. What the bundle tests show
// end to end, here as a table.
import { describe, expect, it } from 'vitest'
import type { PullRequestTarget } from '../../src/action/target.js'
import type { GitResult } from '../../src/git/git.js'
import { resolveImage, type ResolveImageConfig, type ResolveImageIo } from '../../src/resolution/resolve.js'

const config: ResolveImageConfig = {
  imageRepository: 'ghcr.io/acme/app/ci',
  watch: [],
  buildWorkflow: 'build-ci-image.yml',
  branchTags: new Map([
    ['v2', 'v2'],
    ['main', 'latest'],
  ]),
  defaultTag: 'v2',
}
const pr: PullRequestTarget = {
  kind: 'pull_request',
  number: 42,
  baseRef: 'main',
  baseSha: 'b'.repeat(40),
  headSha: 'a'.repeat(40),
  headRef: 'feature',
  fork: false,
}
const BUILD_WORKFLOW = 'on:\n  pull_request:\n    paths: [Dockerfile.ci, docker/**]\n'

/** A git whose three-dot diff lists `files`; undefined: a workspace that is no repository. */
function git(files: string[] | undefined) {
  return async (args: string[]): Promise<GitResult> =>
    files !== undefined && args[0] === 'diff'
      ? { exitCode: 0, stdout: files.map((f) => `${f}\0`).join(''), stderr: '' }
      : { exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }
}

interface Row {
  name: string
  gitFiles?: string[]
  apiFiles?: string[]
  /** How many files the API listed (its cap is 3,000) when not all of `apiFiles`. */
  listed?: number
  changedFiles?: number
  workflow?: string
  /** The build workflow at the PR's head and merge commits, when the PR changed it (else `workflow`). */
  workflowInPr?: string | null
  fork?: boolean
  expect: { tag?: string; modified?: boolean; matched?: string[]; source?: 'git' | 'api'; count?: number; error?: RegExp }
}

const rows: Row[] = [
  {
    name: 'git answers; a watched file changed',
    gitFiles: ['src/a.ts', 'Dockerfile.ci'],
    workflow: BUILD_WORKFLOW,
    expect: { tag: 'pr-42', modified: true, matched: ['Dockerfile.ci'], source: 'git', count: 2 },
  },
  {
    name: 'git answers; nothing watched',
    gitFiles: ['src/a.ts'],
    workflow: BUILD_WORKFLOW,
    expect: { tag: 'latest', modified: false, matched: [], source: 'git', count: 1 },
  },
  {
    name: 'no repository: the API lists the files',
    gitFiles: undefined,
    apiFiles: ['docker/base/Dockerfile'],
    changedFiles: 1,
    workflow: BUILD_WORKFLOW,
    expect: { tag: 'pr-42', source: 'api', count: 1, matched: ['docker/base/Dockerfile'] },
  },
  {
    name: 'API list truncated, nothing watched in it: refuses',
    apiFiles: ['src/a.ts'],
    listed: 3000,
    changedFiles: 5000,
    workflow: BUILD_WORKFLOW,
    expect: { error: /PR #42 changes 5000 files, more than the 3000 the GitHub API lists, and none of those listed is watched/ },
  },
  {
    name: 'API list truncated, a watched file in it: decides',
    apiFiles: ['Dockerfile.ci'],
    listed: 3000,
    changedFiles: 5000,
    workflow: BUILD_WORKFLOW,
    expect: { tag: 'pr-42', source: 'api', count: 5000 },
  },
  {
    name: 'API count unknown, the cap reached: refuses',
    apiFiles: ['src/a.ts'],
    listed: 3000,
    workflow: BUILD_WORKFLOW,
    expect: { error: /at least 3000 files/ },
  },
  {
    // A misspelt build-workflow would otherwise read as "changes nothing watched".
    name: 'no build workflow on the base nor in the PR: an error naming the file and the workflows there',
    gitFiles: ['Dockerfile.ci'],
    workflow: undefined,
    expect: {
      error:
        /^The build workflow \.github\/workflows\/build-ci-image\.yml does not exist on base branch main \(bbbbbbb\) nor in the PR, .* The workflow files there: build\.yml, test\.yaml\. Set `build-workflow` /,
    },
  },
  {
    // The PR's copy decides (GitHub reads pull_request triggers at the merge commit).
    name: 'the PR adds a build workflow that watches itself: its own image',
    gitFiles: ['.github/workflows/build-ci-image.yml'],
    workflow: undefined,
    workflowInPr: 'on:\n  pull_request:\n    paths: [.github/workflows/build-ci-image.yml]\n',
    expect: { tag: 'pr-42', modified: true, matched: ['.github/workflows/build-ci-image.yml'] },
  },
  {
    // The file exists now, so it decides, not the defaults: it has no pull_request trigger.
    name: 'the PR adds a build workflow that runs on push only: the stable tag',
    gitFiles: ['.github/workflows/build-ci-image.yml'],
    workflow: undefined,
    workflowInPr: 'on: push\n',
    expect: { tag: 'latest', modified: false, matched: [] },
  },
  {
    name: 'a fork that changes the image keeps the stable tag',
    gitFiles: ['Dockerfile.ci'],
    workflow: BUILD_WORKFLOW,
    fork: true,
    expect: { tag: 'latest', modified: true },
  },
]

describe('the resolve decision through its seams', () => {
  it.each(rows)('$name', async (row) => {
    const asked: string[] = []
    const io: ResolveImageIo = {
      git: git(row.gitFiles),
      listWorkflows: async () => ['test.yaml', 'build.yml', 'README.md'],
      // The base's copy, and the PR's where it has its own; `null`: no such file.
      readBuildWorkflow: async (commits) => {
        asked.push(...commits.map((commit) => `workflow@${commit.slice(0, 7)}`))
        return commits.map((commit) =>
          commit !== pr.baseSha && row.workflowInPr !== undefined ? row.workflowInPr : (row.workflow ?? null),
        )
      },
      listPullRequestFiles: row.apiFiles
        ? async (n) => {
            asked.push(`files of #${n}`)
            return { paths: row.apiFiles!, listed: row.listed ?? row.apiFiles!.length }
          }
        : undefined,
    }
    const result = resolveImage(config, { ...pr, fork: row.fork ?? false, changedFiles: row.changedFiles }, io)
    if (row.expect.error) return void (await expect(result).rejects.toThrow(row.expect.error))
    const resolved = await result
    const e = row.expect
    if (e.tag) expect(resolved.reference).toBe(`ghcr.io/acme/app/ci:${e.tag}`)
    if (e.modified !== undefined) expect(resolved.modified).toBe(e.modified)
    if (e.matched) expect(resolved.matched).toEqual(e.matched)
    if (e.source) expect(resolved.changedSource).toBe(e.source)
    if (e.count !== undefined) expect(resolved.changedCount).toBe(e.count)
    // The changed files come first (git, else the API); then the workflow at the base, and at the
    // head too when the PR changed it.
    expect(asked.includes('files of #42')).toBe(row.gitFiles === undefined)
    expect(asked.filter((a) => a.startsWith('workflow@'))[0]).toBe('workflow@bbbbbbb')
  })

  it('without a token and without git, says how to fix it', async () => {
    const io: ResolveImageIo = { git: git(undefined), readBuildWorkflow: async (commits) => commits.map(() => BUILD_WORKFLOW) }
    await expect(resolveImage(config, pr, io)).rejects.toThrow('check out the repository (actions/checkout) or pass `github-token`')
  })

  it('takes the watch input at its word: the workflow is not read', async () => {
    const io: ResolveImageIo = {
      git: git(['ci.Dockerfile']),
      readBuildWorkflow: async () => {
        throw new Error('must not be read')
      },
    }
    const resolved = await resolveImage({ ...config, watch: ['ci.Dockerfile'] }, pr, io)
    expect(resolved).toMatchObject({ tag: 'pr-42', matched: ['ci.Dockerfile'] })
  })

  it("a PR that changes the image pushes pr-N and its head commit's immutable pr-N-sha-<7>", async () => {
    const io: ResolveImageIo = { git: git(['Dockerfile.ci']), readBuildWorkflow: async (commits) => commits.map(() => BUILD_WORKFLOW) }
    const resolved = await resolveImage(config, pr, io)
    expect(resolved.pushReferences).toEqual(['ghcr.io/acme/app/ci:pr-42', 'ghcr.io/acme/app/ci:pr-42-sha-aaaaaaa'])
  })

  it('a push builds the branch tags and lists no files', async () => {
    const io: ResolveImageIo = { git: git(undefined), readBuildWorkflow: async (commits) => commits.map(() => BUILD_WORKFLOW) }
    const resolved = await resolveImage(config, { kind: 'push', branch: 'v2', sha: 'c'.repeat(40) }, io)
    expect(resolved.pushReferences).toEqual(['ghcr.io/acme/app/ci:v2', 'ghcr.io/acme/app/ci:v2-sha-ccccccc'])
  })

  it('a push at a commit without the build workflow fails as a PR does, unless watch is given', async () => {
    const io: ResolveImageIo = {
      git: git(undefined),
      readBuildWorkflow: async (commits) => commits.map(() => null),
      listWorkflows: async () => [],
    }
    const push = { kind: 'push', branch: 'v2', sha: 'c'.repeat(40) } as const
    await expect(resolveImage(config, push, io)).rejects.toThrow(
      'The build workflow .github/workflows/build-ci-image.yml does not exist at ccccccc (v2), so nothing says which changes need a new image. .github/workflows has no workflow file there.',
    )
    expect((await resolveImage({ ...config, watch: ['Dockerfile.ci'] }, push, io)).tag).toBe('v2')
  })
})
