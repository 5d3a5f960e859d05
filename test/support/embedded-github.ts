// One embedded GitHub per test: started before each, stopped after, in every file that needs it.
import { afterEach, beforeEach } from 'vitest'
import { FakeGitHub } from './github-server.js'

/**
 * Starts a fresh embedded GitHub before each test of the calling file and stops it after;
 * returns the running one. `setup` adds what every test of the file needs (workflows, comments).
 */
export function useEmbeddedGitHub(setup: (github: FakeGitHub) => void = () => {}): () => FakeGitHub {
  let github: FakeGitHub | undefined
  beforeEach(async () => {
    github = await new FakeGitHub().start()
    setup(github)
  })
  afterEach(async () => {
    await github?.stop()
    github = undefined
  })
  return () => {
    if (!github) throw new Error('The embedded GitHub runs only during a test.')
    return github
  }
}
