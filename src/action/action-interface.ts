// The action's public interface as action.yml declares it: each input with its default, and
// each output. Written once here; a test holds action.yml, the input parser and the local CLI's
// usage text to it.

/** Every input and its default. An empty default means "not given". */
export const INPUT_DEFAULTS = {
  command: '',
  // An expression the runner expands before the action starts: never a value the action reads.
  'github-token': '${{ github.token }}',
  image: '',
  watch: '',
  'build-workflow': 'build-ci-image.yml',
  'branch-tags': 'v2=v2\nmain=latest\nmaster=latest',
  // Empty: the tag branch-tags gives the repository's default branch, else `latest` (resolution/tags.ts).
  'default-tag': '',
  'pr-number': '',
  'head-sha': '',
  'poll-interval': '20',
  timeout: '1200',
  pull: 'true',
  'trusted-permission': 'write',
  reuse: 'pull-request',
  // wait-for-build, comment-image: resolve-image's `resolution` output; empty: they resolve by themselves.
  resolution: '',
  'job-status': 'success',
  digest: '',
  diff: 'true',
  'local-command': 'make gen',
} as const

export type InputName = keyof typeof INPUT_DEFAULTS

export const OUTPUT_NAMES = [
  'image',
  'tag',
  'tags',
  'labels',
  'modified',
  'changed-files',
  'reason',
  'fork',
  'pr-number',
  'head-sha',
  'base-ref',
  'run-id',
  'run-url',
  'conclusion',
  'digest',
  'pinned-image',
  'verified',
  'inputs-hash',
  'reusable-image',
  'reused',
  'resolution',
  'comment-id',
  'comment-url',
] as const

type OutputName = (typeof OUTPUT_NAMES)[number]

export type Outputs = Partial<Record<OutputName, string | number | boolean | undefined>>
