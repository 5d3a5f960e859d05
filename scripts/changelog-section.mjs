// Prints one version's section of CHANGELOG.md (Keep a Changelog: `## [1.2.0] - 2026-01-31`), the
// release notes the release workflow publishes. Fails when the version has no section or an empty
// one, so a release never goes out with no notes.
//   node scripts/changelog-section.mjs v1.2.0 [CHANGELOG.md]
import { readFileSync } from 'node:fs'

const [tag, file = 'CHANGELOG.md'] = process.argv.slice(2)
if (!tag) {
  console.error('Usage: node scripts/changelog-section.mjs <version or vX.Y.Z tag> [CHANGELOG.md]')
  process.exit(2)
}
const version = tag.replace(/^v/, '')
const lines = readFileSync(file, 'utf8').split(/\r?\n/)
const heading = (line) => /^## /.test(line)
// `## [1.2.0]`, `## [1.2.0] - date` or `## 1.2.0 - date`; never a longer version that starts alike.
const start = lines.findIndex(
  (line) => heading(line) && (line.startsWith(`## [${version}]`) || new RegExp(`^## ${version.replaceAll('.', '\\.')}(\\s|$)`).test(line)),
)
if (start === -1) {
  console.error(`${file} has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with the changes it releases.`)
  process.exit(1)
}
const rest = lines.slice(start + 1)
// The section ends at the next version's heading, or at the link definitions closing the file.
const end = rest.findIndex((line) => heading(line) || /^\[[^\]]+\]:\s/.test(line))
const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
if (body === '') {
  console.error(`The section of ${version} in ${file} is empty: say what this release changes.`)
  process.exit(1)
}
process.stdout.write(`${body}\n`)
