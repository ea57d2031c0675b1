/**
 * Keeps the last bytes a process printed, so an error can show what the service said
 * before it failed without holding megabytes of logs in memory.
 */
export class OutputTail {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly limitBytes = 16 * 1024) {}

  push(chunk: string): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limitBytes && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  /** The last `lines` lines, indented for an error message. */
  lastLines(lines = 20): string {
    const text = this.chunks.join('').slice(-this.limitBytes);
    const all = text.split('\n').filter((line, i, arr) => line !== '' || i < arr.length - 1);
    const shown = all.slice(-lines);
    if (shown.length === 0) return '    (no output)';
    return shown.map((line) => `    | ${line}`).join('\n');
  }
}
