// What a registry's refusal or missing tag usually means, said once for `docker pull` and for
// reading an image's manifest. The GHCR causes come with the GitHub Docs page that explains each.

import { isPrCommitTag } from './pr-tags.js'

const DOCS = 'https://docs.github.com/en'

/** Whether a reference's registry is GitHub's Container registry (github.com's; GHES serves its own host). */
export function isGhcr(registry: string): boolean {
  return registry.toLowerCase() === 'ghcr.io'
}

/** The usual causes of a 401/403 (`DENIED`, `UNAUTHORIZED`) from ghcr.io for a workflow's token, one line each. */
export function ghcrDeniedCauses(): string[] {
  return [
    // "If you specify the access for any of these permissions, all of those that are not specified are set to none."
    '- The job may not read packages: a job with a `permissions:` block needs `packages: read` in it ' +
      `(${DOCS}/actions/writing-workflows/workflow-syntax-for-github-actions#permissions).`,
    // "If the package is private, only workflows running in repositories that are given read permission on that package can download the package."
    '- This repository has no access to the package: in the package\'s settings, under "Manage Actions access", add the repository with the Read role ' +
      `(${DOCS}/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility#ensuring-workflow-access-to-your-package).`,
    // A package pushed with the label inherits the linked repository's access, its workflows included.
    `- The package is not linked to the repository: build it with the label org.opencontainers.image.source=<the repository's URL> ` +
      "(resolve-image's `labels` output), or connect it in the package's settings " +
      `(${DOCS}/packages/learn-github-packages/connecting-a-repository-to-a-package).`,
  ]
}

/** The GHCR causes of a refusal, with where to read more. */
export function ghcrDeniedHint(): string {
  return [
    'On ghcr.io the usual causes are:',
    ...ghcrDeniedCauses(),
    `See "Working with the Container registry" (${DOCS}/packages/working-with-a-github-packages-registry/working-with-the-container-registry).`,
  ].join('\n')
}

/**
 * Why the registry refused to serve an image of `registry`, and what to do about it: with no
 * credentials sent, log in; with credentials refused, that account lacks access or expired; with
 * docker's kept from a token service on plain HTTP, serve it over HTTPS.
 */
export function deniedHint(registry: string, credentials?: 'none' | 'refused' | 'withheld'): string {
  if (isGhcr(registry)) return ghcrDeniedHint()
  if (credentials === 'withheld') {
    return `Serve ${registry}'s token service over HTTPS: docker's credentials are sent to no token service on plain HTTP but the registry's own host on loopback.`
  }
  if (credentials === 'refused') {
    return `That account may not pull the image, or its password or token expired: give it read access, or log in to ${registry} again (docker/login-action) with one that may pull it.`
  }
  return `Log in to ${registry} before this step (docker/login-action) with an account that may pull the image.`
}

/** Why a tag is not in the registry: almost always, nothing pushed it (yet). */
export function missingTagHint(reference: string): string {
  return isPrCommitTag(reference.slice(reference.lastIndexOf(':') + 1))
    ? `Nothing pushed this tag: the build must push pr-<N>-sha-<7> as well as pr-<N>. Pass resolve-image's \`tags\` output to docker/build-push-action's \`tags\` input with \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`
    : `Nothing pushed this tag: check the build's \`tags\` and \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`
}
