// Loaded with `node --require` (through NODE_OPTIONS): at exit, writes the path of every CommonJS
// module the process loaded to the file named by CI_IMAGE_LOAD_LOG, one per line, so a test can
// tell which chunks of dist/ (a CommonJS bundle, scripts/build.mjs) a run really loaded.
const { appendFileSync } = require('node:fs')

process.on('exit', () => {
  const log = process.env.CI_IMAGE_LOAD_LOG
  if (log)
    appendFileSync(
      log,
      Object.keys(require.cache)
        .map((path) => `${path}\n`)
        .join(''),
    )
})
