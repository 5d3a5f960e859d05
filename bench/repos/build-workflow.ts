// The watched paths, spelled the two ways the benchmarks compare: the build workflow the action
// derives `watch` from (README's example), and the inline step's grep pattern it replaces.

export const BUILD_WORKFLOW_PATH = '.github/workflows/build-ci-image.yml'

export const BUILD_WORKFLOW = `name: Build CI image
on:
  pull_request:
    paths: [Dockerfile.ci, ${BUILD_WORKFLOW_PATH}]
  push:
    branches: [main, v2]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
`

export const DOCKERFILE = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y make git\n'

/** The inline step's pattern: the same two paths as an extended regular expression. */
export const INLINE_WATCH_PATTERN = String.raw`^(Dockerfile\.ci|\.github/workflows/build-ci-image\.yml)$`
