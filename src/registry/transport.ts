// The two ways to read an image from its registry (docker buildx imagetools, or the HTTP API)
// answer the same two questions, so that what to do with the answers is written once.
import type { ImageConfig, ManifestDocument } from './image-manifest.js'

export interface Resolved {
  /** sha256 of the exact bytes the reference resolves to. */
  digest: string
  document: ManifestDocument
}

export interface Transport {
  via: 'docker' | 'http'
  /** What the reference resolves to: an index, a manifest list or an image manifest. */
  resolve(): Promise<Resolved>
  /**
   * The labels of the image manifest `digest` (which may be the resolved document itself): its
   * config's, or over HTTP its annotations' where they carry them (image-manifest.ts, annotatedLabels).
   */
  config(digest: string, resolved: Resolved): Promise<ImageConfig>
}
