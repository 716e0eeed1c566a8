/**
 * What people and later steps read: the outputs (metadata-action's names and formats, plus `plan`), the
 * job summary in the Actions UI, and the readable plan the CLI and the log print.
 */
import {setOutput, exportVariable, appendSummary, type Env} from '../action/runner.js';
import type {Plan, BuildPlan} from '../pipeline/plan.js';
import type {Metadata} from '../pipeline/metadata/index.js';
import type {Inputs} from '../pipeline/inputs/index.js';
import {keyValueObject} from '../pipeline/metadata/labels.js';

export interface Outputs {
  version: string;
  tags: string;
  'tag-names': string;
  labels: string;
  annotations: string;
  json: string;
  plan: string;
}

/** The `plan` output: one entry per build. */
export function planJson(plan: Plan): object[] {
  return plan.builds.map(b => ({
    id: b.id,
    images: b.images,
    file: b.file,
    context: b.context,
    target: b.target ?? null,
    platforms: b.platforms,
    tags: b.tags,
    labels: b.labels,
    annotations: b.annotations,
    buildArgs: b.buildArgs,
    push: b.push,
    policy: b.policy
  }));
}

export function metadataOutputs(inputs: Inputs, metadata: Metadata, plan: Plan): Outputs {
  const tags = plan.builds.flatMap(b => b.tags);
  const labelsObject = keyValueObject(metadata.labels);
  return {
    version: metadata.version.main ?? '',
    tags: tags.join(inputs.sepTags),
    'tag-names': metadata.tagNames.join(inputs.sepTags),
    labels: metadata.labels.join(inputs.sepLabels),
    annotations: metadata.annotations.join(inputs.sepAnnotations),
    json: JSON.stringify({tags, 'tag-names': metadata.tagNames, labels: labelsObject, annotations: metadata.annotations}),
    plan: JSON.stringify(planJson(plan))
  };
}

