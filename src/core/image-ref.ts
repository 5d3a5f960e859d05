// An image *repository* says where a project's images live (`ghcr.io/acme/app/ci`); an image
// *reference* names one image in it, by tag (`ghcr.io/acme/app/ci:pr-42`) or also by digest
// (`ghcr.io/acme/app/ci:pr-42@sha256:…`). Inputs take repositories; outputs give references.
import type { Repository } from './event.js'

/** `ghcr.io/<owner>/<repo>/ci`, lower-cased as registries require. */
export function defaultImageRepository(repository: Repository): string {
  return `ghcr.io/${repository.owner}/${repository.repo}/ci`.toLowerCase()
}

export function imageReference(imageRepository: string, tag: string): string {
  return `${imageRepository}:${tag}`
}
