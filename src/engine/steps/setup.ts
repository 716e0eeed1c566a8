/**
 * Setup: buildx new enough, QEMU only for the architectures the host can't run and binfmt_misc lacks,
 * the builder (the named one, the current one if it can, or one of our own), and the logins.
 */
import * as runner from '../../action/runner.js';
import {STATE, type Recorder} from '../../action/state.js';
import type {BuildPlan} from '../../pipeline/plan.js';
import type {EngineInputs} from '../../pipeline/inputs/index.js';
import type {Platform} from '../../lib/platform.js';
import type {BuildxApi} from '../buildx.js';
import {MIN_BUILDX, canReuse, describeRoutes, parseBuildxVersion, routePlatforms, versionAtLeast, type BuilderInfo, type PlatformRoute} from '../builder.js';
import {planQemu, type QemuPlan} from '../qemu.js';
import {login, registryOf, type LoginPlan} from '../login.js';

export interface SetupInput {
  buildx: BuildxApi;
  builds: BuildPlan[];
  engine: Pick<EngineInputs, 'setupQemu' | 'qemuImage' | 'builder' | 'buildkitImage'>;
  host: Platform;
  /** What the bake will do with the result: push it, load it into the local store, or neither. */
  output: 'push' | 'load' | 'none';
  /** The registries to log in to (planLogins); ignored unless pushing with the job's own docker config. */
  logins: LoginPlan[];
  /** The user's docker config as it is: their logins and credential helpers, none of ours. */
  userConfig: boolean;
  /** The name of a builder of our own, if one must be created. */
  builderName: string;
  /** `cache: local` will export cache, which the docker driver cannot: a docker-container builder then. */
  cacheExport?: boolean;
  record: Recorder;
}

export interface BuilderChoice {
  info: BuilderInfo;
  /** `--builder` for bake (none: the current builder). */
  arg?: string;
  /** The builder this run created, for removal. */
  created?: string;
  note: string;
  /** Which node builds which platform (a builder named by the builder input). */
  routes?: PlatformRoute[];
}

export interface SetupResult {
  buildxVersion: string;
  qemu: QemuPlan;
  builder: BuilderChoice;
  /** Registries logged in to, in order. */
  loggedIn: string[];
  loginNote: string;
}

const isLoopback = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);

