import { execFileSync } from 'node:child_process';

// The end-to-end tests run the bundled CLI and agent, so bundle the current source first.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
