// Prints the notes of a release: first the exact lines that use it (the action pinned to the
// release's commit with its version in a comment, as GitHub advises for third-party actions, and
// the CLI at that commit), then its CHANGELOG.md section. The release workflow publishes them, so
// that a reader copies the repository's real name and the commit from the release page.
// Fails when the tag is not package.json's version, or the changelog has no section for it.
//   node scripts/release-notes.mjs v1.0.0 acme/ci-image <40-hex commit> [CHANGELOG.md] [package.json]
import { readFileSync } from 'node:fs'
import { changelogSection } from './changelog-section.mjs'

const [tag, repository, sha, changelog = 'CHANGELOG.md', manifest = 'package.json'] = process.argv.slice(2)
const fail = (message, code = 1) => {
  console.error(message)
  process.exit(code)
}
if (!tag || !repository || !sha) {
  fail('Usage: node scripts/release-notes.mjs <vX.Y.Z tag> <owner/repo> <commit SHA> [CHANGELOG.md] [package.json]', 2)
}
if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag)) fail(`${tag} is not a vX.Y.Z[-prerelease] tag.`)
if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) fail(`${repository} is not an owner/repo name.`)
if (!/^[0-9a-f]{40}$/.test(sha)) fail(`${sha} is not a full commit SHA (40 lower-case hexadecimal characters).`)
const version = tag.slice(1)
const declared = JSON.parse(readFileSync(manifest, 'utf8')).version
if (declared !== version)
  fail(`${manifest} says version ${declared}, the tag ${tag}: set "version": "${version}", commit, and tag that commit.`)
let changes
try {
  changes = changelogSection(readFileSync(changelog, 'utf8'), version, changelog)
} catch (error) {
  fail(error.message)
}
process.stdout.write(`## Use this release

In a workflow, the action pinned to this release's commit (the comment names the version, for people and for Dependabot):

\`\`\`yaml
uses: ${repository}@${sha} # ${tag}
\`\`\`

On your machine, the image CI uses for your branch ([local use](https://github.com/${repository}/blob/${tag}/docs/local-use.md)):

\`\`\`console
npx --yes github:${repository}#${sha} resolve-image
\`\`\`

## Changes

${changes}
`)