async function checkBuildx(buildx: BuildxApi): Promise<string> {
  const output = await buildx.version();
  const v = parseBuildxVersion(output);
  if (!v) throw new Error(`docker buildx is not available (${output.trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
  if (!versionAtLeast(v, MIN_BUILDX)) throw new Error(`docker buildx ${v} is too old: multiarch-publish needs ${MIN_BUILDX} or newer (bake with annotations and attestations)`);
  return v;
}

/** Loading several platforms into the local store works only where the daemon's store holds indexes. */
function checkLoad(builder: BuilderInfo, platforms: string[], containerd: boolean): void {
  if (platforms.length < 2 || (builder.driver === 'docker' && containerd)) return;
  const why = builder.driver === 'docker' ? 'the daemon does not use the containerd image store' : `builder ${builder.name} uses the ${builder.driver} driver`;
  throw new Error(
    `Loading ${platforms.join(', ')} into the local image store needs the docker driver with the containerd image store, and ${why}: build one platform (e.g. --platforms ${platforms[0]}), or enable the containerd image store and use the default builder.`
  );
}

/**
 * The builder the builder input names, used as it is: every node read, each platform routed to its node
 * as buildx will, checked before anything is installed, logged in to or built.
 */
async function namedBuilder(i: SetupInput, platforms: string[], reads: Promise<BuilderReads>): Promise<BuilderChoice> {
  const {engine: e} = i;
  const name = e.builder;
  const load = i.output === 'load';
  const push = i.output === 'push' && platforms.length > 1;
  const {info: b, store} = await reads;
  if (load) checkLoad(b, platforms, store);
  if (i.cacheExport && b.driver === 'docker') {
    throw new Error(`cache: local needs a builder that can export cache, and builder ${b.name} (the builder input) uses the docker driver, which cannot: name a docker-container builder, leave builder empty (the action then creates one), or choose another cache`);
  }
  // buildx would refuse it at the bake ("multi-platform build is not supported for the docker driver")
  if (push && b.driver === 'docker' && !store) {
    throw new Error(
      `The builder input names ${b.name}, a docker-driver builder of a daemon without the containerd image store: it cannot build ${platforms.join(', ')} into one image. Nothing was logged in to, built or pushed. Enable the containerd image store (dockerd "features": {"containerd-snapshotter": true}), name a docker-container builder, or leave the builder input empty (the action then creates one).`
    );
  }
  const routes = routePlatforms(b, platforms);
  // buildx sends the platform there and fails at the bake: said here, before any login or build
  const down = routes.filter(r => r.node.status && r.node.status !== 'running');
  if (down.length) {
    throw new Error(`The builder input names ${b.name}, whose node ${down.map(r => `${r.node.name} (${r.node.status}) would build ${r.platform}`).join(', node ')}: it did not start (docker buildx inspect --bootstrap ${b.name} says why). Nothing was logged in to, built or pushed.`);
  }
  const nodes = b.nodes.length > 1 ? `, ${b.nodes.length} nodes` : '';
  return {info: b, arg: name, routes, note: `using builder ${b.name} (${b.driver} driver${nodes}), as the builder input asks${b.nodes.length > 1 && routes.length ? `: ${describeRoutes(routes)}` : ''}`};
}

/**
 * QEMU for a named builder: only the platforms none of its nodes lists (buildx sends those to the first
 * node, where an emulator on this host helps a node that runs here). A platform a node declares or lists
 * (native, or an emulator it already has) needs nothing from this job.
 */
function qemuForNamed(i: SetupInput, b: BuilderChoice, registered: string[]): {plan: QemuPlan; platforms: string[]} {
  const routes = b.routes ?? [];
  // no node read (an output this parser does not know): every platform as for any builder
  if (!routes.length) return {platforms: [...new Set(i.builds.flatMap(x => x.platforms))], plan: planQemu([...new Set(i.builds.flatMap(x => x.platforms))], i.host, registered, i.engine.setupQemu)};
  const unlisted = routes.filter(r => r.by === 'first node').map(r => r.platform);
  const built = routes.filter(r => r.by !== 'first node').map(r => r.platform);
  const byNodes = built.length ? `builder ${b.info.name}'s nodes build ${built.join(', ')}` : '';
  if (!unlisted.length) return {platforms: [], plan: {native: [], registered: [], missing: [], action: 'none', reason: `${byNodes}: QEMU not needed`}};
  const plan = planQemu(unlisted, i.host, registered, i.engine.setupQemu);
  return {platforms: unlisted, plan: {...plan, reason: `${byNodes ? `${byNodes}; ` : ''}no node of builder ${b.info.name} lists ${unlisted.join(', ')} (buildx sends it to node ${routes[0].node.name}): ${plan.reason}`}};
}

async function chooseBuilder(i: SetupInput, platforms: string[], reads: Promise<BuilderReads>): Promise<BuilderChoice> {
  const {buildx, engine: e} = i;
  const load = i.output === 'load';
  const {info: current, store} = await reads;
  const c8d = current.driver === 'docker' && store;
  const reuse = canReuse(current, platforms, c8d);
  const verdict = reuse.ok && i.cacheExport && current.driver === 'docker' ? {ok: false, reason: `cache: local exports cache, which builder ${current.name} (docker driver) cannot`} : reuse;
  const arg = current.name && !current.name.startsWith('default') ? current.name : undefined;
  if (load && platforms.length > 1) {
    checkLoad(current, platforms, c8d);
    if (!verdict.ok) throw new Error(`Cannot load ${platforms.join(', ')} into the local image store: ${verdict.reason}`);
  }
  if (verdict.ok) return {info: current, arg, note: verdict.reason};
  const name = i.builderName;
  const hostNetwork = i.builds.some(b => b.images.some(img => isLoopback(registryOf(img))));
  runner.info(`${verdict.reason}: creating a docker-container builder ${name}`);
  // recorded first: a builder half made by a failed create is still removed
  i.record(STATE.builder, name);
  const created = await buildx.createBuilder({name, image: e.buildkitImage || undefined, hostNetwork});
  const missing = canReuse(created, platforms, false);
  if (!missing.ok) throw new Error(`The new builder ${name} cannot build every platform: ${missing.reason}`);
  return {
    info: created,
    arg: name,
    created: name,
    note: `created docker-container builder ${name}${e.buildkitImage ? ` (${e.buildkitImage})` : ''}: ${verdict.reason}; removed ${i.userConfig ? 'when the run ends' : 'by the post step'}`
  };
}

async function logIn(i: SetupInput): Promise<{loggedIn: string[]; loginNote: string}> {
  if (i.output !== 'push') return {loggedIn: [], loginNote: 'no login: nothing is pushed'};
  if (i.userConfig) return {loggedIn: [], loginNote: 'no login: your docker config is used as it is (its logins and credential helpers)'};
  const done: string[] = [];
  for (const l of i.logins) {
    if (l.source === 'none') {
      runner.warning(`No credentials for ${l.registry} (${l.note ?? 'add it to registry-auth'}): pushing without logging in.`);
      continue;
    }
    await login(i.buildx, l);
    done.push(l.registry);
    i.record(STATE.logins, JSON.stringify(done));
  }
  return {loggedIn: done, loginNote: done.length ? `logged in to ${done.join(', ')}` : 'no login'};
}

/** The builder as buildx describes it, and whether the daemon uses the containerd image store. */
interface BuilderReads {
  info: BuilderInfo;
  store: boolean;
}

/**
 * The reads the builder decision needs, both at once (the store only matters for the docker driver, but
 * asking costs less than waiting): the named builder, or the current one. Read-only docker calls, so
 * they run beside the buildx version check; nothing is judged before that check passed.
 */
function readBuilder(i: SetupInput, platforms: string[]): Promise<BuilderReads> {
  const {buildx, engine: e} = i;
  const storeMatters = !e.builder || i.output === 'load' || (i.output === 'push' && platforms.length > 1);
  const reads = Promise.all([e.builder ? buildx.inspectBuilder(e.builder) : buildx.inspectBuilder(), storeMatters ? buildx.containerdImageStore() : Promise.resolve(false)]).then(([info, store]) => ({info, store}));
  // judged only after the version check: a rejection before then is not an unhandled one
  reads.catch(() => undefined);
  return reads;
}

export async function setup(i: SetupInput): Promise<SetupResult> {
  const platforms = [...new Set(i.builds.flatMap(b => b.platforms))];
  // the version check runs while binfmt_misc (a file) and the builder are read; it is judged first
  const versionCheck = runner.group('buildx', () => checkBuildx(i.buildx));
  versionCheck.catch(() => undefined); // awaited below: a rejection before then is not an unhandled one
  const registered = await i.buildx.registeredEmulators();
  // the current builder lists the platforms of the emulators there are: read early only when none is to be installed
  const currentQemu = i.engine.builder ? undefined : planQemu(platforms, i.host, registered, i.engine.setupQemu);
  const early = currentQemu?.action === 'install' ? undefined : readBuilder(i, platforms);
  const buildxVersion = await versionCheck;
  runner.info(`docker buildx ${buildxVersion}`);

  // a named builder is judged first: QEMU only for what none of its nodes builds
  const named = i.engine.builder ? await namedBuilder(i, platforms, early!) : undefined;
  const {plan: qemu, platforms: emulated} = named ? qemuForNamed(i, named, registered) : {plan: currentQemu!, platforms};
  runner.info(`QEMU: ${qemu.reason}`);
  if (qemu.action === 'install') {
    await i.buildx.installEmulators(i.engine.qemuImage, qemu.missing);
    // tonistiigi/binfmt exits 0 when an install fails: binfmt_misc is the judge, not the exit code,
    // so that a missing emulator is named here rather than as an `exec format error` deep in the build
    const after = planQemu(emulated, i.host, await i.buildx.registeredEmulators(), 'auto');
    if (after.missing.length) {
      throw new Error(`QEMU: ${i.engine.qemuImage} --install ${qemu.missing.join(',')} left no emulator for ${after.missing.join(', ')} in binfmt_misc; nothing was built (check the qemu-image input, or that the runner allows privileged containers)`);
    }
  }

  // after an install the current builder is read only now, with the emulators it will have
  const builder = named ?? (await chooseBuilder(i, platforms, early ?? readBuilder(i, platforms)));
  runner.info(`Builder: ${builder.note}`);

  const logins = await logIn(i);
  return {buildxVersion, qemu, builder, ...logins};
}
