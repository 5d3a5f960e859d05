// Stands in for @actions/exec inside the bundle (see tsconfig.json `paths`).
//
// @actions/core imports @actions/exec at its top for `core.platform` (a PowerShell or lsb_release
// call this action never makes), and with it @actions/io and node:assert: about 5 ms of every
// step's start-up for code that never runs. Both functions are async, so this stand-in loads the
// real module (the npm alias `actions-exec`, the same version) on the first call, and behaves
// as it does from then on. Only the names those imports use are provided.
import type * as RealExec from 'actions-exec'

export async function exec(...args: Parameters<typeof RealExec.exec>): ReturnType<typeof RealExec.exec> {
  return (await import('actions-exec')).exec(...args)
}

export async function getExecOutput(...args: Parameters<typeof RealExec.getExecOutput>): ReturnType<typeof RealExec.getExecOutput> {
  return (await import('actions-exec')).getExecOutput(...args)
}
