// What an attacker with a fork PR can put in the build workflow and the tree: shared by the tests
// that show each is bounded (test/bundle/untrusted-workflow.test.ts) and the bench that times
// them (bench/bounds.ts).

const JOBS = "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n"

/** 475 bytes: nine anchors, each a list of ten aliases of the one before, so 10^9 scalars once expanded. */
export function aliasBomb(): string {
  const names = 'abcdefghi'
  const lines = [`  a: &a [${Array(10).fill('x').join(',')}]`]
  for (let i = 1; i < names.length; i++)
    lines.push(
      `  ${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    )
  return `on:\n  pull_request:\n    paths: [Dockerfile.ci]\nenv:\n${lines.join('\n')}\n${JOBS}`
}

/** `count` aliases of one scalar: a few nodes each, but @actions/workflow-parser walks the whole document for each. */
export function manyAliases(count: number): string {
  return `on:\n  pull_request:\n    paths: [Dockerfile.ci]\nenv:\n  a: &a x\n  b: [${Array(count).fill('*a').join(',')}]\n${JOBS}`
}

/** `count` plain scalars in one list: near GitHub's node limit, the most a workflow within every limit costs to read. */
export function manyScalars(count: number): string {
  return `on:\n  pull_request:\n    paths: [Dockerfile.ci]\nenv:\n  a: [${Array(count).fill('x').join(',')}]\n${JOBS}`
}

/** `**` `/` repeated: each group a `(.+/)?` for a backtracking matcher, tried against every split of a deep path. */
export function nestedGlobs(groups: number): string {
  return `${'**/'.repeat(groups)}z`
}

export function deepPath(levels: number, leaf = 'b'): string {
  return `${'a/'.repeat(levels)}${leaf}`
}

/** A build workflow whose pull_request trigger watches `pattern`. */
export function watching(pattern: string): string {
  return `on:\n  pull_request:\n    paths: ['${pattern}']\n${JOBS}`
}