/** Writes the outputs and, unless DOCKER_METADATA_SET_OUTPUT_ENV=false, the DOCKER_METADATA_OUTPUT_* variables. */
export function writeOutputs(outputs: Record<string, string>, env: Env = process.env): void {
  const alsoEnv = !/^false$/i.test(env['DOCKER_METADATA_SET_OUTPUT_ENV'] ?? 'true') && !!env['GITHUB_ENV'];
  for (const [name, value] of Object.entries(outputs)) {
    setOutput(name, value, env);
    if (alsoEnv) exportVariable(`DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`, value, env);
  }
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function policyLine(plan: Plan): string {
  const p = plan.policy;
  if (p.rules.length === 0) return 'no tag policy';
  if (p.allowed) return `allowed (${p.rules.length} rule${p.rules.length === 1 ? '' : 's'}: ${p.rules.join('; ')})`;
  return `REFUSED: ${p.violations.length} violation${p.violations.length === 1 ? '' : 's'}`;
}

/** The plan as text, for the log and the CLI. */
export function formatPlan(plan: Plan, header: string): string {
  const out: string[] = [header];
  out.push(`ref ${plan.ref || '(none)'} · commit ${plan.sha ? plan.sha.slice(0, 7) : '(none)'} · event ${plan.eventName || '(none)'} · version ${plan.version || '(none)'}`);
  out.push(`push: ${plan.push ? 'yes' : 'no'} (${plan.pushReason})`);
  for (const b of plan.builds) {
    out.push('', `build ${b.id}: ${b.images.length ? b.images.join(', ') : '(no image name: bare tags)'}`);
    out.push(`  file ${b.file} · context ${b.context}${b.target ? ` · target ${b.target}` : ''} · platforms ${b.platforms.join(', ')}`);
    out.push(`  tags${b.tags.length ? '' : ' (none: nothing would be published)'}:`, ...b.tags.map(t => `    ${t}`));
    out.push('  labels:', ...b.labels.map(l => `    ${l}`));
    out.push('  annotations:', ...b.annotations.map(a => `    ${a}`));
    if (Object.keys(b.buildArgs).length) out.push('  build args:', ...Object.entries(b.buildArgs).map(([k, v]) => `    ${k}=${v}`));
  }
  out.push('', `policy: ${policyLine(plan)}`);
  for (const v of plan.policy.violations) out.push(`  ✗ ${v.message}`);
  return out.join('\n');
}

function buildRow(b: BuildPlan): string {
  const names = b.images.length ? b.images.map(code).join('<br>') : '_(bare tags)_';
  const tags = b.tagNames.length ? b.tagNames.map(code).join(' ') : '_none_';
  return `| ${names} | ${tags} | ${b.platforms.join('<br>')} | ${cell(b.file)} |`;
}

/** The job summary of a dry run: what would be published, and whether the policy allows it. */
export function planSummary(plan: Plan, title: string): string {
  const lines = [
    `## ${title}`,
    '',
    `**Ref** ${code(plan.ref || 'none')} · **commit** ${code(plan.sha ? plan.sha.slice(0, 7) : 'none')} · **version** ${code(plan.version || 'none')} · **push** ${plan.push ? 'yes' : 'no'} (${cell(plan.pushReason)})`,
    '',
    '| image | tags | platforms | Dockerfile |',
    '| --- | --- | --- | --- |',
    ...plan.builds.map(buildRow),
    '',
    `**Tag policy:** ${plan.policy.allowed ? '✅' : '❌'} ${cell(policyLine(plan))}`,
    ...plan.policy.violations.map(v => `- ${cell(v.message)}`),
    ''
  ];
  for (const b of plan.builds) {
    lines.push(
      `<details><summary>Labels and annotations of ${cell(b.images[0] ?? b.id)}</summary>`,
      '',
      '```',
      ...b.labels,
      '',
      ...b.annotations,
      '```',
      '',
      '</details>',
      ''
    );
  }
  return lines.join('\n');
}

export function writeSummary(markdown: string, env: Env = process.env): void {
  appendSummary(markdown + '\n', env);
}

/** What the engine did, in words, for the summary. */
export interface EngineReport {
  qemu: string;
  builder: string;
  cache: string;
  login: string;
  bakeFile: string;
  definition: string;
}

export interface PublishResult {
  build: BuildPlan;
  /** The index digest buildx reported ('' when nothing was pushed). */
  digest: string;
  /** What the registry holds, read back per image name (empty when nothing was pushed). */
  images: import('../engine/registry.js').RegistryImage[];
  seconds: number;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** The job summary of a publishing run: one row per image, what the engine did, the policy, the bake file. */
export function publishSummary(plan: Plan, r: EngineReport, results: PublishResult[], failures: string[], buildSeconds: number): string {
  const lines = [
    `## multiarch-publish: ${failures.length ? '❌ failed' : plan.push ? '✅ published' : '✅ built (not pushed)'}`,
    '',
    `**Ref** ${code(plan.ref || 'none')} · **commit** ${code(plan.sha ? plan.sha.slice(0, 7) : 'none')} · **version** ${code(plan.version || 'none')} · **push** ${plan.push ? 'yes' : 'no'} (${cell(plan.pushReason)}) · **build** ${buildSeconds.toFixed(1)} s`,
    ''
  ];
  if (failures.length) {
    lines.push(...failures.map(f => `- ❌ ${cell(f)}`), '', 'No tag was moved: every tag that existed before this run still points where it did.', '');
  }
  if (results.length) {
    lines.push('| image | tags | digest | platforms | size | build time |', '| --- | --- | --- | --- | --- | --- |');
    for (const res of results) {
      const images = res.images.length ? res.images : res.build.images.map(name => ({name, digest: res.digest, mediaType: '', platforms: res.build.platforms.map(p => ({platform: p, digest: '', size: 0}))}));
      for (const img of images) {
        const sizes = img.platforms.map(p => (p.size ? `${p.platform} ${humanSize(p.size)}` : p.platform)).join('<br>');
        lines.push(`| ${code(img.name)} | ${res.build.tagNames.map(code).join(' ')} | ${img.digest ? code(img.digest.slice(0, 19) + '…') : '_not pushed_'} | ${img.platforms.map(p => p.platform).join('<br>')} | ${res.images.length ? sizes : '—'} | ${res.seconds.toFixed(1)} s |`);
      }
    }
    lines.push('');
  }
  lines.push(
    `**QEMU:** ${cell(r.qemu)}  `,
    `**Builder:** ${cell(r.builder)}  `,
    `**Cache:** ${cell(r.cache)}  `,
    `**Login:** ${cell(r.login)}  `,
    `**Tag policy:** ${plan.policy.allowed ? '✅' : '❌'} ${cell(policyLine(plan))}`,
    '',
    `<details><summary>Bake definition (${cell(r.bakeFile)})</summary>`,
    '',
    '```json',
    r.definition,
    '```',
    '',
    '</details>',
    ''
  );
  return lines.join('\n');
}
