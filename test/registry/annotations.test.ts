// The build sets resolve-image's `labels` as labels and as manifest annotations (the shipped
// build workflow; buildx puts an annotation without a level prefix on each platform's image
// manifest: docs.docker.com/build/metadata/annotations, "Specify annotation level"). Read from
// the manifest, the proof costs no config blob. A real registry behind a counting proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectImage } from '../../src/registry/inspect.js'
import { countingProxy, type CountingProxy } from '../support/counting-proxy.js'
import { registryFailure } from '../support/registry-error.js'
import { tempDir } from '../support/git.js'
import { pushImage } from '../support/registry-push.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

const A = 'a1'.repeat(20)
const REVISION = 'org.opencontainers.image.revision'
const SOURCE = 'org.opencontainers.image.source'
const INPUTS = 'ci-image.inputs'
const HASH = 'c3'.repeat(32)
const OTHER_HASH = 'd4'.repeat(32)
const LABELS = { [REVISION]: A, [SOURCE]: 'https://github.com/acme/app', [INPUTS]: HASH }
const options = () => ({
  docker: 'never' as const,
  sleep: async () => undefined,
  env: { DOCKER_CONFIG: tempDir('ci-image-docker-config-') },
})

describe('the proof read from the manifest’s annotations (a real registry, behind a counting proxy)', () => {
  let registry: RegistryService
  let proxy: CountingProxy
  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await countingProxy(registry.url)
  })
  afterAll(async () => {
    await proxy.stop()
    await registry.stop()
  })
  /** The answer of an inspection, and the paths it asked. */
  const inspectCounting = async (tag: string) => {
    const since = proxy.paths.length
    const result = await inspectImage(`${proxy.host}/acme/app/ci:${tag}`, options()).catch((error: unknown) => error)
    return { result, paths: proxy.paths.slice(since) }
  }

  it('an image whose manifest carries the labels as annotations: one request, its revision and inputs', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['annotated'], { labels: LABELS, annotations: LABELS })
    const { result, paths } = await inspectCounting('annotated')
    expect(result).toMatchObject({ revision: A, source: LABELS[SOURCE], labels: { [INPUTS]: HASH } })
    expect(paths).toEqual(['/v2/acme/app/ci/manifests/annotated'])
  })

  it('an image with labels only (no annotations): its config is read, two requests', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['labelled'], { labels: LABELS })
    const { result, paths } = await inspectCounting('labelled')
    expect(result).toMatchObject({ revision: A, labels: { [INPUTS]: HASH }, platform: 'linux/amd64' })
    expect(paths).toHaveLength(2)
  })

  it('annotations that carry no proof (neither revision nor inputs): the config’s labels are read', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['other-annotations'], {
      labels: LABELS,
      annotations: { 'org.opencontainers.image.title': 'CI' },
    })
    const { result, paths } = await inspectCounting('other-annotations')
    expect(result).toMatchObject({ revision: A, labels: { [INPUTS]: HASH } })
    expect(paths).toHaveLength(2)
  })

  it('an index whose platform manifests carry the annotations: the index and one request per platform', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['annotated-index'], {
      labels: LABELS,
      annotations: LABELS,
      platforms: ['linux/amd64', 'linux/arm64'],
      attestations: true,
    })
    const { result, paths } = await inspectCounting('annotated-index')
    expect(result).toMatchObject({
      revision: A,
      labels: { [INPUTS]: HASH },
      platform: 'linux/amd64',
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    expect(paths).toHaveLength(3)
  })

  it('platforms whose annotations disagree on the inputs: refused as labels are, without reading a config', async () => {
    const other = { ...LABELS, [INPUTS]: OTHER_HASH }
    await pushImage({ url: registry.url }, 'acme/app/ci', ['annotated-mixed'], {
      labels: LABELS,
      labelsFor: { 'linux/arm64': other },
      annotations: LABELS,
      annotationsFor: { 'linux/arm64': other },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    const since = proxy.paths.length
    const error = await registryFailure(inspectImage(`${proxy.host}/acme/app/ci:annotated-mixed`, options()))
    expect(error.message).toBe(
      `The platforms of ${proxy.host}/acme/app/ci:annotated-mixed disagree on ${INPUTS} (linux/amd64: ${HASH}; linux/arm64: ${OTHER_HASH}): they were not built from the same inputs.`,
    )
    expect(proxy.paths.slice(since)).toHaveLength(3)
  })
})
