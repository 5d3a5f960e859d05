// Loaded with `node --import` (through NODE_OPTIONS): writes the URL of every module the process
// loads to the file named by CI_IMAGE_LOAD_LOG, one per line, so a test can tell which chunks of
// dist/ a run really loaded.
import { register } from 'node:module'

register(new URL('./record-loads-hooks.mjs', import.meta.url), { data: { log: process.env.CI_IMAGE_LOAD_LOG } })
