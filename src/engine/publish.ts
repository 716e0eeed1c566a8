/**
 * Publishing a plan for real, in order: buildx -> QEMU (only where needed) -> builder -> login (only when
 * pushing) -> one bake for every build -> verify -> move the tags -> read back -> outputs and summary.
 *
 * Atomic tags: the bake pushes content only — by digest (drivers that can), or under a staging tag unique
 * to this run (the docker driver cannot push by digest). No tag a user can see is touched until every
 * build of the run, on every platform, has succeeded and its index is read back from the registry; then
 * a final pass points the tags at those indexes with `imagetools create` (same digest). A failure before
 * that pass leaves every existing tag where it was.
 */
import {mkdirSync, mkdtempSync, writeFileSync, readFileSync, existsSync, symlinkSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import * as runner from '../action/runner.js';
import {InputError, InputErrors} from '../pipeline/inputs/errors.js';
import type {Prepared} from '../pipeline/prepare.js';
import type {BuildPlan} from '../pipeline/plan.js';
import {hostPlatform} from '../lib/platform.js';
import {STATE, remember} from '../action/state.js';
import {cleanup} from './cleanup.js';
import {registeredEmulators, planQemu, installQemu} from './qemu.js';
import {buildxVersion, inspectBuilder, containerdImageStore, canReuse, createBuilder, type BuilderInfo} from './builder.js';
import {planLogins, login, createDockerConfig, registryOf} from './login.js';
import {bakeDefinition, bake, parseFailures, workspaceDir, type BakeSettings, type BakeMetadata} from './bake.js';
import {cacheSettings} from './cache.js';
import {inspectImage, moveTags, resolveDigest, registryMessage, type RegistryImage} from './registry.js';
import {isTransient, run} from './exec.js';
import {publishSummary, writeSummary, writeOutputs, type PublishResult, type EngineReport} from '../report/index.js';

/** Docker's own config directory for this user (where builders and CLI plugins live). */
function userDockerConfig(env: NodeJS.ProcessEnv): string {
  return env['DOCKER_CONFIG'] || join(env['HOME'] || homedir(), '.docker');
}

/**
 * The job's own DOCKER_CONFIG: credentials never touch ~/.docker. Builders stay where buildx keeps them
 * (BUILDX_CONFIG), CLI plugins and contexts are linked, so the user's setup is still what runs.
 */
function dockerEnvironment(env: NodeJS.ProcessEnv, dir: string): Record<string, string> {
  const user = userDockerConfig(env);
  for (const sub of ['cli-plugins', 'contexts']) {
    if (existsSync(join(user, sub))) symlinkSync(join(user, sub), join(dir, sub));
  }
  let currentContext: string | undefined;
  try {
    currentContext = JSON.parse(readFileSync(join(user, 'config.json'), 'utf8')).currentContext;
  } catch {
    currentContext = undefined;
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify(currentContext ? {currentContext} : {}), {mode: 0o600});
  return {DOCKER_CONFIG: dir, BUILDX_CONFIG: env['BUILDX_CONFIG'] || join(user, 'buildx')};
}

const isLoopback = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);

/** How a run is carried out beyond the plan (the CLI's terminal runs differ from a workflow's). */
export interface PublishOptions {
  /** Build, never push: load every image into the local image store under the plan's tags; no login, verification or tag moves. */
  load?: boolean;
  /**
   * `job` (default): a DOCKER_CONFIG of the job's own, logins from the inputs, state for the post step.
   * `user`: the user's docker config as is (their logins and credential helpers), no login or logout,
   * nothing recorded for a post step; what the run made (a builder, the secrets) is removed before it returns.
   */
  dockerConfig?: 'job' | 'user';
}

type Record_ = (name: (typeof STATE)[keyof typeof STATE], value: string) => void;

