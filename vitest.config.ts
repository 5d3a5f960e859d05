import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// @actions/workflow-parser ships source maps that name sources it does not ship: read its files
// without them, rather than print a warning per file.
const workflowParserWithoutSourceMaps = {
  name: 'workflow-parser-without-source-maps',
  load(id: string) {
    if (!/\/@actions\/workflow-parser\/dist\/.*\.js$/.test(id)) return undefined
    return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')
  },
}

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn git and node; two cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // What src/ writes through @actions/core (`::debug::`, `::add-mask::`) and @actions/exec goes to
    // process.stdout and stderr, which vitest does not capture: held back, shown when a test fails.
    // An absolute path, so that test/static/quiet-output.test.ts can run this config on a fixture.
    setupFiles: [resolve(import.meta.dirname, 'test/support/captured-output.ts')],
    // Most of a test's time is spent waiting on the processes it starts (git, the bundle, docker,
    // a registry), so more files than cores run at once: on 2 cores, the whole suite took 217 s
    // with vitest's default and 99 s with 4 workers (CONTRIBUTING.md, "Timings").
    maxWorkers: 4,
    // @actions/workflow-parser imports its schema as JSON without an import attribute, which
    // bundlers accept and Node refuses: vite transforms it as ncc does for dist/.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
})
