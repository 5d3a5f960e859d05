// The build workflow is the PR's (GitHub reads pull_request triggers from the merge commit, a
// fork's included), so before @actions/workflow-parser reads it, what reading it would cost is
// counted on its YAML, in time linear in the file: GitHub's own limits, and one of ours for the
// parser library's cost of an alias. Pure.
//
// GitHub's limits (actions/runner, src/Sdk/WorkflowParser): ParseOptions.cs, MaxFileSize
// (1024 * 1024 characters) and MaxDepth (50); Conversion/YamlObjectReader.cs, c_maxYamlNodes
// (50,000 parse events, "a single YAML node may be encountered multiple times due to YAML
// anchors": an alias counts the events of the node it repeats) and its "Maximum YAML nodes
// exceeded". A file past them is one GitHub starts no run of either.
import { CST, isAlias, isMap, isNode, isScalar, isSeq, Lexer, parseDocument, visit, type Alias, type Document, type Node } from 'yaml'

const WORKFLOW_LIMITS = {
  characters: 1024 * 1024,
  events: 50_000,
  depth: 50,
  /**
   * @actions/workflow-parser resolves each alias it meets with yaml's Alias.resolve(doc), which
   * walks the whole document (yaml, nodes/Alias.js): alias uses times document nodes is its work,
   * about 0.2 µs a step here. 24,000 aliases of a scalar are under GitHub's limits and took 107 s.
   * Real workflows use tens of aliases in thousands of nodes (10^5 steps); 10^7 is 100 times that,
   * and about 2 s.
   */
  aliasSteps: 10_000_000,
} as const

/** What reading the expanded document costs: parse events as GitHub counts them, alias uses, collection depth. */
interface Cost {
  events: number
  aliases: number
  depth: number
}

const SCALAR: Cost = { events: 1, aliases: 0, depth: 0 }

interface Walked {
  /** Nodes and pairs: what one Alias.resolve walks. */
  nodes: number
  /** Each alias's node, as Alias.resolve finds it: the last node before it with that anchor. */
  targets: Map<Alias, Node | undefined>
}

/** One walk in yaml's order, the one Alias.resolve walks in, done once instead of once per alias. */
function walk(doc: Document): Walked {
  const latest = new Map<string, Node>()
  const walked: Walked = { nodes: 0, targets: new Map() }
  visit(doc, {
    Node: (_key, node) => {
      walked.nodes++
      if (isAlias(node)) walked.targets.set(node, latest.get(node.source))
      else if (node.anchor) latest.set(node.anchor, node)
    },
    Pair: () => void walked.nodes++,
  })
  return walked
}

/**
 * The cost of the document with its aliases expanded, memoized per collection so that the count
 * takes time linear in the document however much it expands. An alias met inside the node it
 * repeats (a cycle) is resolved, then dropped by the parser: one alias use, no events.
 */
function expandedCost(doc: Document, targets: Walked['targets']): Cost {
  const known = new Map<Node, Cost>()
  const open = new Set<Node>()
  const cost = (node: unknown, depth: number): Cost => {
    if (!isNode(node) || isScalar(node)) return SCALAR
    if (isAlias(node)) {
      const target = targets.get(node)
      if (!target || open.has(target)) return { events: 0, aliases: 1, depth: 0 }
      const repeated = cost(target, depth)
      return { ...repeated, aliases: repeated.aliases + 1 }
    }
    const memo = known.get(node)
    if (memo) return memo
    // Deeper than the limit is all there is to know (and keeps this recursion shallow).
    if (depth > WORKFLOW_LIMITS.depth) return { events: 0, aliases: 0, depth: WORKFLOW_LIMITS.depth + 1 }
    open.add(node)
    const total: Cost = { events: 2, aliases: 0, depth: 1 }
    const add = (child: unknown) => {
      const c = cost(child, depth + 1)
      total.events += c.events
      total.aliases += c.aliases
      total.depth = Math.max(total.depth, c.depth + 1)
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        add(pair.key)
        add(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) add(item)
    }
    open.delete(node)
    known.set(node, total)
    return total
  }
  // Stream and document start and end are events too.
  const contents = cost(doc.contents, 1)
  return { ...contents, events: contents.events + 4 }
}

/** The tokens of a scalar or an alias: one parse event each. */
const SCALARS = new Set(['alias', 'scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header'])

/**
 * The parse events the file has at the least, from its tokens alone: a scalar or an alias is one,
 * a flow collection two. Lexing is cheap where composing the document is not (1 MiB of aliases
 * took seconds and half a gigabyte to compose): a file past the limit here is refused unparsed.
 */
function leastEvents(text: string): number {
  let events = 0
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token)
    if (type === 'flow-map-start' || type === 'flow-seq-start') events += 2
    else if (SCALARS.has(type ?? '')) events++
  }
  return events
}

const count = (n: number) => n.toLocaleString('en-US')

/**
 * Why the workflow `text` is beyond what is read, or undefined when it is within every limit. A
 * file that is no YAML is left to the parser, which stops at its first error and says where.
 */
export function workflowOverBudget(text: string): string | undefined {
  const githubToo = 'so GitHub starts no run of it either'
  if (text.length > WORKFLOW_LIMITS.characters) {
    return `it has ${count(text.length)} characters, more than the ${count(WORKFLOW_LIMITS.characters)} GitHub's workflow parser reads (MaxFileSize), ${githubToo}`
  }
  const nodesLimit = `the ${count(WORKFLOW_LIMITS.events)} GitHub's workflow parser reads ("Maximum YAML nodes exceeded"), ${githubToo}`
  const least = leastEvents(text)
  if (least > WORKFLOW_LIMITS.events) return `it has ${count(least)} YAML nodes before any alias is expanded, more than ${nodesLimit}`
  // The options @actions/workflow-parser parses with (yaml-object-reader.js), so that a file it
  // would refuse for a YAML error is refused here for the same one, before any alias is expanded.
  const doc = parseDocument(text, { uniqueKeys: false })
  if (doc.errors.length > 0) return undefined
  const { nodes, targets } = walk(doc)
  const { events, aliases, depth } = expandedCost(doc, targets)
  if (depth > WORKFLOW_LIMITS.depth) {
    return `it nests collections more than ${WORKFLOW_LIMITS.depth} deep, the most GitHub's workflow parser reads (MaxDepth), ${githubToo}`
  }
  if (events > WORKFLOW_LIMITS.events) {
    const expanded = events > 1e15 ? 'more nodes than can be counted' : `${count(events)} nodes`
    return `its aliases expand it to ${expanded}, more than ${nodesLimit}`
  }
  if (aliases * nodes > WORKFLOW_LIMITS.aliasSteps) {
    return (
      `its ${count(aliases)} alias uses in a document of ${count(nodes)} nodes would take @actions/workflow-parser ` +
      `${count(aliases * nodes)} steps (it walks the whole document for each use), more than the ${count(WORKFLOW_LIMITS.aliasSteps)} ci-image allows`
    )
  }
  return undefined
}