/** Which builder runs the bake: the named one, the current one if it can, or one of our own. */
async function chooseBuilder(p: Prepared, env: Record<string, string>, report: EngineReport, record: Record_): Promise<BuilderInfo> {
  const e = p.inputs.engine;
  const platforms = [...new Set(p.plan.builds.flatMap(b => b.platforms))];
  if (e.builder) {
    const b = await inspectBuilder(env, e.builder);
    report.builder = `using builder ${b.name} (${b.driver} driver), as the builder input asks`;
    return b;
  }
  // both at once: the store only matters for the docker driver, but asking costs less than waiting
  const [current, store] = await Promise.all([inspectBuilder(env), containerdImageStore(env)]);
  const c8d = current.driver === 'docker' && store;
  const verdict = canReuse(current, platforms, c8d);
  if (verdict.ok) {
    report.builder = verdict.reason;
    return current;
  }
  const name = `multiarch-publish-${(process.env['GITHUB_RUN_ID'] || String(Date.now())).slice(-10)}-${process.pid}`;
  const hostNetwork = p.plan.builds.some(b => b.images.some(i => isLoopback(registryOf(i))));
  runner.info(`${verdict.reason}: creating a docker-container builder ${name}`);
  record(STATE.builder, name);
  const created = await createBuilder(env, {name, image: e.buildkitImage || undefined, hostNetwork});
  report.builder = `created docker-container builder ${name}${e.buildkitImage ? ` (${e.buildkitImage})` : ''}: ${verdict.reason}; removed ${record === remember ? 'by the post step' : 'at the end of the run'}`;
  const missing = canReuse(created, platforms, false);
  if (!missing.ok) throw new Error(`The new builder ${name} cannot build every platform: ${missing.reason}`);
  return created;
}

/** Which platform of a failed target failed, when the log does not say: each one alone, cache-only. */
async function diagnosePlatform(build: BuildPlan, file: string, env: Record<string, string>, builder: string | undefined): Promise<string[]> {
  const failed: string[] = [];
  for (const platform of build.platforms) {
    const out = await run('docker', ['buildx', 'bake', '--file', file, '--progress', 'quiet', ...(builder ? ['--builder', builder] : []), '--set', `${build.id}.platform=${platform}`, '--set', `${build.id}.output=type=cacheonly`, build.id], {env, allowFailure: true, cwd: workspaceDir()});
    if (out.code !== 0) failed.push(platform);
  }
  return failed.length ? failed : build.platforms;
}

/**
 * A context or Dockerfile that is not there is bad input like any other: said before any login or build,
 * naming the `images` line (remote contexts, such as git URLs, are BuildKit's to fetch).
 */
export function checkBuildFiles(builds: BuildPlan[], workspace: string): void {
  const errors: InputError[] = [];
  const remote = (p: string) => /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(p);
  for (const b of builds) {
    if (remote(b.context)) continue;
    const context = resolve(workspace, b.context);
    if (!existsSync(context)) errors.push(new InputError('images', `the build context ${b.context} does not exist (in ${workspace})`, b.line));
    else if (!existsSync(resolve(workspace, b.file))) errors.push(new InputError('images', `the Dockerfile ${b.file} does not exist (in ${workspace})`, b.line));
  }
  if (errors.length) throw new InputErrors(errors);
}

export async function publish(p: Prepared, env: NodeJS.ProcessEnv, options: PublishOptions = {}): Promise<void> {
  if (options.dockerConfig !== 'user') return publishRun(p, env, options, remember);
  // a terminal run has no post step: what it would record is undone here, whatever happens
  const made: Record<string, string> = {};
  try {
    await publishRun(p, env, options, (name, value) => (made[name] = value));
  } finally {
    if (Object.keys(made).length) await cleanup(name => made[name] ?? '');
  }
}

