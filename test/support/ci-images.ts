// CI images as a Dockerfile.ci builds them: a Debian base layer, a layer of apt packages, a layer
// with the Go toolchain; pushed by BuildKit with their SBOM (test/support/buildkit-image.ts). Two
// builds that differ in the Go version differ in one layer and one package.
import { buildkitImage, type BuildkitImage, type BuildkitImageOptions, type SbomPackage } from './buildkit-image.js'

/** Debian 12's versions, as syft reads them from /var/lib/dpkg/status. */
const DEBIAN: Record<string, string> = {
  bash: '5.2.15-2+b7',
  'ca-certificates': '20230311',
  curl: '7.88.1-10+deb12u8',
  git: '1:2.39.5-0+deb12u1',
  make: '4.3-4.1',
  'protobuf-compiler': '3.21.12-3',
  'python3-pip': '23.0.1+dfsg-1',
  'python3.13': '3.13.1-2',
}

export interface CiImageSpec {
  /** The Go toolchain in /usr/local/go (syft: `pkg:generic/go`). */
  go: string
  /** Debian packages installed (names of DEBIAN). */
  apt?: string[]
  platforms?: string[]
  /** false: built without `sbom: true`. */
  sbom?: boolean
  layout?: BuildkitImageOptions['layout']
  name?: string
  labels?: Record<string, string>
  layerBlobs?: boolean
  /** Multiplies the layers' sizes (with layerBlobs false: sizes of a real CI image, no bytes). */
  scale?: number
}

const DEFAULT_APT = ['bash', 'ca-certificates', 'curl', 'git', 'make', 'python3-pip']

function packages(spec: CiImageSpec, architecture: string): SbomPackage[] {
  const debs = (spec.apt ?? DEFAULT_APT).map((name) => {
    const version = DEBIAN[name]!
    const upstream = version.replace(/^\d+:/, '')
    return {
      name,
      version,
      purl: `pkg:deb/debian/${name}@${encodeURIComponent(upstream)}?arch=${architecture}&distro=debian-12`,
    }
  })
  return [...debs, { name: 'go', version: spec.go, purl: `pkg:generic/go@${spec.go}` }]
}

export function ciImage(spec: CiImageSpec): BuildkitImage {
  const apt = spec.apt ?? DEFAULT_APT
  const scale = spec.scale ?? 1
  return buildkitImage({
    layout: spec.layout,
    name: spec.name,
    layerBlobs: spec.layerBlobs,
    platforms: (spec.platforms ?? ['linux/amd64']).map((platform) => ({
      platform,
      labels: spec.labels,
      layers: [
        { seed: `debian-12 ${platform}`, size: 1_200_000 * scale },
        { seed: `apt ${apt.join(' ')} ${platform}`, size: (300_000 + 45_000 * apt.length) * scale },
        { seed: `go ${spec.go} ${platform}`, size: (spec.go.startsWith('1.23') ? 1_675_000 : 1_550_000) * scale },
      ],
      packages: spec.sbom === false ? undefined : packages(spec, platform.split('/')[1]!),
    })),
  })
}
