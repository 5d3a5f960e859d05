// In process, src/ modules log through @actions/core, which writes workflow commands
// (`::debug::...`) to stdout for the runner to read. Here they would break up the tables.
type Write = typeof process.stdout.write

export function muteWorkflowCommands(): void {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('::') ? true : write(chunk, ...rest)) satisfies Write
}
