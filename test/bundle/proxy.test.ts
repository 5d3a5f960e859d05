// Self-hosted runners reach GitHub through a proxy set in the environment (HTTP_PROXY,
// HTTPS_PROXY, NO_PROXY): the REST client comes from @actions/github, which honours them,
// with no Node option to set.
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { startProxy, type Proxy } from '../support/proxy.js'

// A name no resolver knows: only the proxy can reach it.
const API = 'http://api.github.internal.test'
const github = useEmbeddedGitHub((github) => github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }]))
let proxy: Proxy | undefined
afterEach(async () => {
  await proxy?.stop()
  proxy = undefined
})

const resolveFromApi = (env: Record<string, string>) =>
  runAction({
    inputs: { command: 'resolve-image', 'github-token': 'ghs_proxyTest', watch: 'Dockerfile.ci' },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 42, headSha: '4'.repeat(40) }),
    apiUrl: API,
    env,
  })

describe('behind a proxy', () => {
  it('sends its API requests through the proxy named in the environment', async () => {
    proxy = await startProxy(github().url)
    const run = await resolveFromApi({ http_proxy: proxy.url })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ modified: 'true', tag: 'pr-42' })
    expect(proxy.asked.length).toBeGreaterThan(0)
    // The name resolves nowhere: every request went through the proxy, or the step would have failed.
    expect(proxy.asked.every((line) => line.includes('api.github.internal.test'))).toBe(true)
    expect(github().requests.map((r) => r.path)).toContain('/repos/acme/app/pulls/42/files')
  })
})
