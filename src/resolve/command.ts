// `resolve-image`: which image this context uses, and which tags a build here should push.
import * as core from '@actions/core'
import { repositoryUrl } from '../action/event.js'
import { code, escapeHtml } from '../action/html.js'
import { builtRevision, ociLabels } from '../resolution/oci-labels.js'
import type { ResolvedImage } from '../resolution/decision.js'
import type { Target } from '../action/target.js'
import { info } from '../log/log.js'
import type { Outputs } from '../action/action-interface.js'
import { setOutputs, targetOutputs, writeSummary } from '../action/report.js'
import { resolveForSession } from '../resolution/resolve.js'
import { resolutionValue } from '../resolution/resolution-value.js'
import type { Session } from '../action/session.js'

const MAX_FILES_IN_SUMMARY = 50

/**
 * Every output resolve-image sets, as text, but `resolution` (for the later steps of a run): the
 * action writes them, and the local CLI prints the same ones as JSON (`--json`). Undefined: not
 * known in this context, and not set.
 */
export function resolveImageOutputs(result: ResolvedImage, target: Target, labels: string[] | undefined): Outputs {
  return {
    image: result.reference,
    tag: result.tag,
    tags: result.pushReferences.join('\n'),
    labels: labels?.join('\n'),
    modified: result.modified,
    'changed-files': JSON.stringify(result.matched),
    reason: result.reason,
    fork: result.fork,
    // Empty where nothing is reused: no hash is computed there.
    'inputs-hash': result.reuse?.hash ?? '',
    'reusable-image': result.reuse?.reusable?.pinned ?? '',
    ...targetOutputs(target),
  }
}

function reportResolvedImage(result: ResolvedImage, session: Session, labels: string[]): void {
  const { target, ctx, imageRepository } = session
  const resolution = resolutionValue(result, { repository: ctx.repository, target, imageRepository })
  setOutputs({ ...resolveImageOutputs(result, target, labels), resolution })
  if (result.reuse?.notice) core.notice(result.reuse.notice, { title: 'CI image not reused' })
  if (result.reuse?.reusable) info(`${result.reuse.reusable.pinned} was built from the same inputs: a build here can copy it.`)
  if (result.fork && result.modified) {
    core.warning(`${result.reason} Its checks run on the stable image, not on the changed Dockerfile.`, {
      title: 'Changed CI image not used',
    })
  }
  for (const warning of result.warnings) core.warning(warning, { title: 'CI image' })
  info(`${result.reference}: ${result.reason}`)

  const rows = [
    ['Image', code(result.reference)],
    ['Why', escapeHtml(result.reason)],
    ['Push', result.pushReferences.length > 0 ? result.pushReferences.map(code).join('<br>') : 'nothing (no build in this context)'],
  ]
  // The source names the build workflow, a file name the inputs validated.
  if (result.watch) rows.push(['Watched', `${result.watch.patterns.map(code).join(' ')} from ${result.watch.source}`])
  if (result.reuse?.hash) rows.push(['Inputs', `${code(result.reuse.hash)} (${result.reuse.inputFiles} files)`])
  if (result.reuse?.reusable) rows.push(['Reusable', code(result.reuse.reusable.pinned)])
  if (result.reuse?.notice) rows.push(['Not reused', escapeHtml(result.reuse.notice)])
  for (const warning of result.warnings) rows.push(['Warning', escapeHtml(warning)])
  if (result.changedSource) rows.push(['Changed files', `${result.changedCount} (listed by ${result.changedSource})`])
  const summary = core.summary.addHeading('CI image', 3).addTable(rows.map(([k, v]) => [{ data: k!, header: true }, v!]))
  if (result.matched.length > 0) {
    const shown = result.matched.slice(0, MAX_FILES_IN_SUMMARY).map(code)
    if (result.matched.length > shown.length) shown.push(`and ${result.matched.length - shown.length} more`)
    summary.addDetails(`Watched files changed (${result.matched.length})`, shown.join('<br>'))
  }
  writeSummary(summary)
}

export async function resolveImageCommand(session: Session): Promise<void> {
  const result = await core.group('Resolving the CI image', () => resolveForSession(session))
  // What a build here sets, so that wait-for-build can prove which commit an image was built from.
  const labels = ociLabels({
    revision: builtRevision(session.target),
    sourceUrl: repositoryUrl(session.ctx),
    inputsHash: result.reuse?.hash,
  })
  reportResolvedImage(result, session, labels)
}
