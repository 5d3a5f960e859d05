// A package URL, `pkg:type/namespace/name@version?qualifiers#subpath`, read as the purl
// specification parses it (package-url/purl-spec, docs/specification/how-to-parse.md): from the
// right, subpath, qualifiers, scheme, type, version, name, then namespace. Pure.

export interface PackageUrl {
  /** Lower-cased, as the specification has it: `deb`, `golang`, `npm`, `generic`. */
  type: string
  /** Percent-decoded segments joined by `/`; empty when there are none (`debian`, `github.com/spf13`). */
  namespace: string
  name: string
  version?: string
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** undefined when `text` is not a package URL (no `pkg:` scheme, no type or no name). */
export function parsePurl(text: string): PackageUrl | undefined {
  let remainder = text.split('#')[0]!
  const question = remainder.lastIndexOf('?')
  if (question >= 0) remainder = remainder.slice(0, question)
  const colon = remainder.indexOf(':')
  if (colon < 0 || remainder.slice(0, colon).toLowerCase() !== 'pkg') return undefined
  remainder = remainder.slice(colon + 1).replace(/^\/+/, '')
  const slash = remainder.indexOf('/')
  if (slash <= 0) return undefined
  const type = remainder.slice(0, slash).toLowerCase()
  // "The type is composed only of ASCII letters and numbers, '.', '+' and '-'" (specification.md).
  if (!/^[a-z][a-z0-9.+-]*$/.test(type)) return undefined
  remainder = remainder.slice(slash + 1)
  const at = remainder.lastIndexOf('@')
  const version = at >= 0 ? decode(remainder.slice(at + 1)) : undefined
  if (at >= 0) remainder = remainder.slice(0, at)
  remainder = remainder.replace(/\/+$/, '')
  const lastSlash = remainder.lastIndexOf('/')
  const name = decode(remainder.slice(lastSlash + 1))
  const segments = lastSlash >= 0 ? remainder.slice(0, lastSlash).split('/').filter(Boolean).map(decode) : []
  if (!name || segments.includes(undefined)) return undefined
  return { type, namespace: segments.join('/'), name, ...(version ? { version } : {}) }
}
