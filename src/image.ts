import type { Repository } from './context.js'

/** `ghcr.io/<owner>/<repo>/ci`, lower-cased as registries require. */
export function defaultImage(repository: Repository): string {
  return `ghcr.io/${repository.owner}/${repository.repo}/ci`.toLowerCase()
}
