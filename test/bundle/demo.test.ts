// `npm run demo` is read by a person: the job log as GitHub shows it (no workflow command, no
// stop-commands token, no exec echo), each step's outputs and summary, and the image pulled is the
// digest-pinned one the wait handed over.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

describe('npm run demo', () => {
  let run: { status: number | null; stdout: string; stderr: string }
  let lines: string[]
  beforeAll(() => {
    run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['demo/run.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 55_000 })
    lines = run.stdout.split('\n')
  })

  it('plays the three scenarios to the end', () => {
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('━━ Summary')
  })

  it('shows the log as a person reads it: no workflow command, token or exec echo', () => {
    expect(lines.filter((line) => /(^|\s)::[\w-]+/.test(line) || line.includes('[command]'))).toEqual([])
    // Scenario 2's image is in a registry on loopback (the PR comment compares it with v2's).
    expect(run.stdout).toMatch(/\$ docker pull 127\.0\.0\.1:\d+\/acme\/app\/ci:pr-42@sha256:/)
  })

  it("pulls the pinned image, whose digest docker prints: the one wait-for-build's outputs name", () => {
    const pinned = /outputs: .*\bpinned-image=(\S+@(sha256:[0-9a-f]{64}))/.exec(run.stdout)
    expect(pinned).not.toBeNull()
    // docker pull's own line, in the log; the job summary names the same digest.
    expect(lines.filter((line) => /wait-for-build +Digest: /.test(line)).map((line) => line.split('Digest: ')[1])).toEqual([pinned![2]])
    expect(run.stdout).toContain(`summary │ Digest: ${pinned![2]}`)
    expect(run.stdout).toContain(`$ docker pull ${pinned![1]}`)
  })

  it("shows each step's outputs and job summary", () => {
    expect(run.stdout).toMatch(/check-generate › resolve-image +outputs: image=ghcr\.io\/acme\/app\/ci:v2 /)
    expect(run.stdout).toMatch(/check-generate › wait-for-build +summary │ Pinned: 127\.0\.0\.1:\d+\/acme\/app\/ci:pr-42@sha256:/)
  })
})
