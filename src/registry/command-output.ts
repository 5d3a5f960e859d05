// What an error message shows of a failed command's output: its last lines, where docker and git
// say what went wrong.
export function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join('\n')
}
