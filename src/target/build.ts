import { PerfgateError } from '../errors.js';
import { ProcessGroup } from './process-group.js';

/** Runs the service's build command once; a failure carries the exit status and the last output. */
export async function runBuild(command: string, cwd: string, env: NodeJS.ProcessEnv, what = 'build command'): Promise<void> {
  const group = new ProcessGroup(command, { cwd, env });
  const status = await group.exited;
  await group.stop(0);
  if (status.code !== 0) {
    throw new PerfgateError(
      'BUILD_FAILED',
      `${what} \`${command}\` ${group.describeExit()} (in ${cwd}); its last output:\n${group.output.lastLines()}`,
    );
  }
}
