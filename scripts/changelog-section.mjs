// Prints one version's section of CHANGELOG.md (Keep a Changelog: `## [1.2.0] - 2026-01-31`), the
// body of the release notes (scripts/release-notes.mjs). Fails when the version has no section or an
// empty one, so a release never goes out with no notes.
//   node scripts/changelog-section.mjs v1.2.0 [CHANGELOG.md]
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** The section of `version` (with or without its v) in a changelog's text; throws, saying what to add, when it has none. */
export function changelogSection(text, tag, file = 'CHANGELOG.md') {
  const version = tag.replace(/^v/, '')
  const lines = text.split(/\r?\n/)
  const heading = (line) => /^## /.test(line)
  // `## [1.2.0]`, `## [1.2.0] - date` or `## 1.2.0 - date`; never a longer version that starts alike.
  const start = lines.findIndex(
    (line) =>
      heading(line) && (line.startsWith(`## [${version}]`) || new RegExp(`^## ${version.replaceAll('.', '\\.')}(\\s|$)`).test(line)),
  )
  if (start === -1)
    throw new Error(`${file} has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with the changes it releases.`)
  const rest = lines.slice(start + 1)
  // The section ends at the next version's heading, or at the link definitions closing the file.
  const end = rest.findIndex((line) => heading(line) || /^\[[^\]]+\]:\s/.test(line))
  const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
  if (body === '') throw new Error(`The section of ${version} in ${file} is empty: say what this release changes.`)
  return body
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [tag, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!tag) {
    console.error('Usage: node scripts/changelog-section.mjs <version or vX.Y.Z tag> [CHANGELOG.md]')
    process.exit(2)
  }
  try {
    process.stdout.write(`${changelogSection(readFileSync(file, 'utf8'), tag, file)}\n`)
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
