// Stands in for @actions/exec inside the bundle (see tsconfig.json `paths`).
//
// @actions/core imports @actions/exec at its top for `core.platform` (a PowerShell or lsb_release
// call this action never makes), and with it @actions/io and node:assert: about 3 ms of every
// step's start-up for code that never runs. getExecOutput is async, so this stand-in loads the
// real module (the npm alias `actions-exec`, the same version) on its first call, and behaves
// as it does from then on. It is the one name imported here (docker.ts and imagetools.ts use it too).
import type * as RealExec from 'actions-exec'

export async function getExecOutput(...args: Parameters<typeof RealExec.getExecOutput>): ReturnType<typeof RealExec.getExecOutput> {
  return (await import('actions-exec')).getExecOutput(...args)
}
