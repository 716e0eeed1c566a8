// Builders of an end-to-end test's own, seen as the action's runner sees them: docker runs with the
// test's HOME (and no DOCKER_CONFIG / BUILDX_CONFIG from the test's environment), so `buildx create`
// here and the action run with the same HOME share one buildx config, where builders live.
// Only builders a test names (with its per-run nonce) are created or removed here.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const execFileAsync = promisify(execFile);

/** The BuildKit image the docker-container builders run (scripts/buildkit-image.sh builds it: no pulls here). */
export const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';

/** docker with `home` as HOME; rejects on a non-zero exit code (stdout and stderr in the error). */
export function dockerAs(home: string, args: string[], opts: {timeoutMs?: number} = {}): Promise<{stdout: string; stderr: string}> {
  const env: NodeJS.ProcessEnv = {...process.env, HOME: home};
  delete env.DOCKER_CONFIG;
  delete env.BUILDX_CONFIG;
  return execFileAsync('docker', args, {env, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? 300_000});
}

/** One node of a builder: the platforms it declares (`--platform`), its name and its endpoint. */
export interface BuilderNode {
  platform?: string;
  node?: string;
  endpoint?: string;
}

/**
 * Creates a docker-container builder `name` from BUILDKIT_IMAGE on the host network (the registry is on
 * 127.0.0.1), one `buildx create` per node (the first creates it, the others `--append`); `bootstrap`
 * starts its nodes now rather than at the first build.
 */
export async function createContainerBuilder(home: string, name: string, opts: {nodes?: BuilderNode[]; bootstrap?: boolean; timeoutMs?: number} = {}): Promise<void> {
  const driverOpts = ['--driver-opt', `image=${BUILDKIT_IMAGE}`, '--driver-opt', 'network=host'];
  const nodes = opts.nodes?.length ? opts.nodes : [{}];
  for (const [i, n] of nodes.entries()) {
    await dockerAs(
      home,
      [
        'buildx',
        'create',
        ...(i === 0 ? ['--driver', 'docker-container'] : ['--append']),
        '--name',
        name,
        ...driverOpts,
        ...(n.platform ? ['--platform', n.platform] : []),
        ...(n.node ? ['--node', n.node] : []),
        ...(opts.bootstrap ? ['--bootstrap'] : []),
        ...(n.endpoint ? [n.endpoint] : [])
      ],
      {timeoutMs: opts.timeoutMs}
    );
  }
}

/** Removes builder `name` (its nodes' containers go with it); a failure is a warning, not an error. */
export async function removeBuilder(home: string, name: string): Promise<void> {
  await dockerAs(home, ['buildx', 'rm', '--force', '--', name], {timeoutMs: 120_000}).catch(e => console.warn(`removing builder ${name}: ${e}`));
}

/** Whether buildx (with this HOME) knows a builder `name`. */
export async function builderExists(home: string, name: string): Promise<boolean> {
  return dockerAs(home, ['buildx', 'inspect', '--', name], {timeoutMs: 60_000}).then(
    () => true,
    () => false
  );
}
