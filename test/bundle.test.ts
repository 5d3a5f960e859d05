// What the bundle carries decides every step's start-up: keep out what is never called.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST } from './support/action.js'

const dir = join(DIST, '..')
const chunks = readdirSync(dir).filter((f) => f.endsWith('.js'))

describe('dist/', () => {
  it('bundles no HTTP client for OIDC tokens (undici): @actions/core needs it only for getIDToken', () => {
    // A bundle of @actions/core as published mentions undici over a hundred times.
    for (const chunk of chunks) expect(readFileSync(join(dir, chunk), 'utf8'), chunk).not.toContain('undici')
  })

  it('loads the REST client and the YAML parser only in the chunks of the commands that need them', () => {
    const entry = readFileSync(DIST, 'utf8')
    expect(entry).not.toContain('@octokit/plugin-throttling')
    expect(entry).not.toContain('js-yaml')
  })
})