async function publishRun(p: Prepared, env: NodeJS.ProcessEnv, options: PublishOptions, record: Record_): Promise<void> {
  const {plan, inputs, ctx} = p;
  const e = inputs.engine;
  const load = !!options.load;
  const userConfig = options.dockerConfig === 'user';
  const pushing = plan.push && !load;
  if (plan.builds.some(b => b.images.length === 0)) {
    throw new Error(`${load ? 'No image name to load the build under' : 'Nothing to publish to'}: the images input is empty, so the tags are bare. Name at least one image (or use dry-run: true for the outputs alone).`);
  }
  if ((pushing || load) && plan.builds.some(b => b.tagNames.length === 0)) {
    throw new Error(`No tag was generated for this ${plan.eventName || 'event'} on ${plan.ref || 'no ref'} (check the tags input): nothing would be ${load ? 'loaded' : 'published'}.`);
  }
  checkBuildFiles(plan.builds, workspaceDir() ?? process.cwd());
  for (const s of e.secrets) runner.setSecret(s.text.slice(s.text.indexOf('=') + 1));
  if (inputs.githubToken) runner.setSecret(inputs.githubToken);
  for (const c of p.credentials) runner.setSecret(c.password);

  const report: EngineReport = {qemu: '', builder: '', cache: '', login: '', bakeFile: '', definition: ''};
  const work = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'multiarch-publish-'));
  // without a post step the run's own folder (bake file, secrets) goes at its end; the user's config is
  // never recorded, so no cleanup can remove or log out of it
  if (userConfig) record(STATE.secretsDir, work);
  let dockerEnv: Record<string, string> = {};
  if (!userConfig) {
    const dockerConfig = createDockerConfig(env['RUNNER_TEMP']);
    record(STATE.dockerConfig, dockerConfig);
    dockerEnv = dockerEnvironment(env, dockerConfig);
    record(STATE.buildxConfig, dockerEnv['BUILDX_CONFIG']);
  }

  // 1. buildx
  const version = await runner.group('buildx', () => buildxVersion(dockerEnv));
  runner.info(`docker buildx ${version}`);

  // 2. QEMU, only for platforms the host cannot run
  const platforms = [...new Set(plan.builds.flatMap(b => b.platforms))];
  const qemu = planQemu(platforms, hostPlatform(), registeredEmulators(), e.setupQemu);
  report.qemu = qemu.reason;
  runner.info(`QEMU: ${qemu.reason}`);
  if (qemu.action === 'install') await installQemu(e.qemuImage, qemu.missing, dockerEnv);

  // 3. builder
  const builder = await chooseBuilder(p, dockerEnv, report, record);
  runner.info(`Builder: ${report.builder}`);
  const builderArg = e.builder || (builder.name && !builder.name.startsWith('default') ? builder.name : undefined);

  // 4. login, only when something is pushed
  const pushed = pushing && !userConfig ? [...new Set(plan.builds.flatMap(b => b.images))] : [];
  if (userConfig && pushing && p.credentials.length) runner.warning('registry-auth is not used here: pushing with your own docker logins (docker login).');
  const logins = planLogins(pushed, p.credentials, ctx.actor, inputs.githubToken);
  const done: string[] = [];
  for (const l of logins) {
    if (l.source === 'none') {
      runner.warning(`No credentials for ${l.registry} (add it to registry-auth): pushing without logging in.`);
      continue;
    }
    await login(dockerEnv, l);
    done.push(l.registry);
    record(STATE.logins, JSON.stringify(done));
  }
  report.login = !pushing ? 'no login: nothing is pushed' : userConfig ? 'your docker logins (no login of its own)' : done.length ? `logged in to ${done.join(', ')}` : 'no login';

  // 5. one bake for every build
  const cache = cacheSettings(plan, e, builder.driver, env, ctx.defaultBranch);
  // exporting a cache is an upload, and a load never pushes
  if (load && Object.values(cache.to).some(t => t.length)) {
    cache.to = {};
    cache.note += ' (no cache export: nothing is pushed)';
  }
  report.cache = cache.note;
  const secretsDir = join(work, 'secrets');
  if (e.secrets.length) {
    mkdirSync(secretsDir, {mode: 0o700});
    if (!userConfig) record(STATE.secretsDir, secretsDir);
  }
  const secrets = e.secrets.map(s => {
    const id = s.text.slice(0, s.text.indexOf('='));
    writeFileSync(join(secretsDir, id), s.text.slice(s.text.indexOf('=') + 1), {mode: 0o600});
    return `id=${id},src=${join(secretsDir, id)}`;
  });
  const pushByDigest = builder.driver !== 'docker';
  const stagingTag = `mp-staging-${env['GITHUB_RUN_ID'] || Date.now()}-${env['GITHUB_RUN_ATTEMPT'] || '1'}-${ctx.shortSha || 'local'}`.slice(0, 128);
  const settings: BakeSettings = {push: pushing, load, pushByDigest, stagingTag, cacheFrom: cache.from, cacheTo: cache.to, secrets, provenance: e.provenance, sbom: e.sbom, noCache: e.noCache, pull: e.pull};
  const definition = bakeDefinition(plan, settings);
  const bakeFile = join(work, 'bake.json');
  const metadataFile = join(work, 'bake-metadata.json');
  report.definition = JSON.stringify(definition, null, 2);
  report.bakeFile = bakeFile;
  writeFileSync(bakeFile, report.definition + '\n');
  runner.info(`Bake definition: ${bakeFile}`);

  const targets = plan.builds.map(b => b.id);
  const imagesOf = Object.fromEntries(plan.builds.map(b => [b.id, b.images]));
  const spans = new Map<string, {first: number; last: number}>();
  const vertexTarget = new Map<string, string>();
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    const m = /^#(\d+) (?:\[(\S+)[\s\]])?/.exec(line);
    if (!m) return;
    if (m[2] && targets.includes(m[2])) vertexTarget.set(m[1], m[2]);
    const t = vertexTarget.get(m[1]);
    if (t) {
      const now = Date.now();
      const s = spans.get(t) ?? {first: now, last: now};
      s.last = now;
      spans.set(t, s);
    }
  };
  const started = Date.now();
  let result = await runner.group(`Build ${targets.join(', ')} (${platforms.join(', ')})`, () => bake(bakeFile, metadataFile, dockerEnv, builderArg, [], onLine));
  // A push the registry failed for a transient reason (5xx, a reset connection) is tried again: the
  // builds are cached, so only the upload repeats. A failed build step, or a refusal, is not.
  for (let attempt = 2; result.code !== 0 && attempt <= 3; attempt++) {
    const output = lines.join('\n');
    const failures = parseFailures(lines, targets, imagesOf);
    if (failures.some(f => f.kind === 'build') || !isTransient(output)) break;
    const delay = 2000 * 2 ** (attempt - 2);
    runner.warning(`The push failed with a transient registry error (${registryMessage(output)}); retrying in ${delay / 1000} s (attempt ${attempt} of 3)`);
    await new Promise(r => setTimeout(r, delay));
    lines.length = 0;
    vertexTarget.clear(); // the new bake numbers its steps afresh
    result = await bake(bakeFile, metadataFile, dockerEnv, builderArg, [], onLine);
  }
  const buildSeconds = (Date.now() - started) / 1000;

  if (result.code !== 0) {
    const failures = parseFailures(lines, targets, imagesOf);
    if (!failures.length) throw new Error(`The build or push failed: ${registryMessage(lines.join('\n'))}. No tag was moved.`);
    const messages: string[] = [];
    for (const f of failures) {
      const build = plan.builds.find(b => b.id === f.target);
      const name = build ? build.images.join(', ') : f.target || 'one of the images';
      let message: string;
      if (f.kind === 'push') {
        message = `Pushing ${name} failed: ${registryMessage(f.error)}`;
      } else {
        // a step of every platform (`[x internal] load build definition`) needs no per-platform diagnosis
        const shared = /^\[\S+ internal\]/.test(f.step);
        const where = f.platform ? [f.platform] : build && build.platforms.length > 1 && !shared ? await diagnosePlatform(build, bakeFile, dockerEnv, builderArg) : (build?.platforms ?? []);
        message = `Build of ${name} failed on ${where.join(', ') || 'its platform'}: ${f.error}`;
      }
      messages.push(message);
      runner.group(`BuildKit log of the failed step (${f.target || 'unknown target'})`, () => runner.info(f.log.join('\n')));
      runner.error(message, {title: `${f.kind === 'push' ? 'Push' : 'Build'} failed: ${f.target || name}`});
    }
    if (inputs.summary) writeSummary(publishSummary(plan, report, [], messages, buildSeconds), env);
    const failed = failures.map(f => plan.builds.find(b => b.id === f.target)?.images.join(', ') || f.target || 'an image');
    throw new Error(`Nothing was tagged: ${failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
  }

  const metadata: BakeMetadata = existsSync(metadataFile) ? JSON.parse(readFileSync(metadataFile, 'utf8')) : {};
  const results: PublishResult[] = [];
  for (const b of plan.builds) {
    const digest = String(metadata[b.id]?.['containerimage.digest'] ?? '');
    const span = spans.get(b.id);
    results.push({build: b, digest, images: [], seconds: span ? (span.last - span.first) / 1000 : buildSeconds});
  }

  if (load) {
    for (const b of plan.builds) runner.info(`Loaded ${b.tags.join(', ')} (${b.platforms.join(', ')}) into the local image store`);
  }
  if (pushing) {
    // 6. verify: every build's index is in the registry with every platform, before any tag moves
    await Promise.all(
      results.map(async r => {
        if (!r.digest) throw new Error(`buildx reported no digest for ${r.build.images.join(', ')}; no tag was moved.`);
        r.images = await Promise.all(r.build.images.map(name => inspectImage(name, `${name}@${r.digest}`, dockerEnv)));
        for (const staged of r.images) {
          const missing = r.build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
          if (missing.length) throw new Error(`${staged.name}@${r.digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
        }
      })
    );
    // 7. the final pass: move the tags
    await runner.group('Tags', () =>
      Promise.all(
        results.flatMap(r =>
          r.build.images.map(async name => {
            await moveTags(name, r.digest, r.build.tagNames, dockerEnv);
            runner.info(`${name}: ${r.build.tagNames.join(', ')} -> ${r.digest}`);
          })
        )
      )
    );
    // 8. read back: each image's tags now resolve to the verified index (same digest, so the same platforms)
    await Promise.all(
      results.flatMap(r =>
        r.build.images.map(async name => {
          const ref = `${name}:${r.build.tagNames[0]}`;
          let digest: string;
          try {
            digest = await resolveDigest(ref, dockerEnv);
          } catch (err) {
            runner.warning(`Published, but reading ${ref} back failed: ${(err as Error).message}`);
            return;
          }
          if (digest !== r.digest) throw new Error(`${ref} resolves to ${digest}, not to the index just pushed (${r.digest}): another run moved it meanwhile?`);
        })
      )
    );
  }

  if (userConfig) return; // no runner to take outputs or a summary
  writeOutputs(publishOutputs(results, metadata), env);
  if (inputs.summary) writeSummary(publishSummary(plan, report, results, [], buildSeconds), env);
}

function publishOutputs(results: PublishResult[], metadata: BakeMetadata): Record<string, string> {
  const first = results[0];
  const firstMeta = first ? metadata[first.build.id] ?? {} : {};
  return {
    digest: first?.digest ?? '',
    imageid: String(firstMeta['containerimage.config.digest'] ?? first?.digest ?? ''),
    metadata: JSON.stringify(metadata),
    images: JSON.stringify(
      results.map(r => ({
        id: r.build.id,
        names: r.build.images,
        digest: r.digest || null,
        tags: r.build.tags,
        pushed: r.build.push,
        platforms: r.images[0]?.platforms.map(pl => ({platform: pl.platform, digest: pl.digest, size: pl.size})) ?? r.build.platforms.map(pl => ({platform: pl, digest: null, size: null})),
        buildSeconds: Math.round(r.seconds * 10) / 10
      }))
    )
  };
}

export type {RegistryImage};
