// Which package changes a reviewer of a CI image reads first. Pure.
//
// 1. Language toolchains: the compilers and runtimes checks run with, known by name whatever
//    installed them (a Debian package `golang-1.22-go`, `python3.11`, `openjdk-17-jdk-headless`;
//    syft's binary classifiers `pkg:generic/go`, `pkg:generic/python`, `pkg:generic/node`,
//    `pkg:generic/oracle/openjdk`: anchore/syft, syft/pkg/cataloger/binary/classifiers.go; the
//    Go toolchain that built a binary, `pkg:golang/stdlib`).
// 2. OS packages: deb, apk, rpm, alpm (the distribution's package manager).
// 3. Everything else: language libraries, generic binaries.
// Within a rank, by name (case aside), then namespace, then type.

const TOOLCHAINS: readonly RegExp[] = [
  /^(go|golang)(-[\d.]+)?(-go)?$/,
  /^(python|pypy)[\d.]*(-minimal)?$/,
  /^(node|nodejs)$/,
  /^(rust|rustc|cargo)$/,
  /^(openjdk|jdk|jre|java|graalvm|zulu|temurin)([-\d.].*)?$/,
  /^ruby[\d.]*$/,
  /^php[\d.]*(-cli)?$/,
  /^perl$/,
  /^dotnet(-.+)?$/,
  /^(gcc|g\+\+|clang|llvm)(-[\d.]+)?$/,
  /^(deno|bun|dart|julia|erlang|elixir|swift|kotlin|zig|ghc)$/,
]

const OS_TYPES = new Set(['deb', 'apk', 'rpm', 'alpm'])

export interface Ranked {
  type: string
  namespace: string
  name: string
}

/** 0: a language toolchain, 1: an OS package, 2: anything else. */
export function relevanceRank(p: Ranked): 0 | 1 | 2 {
  const name = p.name.toLowerCase()
  if ((p.type === 'golang' && name === 'stdlib' && p.namespace === '') || TOOLCHAINS.some((pattern) => pattern.test(name))) return 0
  return OS_TYPES.has(p.type) ? 1 : 2
}

export function isOsPackage(type: string): boolean {
  return OS_TYPES.has(type)
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** `items` most relevant first; each one ranked once (an SBOM lists tens of thousands of packages). */
export function sortByRelevance<T extends Ranked>(items: readonly T[]): T[] {
  const ranked = items.map((item) => ({ item, rank: relevanceRank(item), name: item.name.toLowerCase() }))
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      byText(a.name, b.name) ||
      byText(a.item.name, b.item.name) ||
      byText(a.item.namespace, b.item.namespace) ||
      byText(a.item.type, b.item.type),
  )
  return ranked.map((r) => r.item)
}
