// Checks the embedded GitHub's answers against GitHub's own OpenAPI description, so the fake
// cannot drift from the real API.
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject } from 'ajv'
import type { FormatsPlugin } from 'ajv-formats'
import type { RecordedRequest } from './github-server.js'

const require = createRequire(import.meta.url)
// ajv-formats is CommonJS whose default export TypeScript cannot see under NodeNext.
const addFormats = require('ajv-formats') as FormatsPlugin

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}

/**
 * OpenAPI 3.0's `nullable: true` beside `oneOf` and no `type` (the `commit` schema's `author`),
 * which Ajv refuses to compile, as the JSON Schema it means: the schema, or null.
 */
function typedNullables<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(typedNullables)
  else if (node !== null && typeof node === 'object') {
    const schema = node as Record<string, unknown>
    Object.values(schema).forEach(typedNullables)
    if (schema.nullable === true && schema.type === undefined) {
      const { nullable: _, ...rest } = schema
      for (const key of Object.keys(schema)) delete schema[key]
      schema.anyOf = [rest, { type: 'null' }]
    }
  }
  return node
}

let cached: { spec: OpenApi; ajv: Ajv; templates: [RegExp, string][] } | undefined

function load() {
  if (cached) return cached
  const spec = typedNullables(structuredClone(require('@octokit/openapi/generated/api.github.com.json') as OpenApi))
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true })
  addFormats(ajv)
  ajv.addSchema(spec, 'github')
  const templates = Object.keys(spec.paths).map((template): [RegExp, string] => [
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    template,
  ])
  cached = { spec, ajv, templates }
  return cached
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/** Problems with one recorded answer; empty when it matches the documented response schema. */
export function checkAgainstOpenApi(request: RecordedRequest): string[] {
  const { spec, ajv, templates } = load()
  const template = templates.filter(([re]) => re.test(request.path)).map(([, t]) => t)
  // The most specific template: fewest parameters.
  template.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
  const path = template[0]
  if (!path) return [`${request.method} ${request.path}: no such path in GitHub's API`]
  const operation = spec.paths[path]?.[request.method.toLowerCase()]
  if (!operation) return [`${request.method} ${path}: no such operation in GitHub's API`]
  const status = String(request.status)
  if (!(status in operation.responses)) {
    return [`${request.method} ${path}: GitHub documents no ${status} answer (${Object.keys(operation.responses).join(', ')})`]
  }
  if (request.status === 204 || request.status === 304 || request.responseBody === undefined) return []
  // Responses and schemas are often `$ref`s into components; follow them to a compiled validator.
  let response = operation.responses[status] as { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }
  let at = pointer('paths', path, request.method.toLowerCase(), 'responses', status)
  if (response.$ref) {
    at = response.$ref.slice(2)
    response = at.split('/').reduce((node: any, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
  }
  const schema = response.content?.['application/json']?.schema
  if (!schema) return []
  const validate = ajv.getSchema(schema.$ref ? `github${schema.$ref}` : `github#/${at}/${pointer('content', 'application/json', 'schema')}`)
  if (!validate) return [`${request.method} ${path} ${status}: cannot compile the response schema`]
  if (validate(request.responseBody)) return []
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((e: ErrorObject) => `${request.method} ${path} ${status}: ${e.instancePath || '(body)'} ${e.message}`)
}
