// A green `npm test` reads as green, and a red one shows what its failing test wrote, inert: runs
// this repository's vitest.config.ts on a fixture that writes as src/ does (src/log through
// @actions/core, a process run by @actions/exec, raw writes), and reads the output as the runner
// would when `npm test` runs in a workflow (.github/workflows/test.yml).
import { spawnSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/git.js'
import { workflowCommands } from '../support/workflow-commands.js'

const ROOT = resolve(import.meta.dirname, '../..')
const LOG = join(ROOT, 'src/log/log.ts')

const FIXTURE = `
import * as core from '@actions/core'
import { exec } from '@actions/exec'
import { afterEach, beforeAll, expect, it } from 'vitest'
import { debug, info, withCommandsStopped } from ${JSON.stringify(LOG)}

// Built, so that vitest's code frame of the failing line does not quote it.
const ERROR = '##' + '[error]'

beforeAll(() => debug('QUIET-beforeAll'))
afterEach(() => debug('QUIET-afterEach'))

it('passes, writing as the action does', async () => {
  debug('QUIET-passing')
  core.setSecret('QUIET-passing-secret')
  await exec(process.execPath, ['-e', 'console.log("::warning::QUIET-child")'])
  process.stderr.write(ERROR + 'QUIET-passing-stderr\\n')
})

it('fails, writing as the action does', async () => {
  debug('QUIET-failing')
  core.setSecret('QUIET-failing-secret')
  await withCommandsStopped(async () => info('QUIET-stopped'))
  process.stderr.write(ERROR + 'QUIET-failing-stderr\\r\\n')
  expect('the answer').toBe('another')
})
`

/** Runs vitest with this repository's config on the fixture alone. */
function runFixture() {
  const dir = tempDir('ci-image-quiet-')
  mkdirSync(join(dir, 'test'))
  writeFileSync(join(dir, 'test', 'noisy.test.ts'), FIXTURE)
  // The fixture imports vitest and @actions/* as a test of this repository does.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      dir,
      '--config',
      join(ROOT, 'vitest.config.ts'),
      '--reporter',
      'default',
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 50_000 },
  )
}

describe("the test run's output", () => {
  it('carries no workflow command, holds back what passing tests wrote, and shows a failing test’s lines inert', () => {
    const run = runFixture()
    const output = run.stdout + run.stderr
    expect(run.status, output).toBe(1)
    expect(output).toContain('1 failed | 1 passed')

    // The runner, reading `npm test`'s log, would act on none of it: no mask, no annotation.
    expect(workflowCommands(output).map(({ line }) => line)).toEqual([])
    // A passing test's output is not shown at all, nor the secrets it registered.
    expect(output).not.toMatch(/QUIET-(passing|child)/)
    // The failing test's output is, in order, its beforeEach-to-afterEach lines, each readable.
    const shown = output.split('\n').filter((line) => /^ {2}std(out|err) │ /.test(line))
    expect(shown).toEqual([
      '  stdout │ ::debug::QUIET-failing',
      '  stdout │ ::add-mask::QUIET-failing-secret',
      expect.stringMatching(/^ {2}stdout │ ::stop-commands::ci-image-[0-9a-f]{32}$/),
      '  stdout │ QUIET-stopped',
      expect.stringMatching(/^ {2}stdout │ ::ci-image-[0-9a-f]{32}::$/),
      '  stderr │ ##%5Berror]QUIET-failing-stderr',
      '  stdout │ ::debug::QUIET-afterEach',
      // What the file wrote outside its tests, since one failed.
      '  stdout │ ::debug::QUIET-beforeAll',
    ])
  })
})
