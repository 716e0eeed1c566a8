export const id = 729;
export const ids = [729];
export const modules = {

/***/ 49729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: UsageError, dirtyFiles, hostOnly, imageComponent, inputEnvironment, inputErrorMessage, parseArgs, terminalLine, usage

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/pipeline/context/index.ts
var context = __webpack_require__(85226);
// EXTERNAL MODULE: ./src/pipeline/prepare.ts + 7 modules
var prepare = __webpack_require__(47393);
// EXTERNAL MODULE: ./src/report/index.ts + 3 modules
var report = __webpack_require__(33344);
// EXTERNAL MODULE: ./src/pipeline/inputs/errors.ts
var errors = __webpack_require__(42107);
// EXTERNAL MODULE: ./src/pipeline/errors.ts
var pipeline_errors = __webpack_require__(61539);
// EXTERNAL MODULE: ./src/pipeline/inputs/modes.ts
var modes = __webpack_require__(64510);
;// CONCATENATED MODULE: ./src/pipeline/inputs/names.ts
const INPUT_NAMES = [
    { name: 'images', kind: 'lines', help: 'images, one a line: name[,file=][,context=][,target=][,platforms=]...' },
    { name: 'registry', kind: 'value', help: 'registry of bare image names (default ghcr.io)' },
    { name: 'platforms', kind: 'lines', help: 'os/arch[/variant], comma-separated' },
    { name: 'tags', kind: 'lines', help: 'tag expressions, one a line (type=ref,event=branch, type=sha, ...)' },
    { name: 'flavor', kind: 'lines', help: 'latest=auto|true|false, prefix=..., suffix=...' },
    { name: 'labels', kind: 'lines', help: 'extra labels, key=value a line' },
    { name: 'annotations', kind: 'lines', help: 'extra annotations, [level:]key=value a line' },
    { name: 'version-file', kind: 'value', help: 'file holding the release version' },
    { name: 'sep-tags', kind: 'value', help: 'separator of the tags output' },
    { name: 'sep-labels', kind: 'value', help: 'separator of the labels output' },
    { name: 'sep-annotations', kind: 'value', help: 'separator of the annotations output' },
    { name: 'bake-target', kind: 'value', help: 'target name in the bake-file outputs (default docker-metadata-action)' },
    { name: 'policy', kind: 'lines', help: 'tag policy rules, one a line (max-tags=5, require-sha=true, ...)' },
    { name: 'dry-run', kind: 'bool', help: 'print the plan and stop (mode: prune: true unless false is given)' },
    { name: 'mode', kind: 'value', help: 'publish (default) or plan (build, merge and promote run in workflow jobs)' },
    { name: 'plan', kind: 'value', help: 'a plan document (the plan output of mode: plan), for the build and merge modes' },
    { name: 'from', kind: 'value', help: 'mode: promote: the tag or digest every image already has' },
    { name: 'to', kind: 'value', help: 'mode: promote: the tags to point at it; rollback, history: the channels' },
    { name: 'require-signature', kind: 'lines', help: 'mode: verify, promote: key=<public key file> or identity-regexp=...,issuer=... every image must be signed with' },
    { name: 'require-attestations', kind: 'value', help: 'mode: verify, promote: provenance, sbom: attestations every platform must carry' },
    { name: 'to-registry', kind: 'value', help: 'mode: promote: the registry the target tags are in (content copied, digests kept)' },
    { name: 'steps', kind: 'value', help: 'mode: rollback: how many recorded moves back (default 1)' },
    { name: 'keep', kind: 'value', help: 'mode: prune: how many of the most recent versions to keep (default 10)' },
    { name: 'keep-tags', kind: 'lines', help: 'mode: prune: regexes, one a line: matching tags are never deleted' },
    { name: 'delete-untagged', kind: 'bool', help: 'mode: prune: also delete untagged manifests no kept version needs' },
    { name: 'older-than', kind: 'value', help: 'mode: prune: delete only versions older than <n>h|d|w' },
    { name: 'prune-api', kind: 'value', help: 'mode: prune: auto, github-packages or distribution' },
    { name: 'runners', kind: 'value', help: 'mode: plan: JSON map from platform to runner label, for the legs output' },
    { name: 'arch-tags', kind: 'bool', help: 'every release tag also gets per-platform tags <tag>-<arch>' },
    { name: 'push', kind: 'value', help: 'auto, true or false (publish)' },
    { name: 'build-args', kind: 'lines', help: 'build arguments, NAME=value a line' },
    { name: 'default-build-args', kind: 'bool', help: 'pass VERSION, BUILD_DATE, VCS_REF, COMMIT_SHA (default true)' },
    { name: 'summary', kind: 'bool', help: 'job summary (no effect in a terminal)' },
    { name: 'setup-qemu', kind: 'value', help: 'auto, true or false' },
    { name: 'qemu-image', kind: 'value', help: 'image that installs QEMU emulators' },
    { name: 'builder', kind: 'value', help: 'existing buildx builder to use' },
    { name: 'buildkit-image', kind: 'value', help: 'BuildKit image of a builder created for the run' },
    { name: 'registry-auth', kind: 'lines', help: 'YAML list of registry/username/password (not used by the CLI: your docker logins are)' },
    { name: 'secrets', kind: 'lines', help: 'build secrets, id=value a line (prefer INPUT_SECRETS: flags show in ps)' },
    { name: 'secret-files', kind: 'lines', help: 'build secrets from files, id=path a line' },
    { name: 'secret-envs', kind: 'lines', help: 'build secrets from environment variables, id=ENV_NAME a line' },
    { name: 'cache', kind: 'value', help: 'auto, gha, registry or none' },
    { name: 'cache-from', kind: 'lines', help: 'raw cache-from entries, one a line' },
    { name: 'cache-to', kind: 'lines', help: 'raw cache-to entries, one a line (publish only)' },
    { name: 'cache-mounts', kind: 'lines', help: 'RUN --mount=type=cache content kept: auto, false, or id=...,target=... a line' },
    { name: 'cache-mounts-image', kind: 'value', help: 'image of the cache-mount copy steps (sh and tar; default busybox)' },
    { name: 'provenance', kind: 'value', help: 'provenance attestation (true, false, mode=max, ...)' },
    { name: 'sbom', kind: 'value', help: 'SBOM attestation (true, false, generator=...)' },
    { name: 'force-tags', kind: 'bool', help: 'move mutable tags even to content older than theirs' },
    { name: 'no-cache', kind: 'bool', help: 'build without any cache' },
    { name: 'pull', kind: 'bool', help: 'always pull newer base images' },
    { name: 'tag-retry-timeout', kind: 'value', help: 'seconds a tag write is retried on registry faults (default 60)' },
    { name: 'staging-tags', kind: 'value', help: 'remove (default): no staging tag left in the registry; keep: keep mp-staging-<run>-… on every image' },
    { name: 'attestation-storage', kind: 'value', help: 'index (default): provenance/sbom attestations in the image index, as BuildKit writes them; referrers: as OCI 1.1 referrers of each platform, so registries list only real platforms' },
    { name: 'sign', kind: 'value', help: 'none (default), key or keyless (a workflow run only): sign the index and platform manifests with cosign before the tags move' },
    { name: 'cosign-key', kind: 'value', help: 'sign: key: the cosign private key, PEM (prefer INPUT_COSIGN-KEY: flags show in ps)' },
    { name: 'cosign-password', kind: 'value', help: 'sign: key: its password (prefer INPUT_COSIGN-PASSWORD)' },
    { name: 'transparency-log', kind: 'bool', help: 'sign: key: upload signatures to Rekor (default true)' },
    { name: 'fulcio-url', kind: 'value', help: 'sign: keyless: the Fulcio of a private Sigstore (keyless needs a workflow run)' },
    { name: 'rekor-url', kind: 'value', help: 'the Rekor signatures are uploaded to (default: public-good)' },
    { name: 'github-attestations', kind: 'bool', help: 'a SLSA build provenance attestation of every pushed index through GitHub\'s attestation API, pushed beside the image (needs id-token: write, attestations: write)' },
    { name: 'github-token', kind: 'value', help: 'token for ghcr.io logins in a workflow (not used by the CLI)' }
];

// EXTERNAL MODULE: ./src/lib/platform.ts
var platform = __webpack_require__(56728);
// EXTERNAL MODULE: ./src/pipeline/plan.ts
var plan = __webpack_require__(75455);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
;// CONCATENATED MODULE: ./src/action/cli.ts
/**
 * The terminal: the action's pipeline for a local git checkout (context from git, like metadata-action's
 * `context: git`). `plan` prints what would be published, `build` loads the images into the local image
 * store, `publish` pushes them with the user's own docker logins. Every action input is also a flag of
 * the same name; flags become INPUT_* values, so getInputs parses them exactly as on a runner.
 */












const COMMANDS = ['plan', 'build', 'publish'];
const ABOUT = {
    plan: 'print the plan for the checkout: images, tags, labels, annotations, build args, policy verdict (nothing is built)',
    build: 'build the images and load them into the local image store under the plan\'s tags (host platform only unless --platforms; never pushes)',
    publish: 'build and push with atomic tags, using your docker logins (refuses a dirty tree unless --allow-dirty)'
};
/** Flags of the CLI itself, per command (inputs are flags of every command). */
const OWN_FLAGS = [
    { flag: '--dir PATH', commands: COMMANDS, help: 'the git checkout (default: the current folder)' },
    { flag: '--json', commands: ['plan'], help: 'print the plan as JSON' },
    { flag: '--allow-dirty', commands: ['publish'], help: 'publish although tracked files have uncommitted changes' },
    { flag: '--help, -h', commands: COMMANDS, help: 'this help' }
];
function inputFlag(i) {
    return `--${i.name}${i.kind === 'bool' ? '[=true|false]' : i.kind === 'lines' ? ' LINES' : ' VALUE'}`;
}
function columns(rows) {
    const width = Math.max(...rows.map(r => r[0].length)) + 2;
    return rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`);
}
function usage(command) {
    const head = command ? [`usage: multiarch-publish ${command} [flags]   (or: node dist/index.js ${command} ...)`, `  ${ABOUT[command]}`] : ['usage: multiarch-publish <command> [flags]   (or: node dist/index.js <command> ...)', '', 'commands:', ...columns(COMMANDS.map(c => [c, ABOUT[c]]))];
    const own = OWN_FLAGS.filter(f => !command || f.commands.includes(command)).map(f => [f.flag, command || f.commands.length === COMMANDS.length ? f.help : `${f.help} (${f.commands.join(', ')})`]);
    return [
        ...head,
        '',
        'flags:',
        ...columns(own),
        '',
        'inputs (as in action.yml; a flag wins over its INPUT_<NAME> variable):',
        ...columns(INPUT_NAMES.map(i => [inputFlag(i), i.help])),
        '',
        'A flag takes its value as --name VALUE or --name=VALUE. A LINES input takes several lines either',
        'as one value with embedded newlines or by repeating the flag, one line each (errors count lines',
        'across all of them). Exit codes: 0 done (plan: allowed), 1 input error, policy refusal or failure,',
        '2 usage error.'
    ].join('\n');
}
class UsageError extends Error {
    command;
    constructor(message, command) {
        super(message);
        this.command = command;
        this.name = 'UsageError';
    }
}
const KINDS = new Map(INPUT_NAMES.map(i => [i.name, i.kind]));
/** Parses `<command> [flags]`; throws UsageError for anything it does not know. */
function parseArgs(args) {
    const [first, ...rest] = args;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
        if (first === 'help' && rest[0] && COMMANDS.includes(rest[0]))
            return { ...parseArgs([rest[0]]), help: true };
        return { command: 'plan', help: true, general: true, json: false, allowDirty: false, dir: '', inputs: {} };
    }
    if (!COMMANDS.includes(first)) {
        throw new UsageError(first.startsWith('-') ? `a command comes first (${COMMANDS.join(', ')}), not ${first}` : `unknown command ${first} (${COMMANDS.join(', ')})`);
    }
    const command = first;
    const out = { command, help: false, json: false, allowDirty: false, dir: '', inputs: {} };
    const fail = (message) => {
        throw new UsageError(message, command);
    };
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg === '--help' || arg === '-h') {
            out.help = true;
            continue;
        }
        if (!arg.startsWith('--') || arg === '--')
            fail(`unexpected argument ${arg}`);
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const inline = eq < 0 ? undefined : arg.slice(eq + 1);
        // a following flag is not a value: `--tags --json` forgot the tags (a value that starts with -- goes after =)
        const next = () => (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--') ? rest[++i] : undefined);
        const own = OWN_FLAGS.find(f => f.flag.split(/[ ,]/)[0] === `--${name}`);
        if (own && name !== 'help') {
            if (!own.commands.includes(command))
                fail(`--${name} is a flag of ${own.commands.join(', ')}, not of ${command}`);
            if (name === 'dir') {
                const dir = inline ?? next();
                if (!dir)
                    fail('--dir needs a path');
                out.dir = dir;
            }
            else {
                if (inline !== undefined)
                    fail(`--${name} takes no value`);
                if (name === 'json')
                    out.json = true;
                else
                    out.allowDirty = true;
            }
            continue;
        }
        const kind = KINDS.get(name);
        if (!kind)
            fail(`unknown flag --${name}`);
        let value;
        if (kind === 'bool')
            value = inline ?? (/^(true|false)$/i.test(rest[i + 1] ?? '') ? rest[++i] : 'true');
        else
            value = inline ?? next();
        if (value === undefined)
            fail(`--${name} needs a value (--${name} VALUE or --${name}=VALUE)`);
        if (name in out.inputs) {
            if (kind !== 'lines')
                fail(`--${name} is given more than once (only multi-line inputs take a flag per line)`);
            out.inputs[name] += `\n${value}`;
        }
        else {
            out.inputs[name] = value;
        }
    }
    return out;
}
/** The environment getInputs reads: INPUT_* variables, each overridden by its flag. */
function inputEnvironment(inputs, env) {
    return { ...env, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [runner/* inputVariable */.LO(k), v])) };
}
/** An input error as the user wrote it: a flag is named as the flag, an INPUT_ variable as the input. */
function inputErrorMessage(err, flags) {
    if (!flags.has(err.input))
        return err.message;
    return `--${err.input}${err.line !== undefined ? `, line ${err.line}` : ''}: ${err.detail}${err.text !== undefined ? ` (in: ${err.text})` : ''}`;
}
/**
 * The owner or repository guessed from git (a folder's name, $USER, a remote) as an image path component:
 * the default image. Valid separators (`.`, `_`, `__`, `-`) are kept; anything else becomes `-`.
 */
function imageComponent(name) {
    const out = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, sep => (/^(?:\.|_|__|-+)$/.test(sep) ? sep : '-'))
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return out || 'app';
}
/** Tracked files with uncommitted changes (staged or not): a publish of them would be labelled with a commit that does not hold them. */
async function dirtyFiles(dir) {
    const { run } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 51293));
    const out = await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, allowFailure: true });
    if (out.code !== 0)
        throw new Error(`git status failed in ${dir}: ${out.stderr.trim() || `exit code ${out.code}`}`);
    return out.stdout
        .split('\n')
        .map(l => l.slice(3).trim())
        .filter(Boolean);
}
/** `build` without --platforms: the host's own platform for every image, so nothing needs QEMU. */
function hostOnly(plan, host = (0,platform/* formatPlatform */.Bq)((0,platform/* hostPlatform */.ol)())) {
    return { ...plan, builds: plan.builds.map(b => ({ ...b, platforms: [host] })) };
}
/**
 * The runner's log commands, made readable in a terminal: groups become headings, warnings and errors
 * go to stderr, and whatever is meant for the runner alone (masks, which carry the secret in the clear,
 * state, outputs, debug) is dropped.
 */
function terminalLine(line) {
    const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m)
        return { text: line, stderr: false };
    const unescape = (s) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    switch (m[1]) {
        case 'group':
            return { text: `── ${unescape(m[2])}`, stderr: false };
        case 'warning':
        case 'error':
        case 'notice':
            return { text: `${m[1]}: ${unescape(m[2])}`, stderr: true };
        default:
            return undefined; // add-mask, save-state, set-output, set-env, debug, endgroup
    }
}
/** Installs the terminal's log; `errors` collects what was reported as an error, for hints afterwards. */
function terminalOutput() {
    const errors = [];
    const original = runner/* output */.CG.write;
    const write = (fd, text) => {
        if (fd === 2)
            process.stderr.write(text);
        else
            original(text);
    };
    let partial = '';
    runner/* output */.CG.write = (text) => {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
            const t = terminalLine(line.replace(/\r$/, ''));
            if (t?.text.startsWith('error: '))
                errors.push(t.text);
            if (t)
                write(t.stderr ? 2 : 1, `${t.text}\n`);
        }
    };
    const restore = () => {
        if (partial)
            runner/* output */.CG.write('\n');
        runner/* output */.CG.write = original;
    };
    return { restore, errors };
}
async function runCli(args, env = process.env) {
    let parsed;
    try {
        parsed = parseArgs(args);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        console.error(`error: ${e.message}\nRun \`multiarch-publish ${e.command ? `${e.command} ` : ''}--help\` for the commands and flags.`);
        return 2;
    }
    if (parsed.help) {
        console.log(usage(parsed.general ? undefined : parsed.command));
        return 0;
    }
    const flags = new Set(Object.keys(parsed.inputs));
    const dir = (0,external_node_path_.resolve)(parsed.dir || process.cwd());
    try {
        const ctx = (0,context/* gitContext */.cw)(dir, env);
        const inputEnv = { ...inputEnvironment(parsed.inputs, env), GITHUB_REPOSITORY: env['GITHUB_REPOSITORY'] || `${imageComponent(ctx.owner)}/${imageComponent(ctx.repo)}` };
        let p = await (0,prepare/* prepare */.i)(ctx, { env: inputEnv, useApi: false, workspace: dir });
        for (const w of p.warnings)
            console.error(`warning: ${w}`);
        // --mode plan: the plan document (the action's plan output) on stdout, whatever the command
        if (p.inputs.mode === 'plan')
            return await printPlanDocument(p);
        // the merge runs in a workflow's merge job (the action), after its build legs
        if (p.inputs.mode !== 'publish')
            throw new errors/* InputError */.d('mode', `mode: ${p.inputs.mode} is not available from the command line in this version (the action runs it in a workflow job); nothing was logged in to, built or pushed`);
        for (const w of (0,modes/* checkModeSupport */.r)(p.inputs, parsed.command !== 'plan' && !p.inputs.dryRun))
            console.error(`warning: ${w}`);
        if (parsed.command === 'plan')
            return printPlan(p, dir, parsed.json);
        if (parsed.command === 'build') {
            const platformsGiven = flags.has('platforms') || !!env[runner/* inputVariable */.LO('platforms')]?.trim();
            // `build` never pushes: the plan says so, and that is what gets printed
            p = { ...p, plan: (0,plan/* withoutPush */.Fz)(platformsGiven ? p.plan : hostOnly(p.plan), 'build loads the images into the local image store and never pushes') };
        }
        console.log((0,report/* formatPlan */.nT)(p.plan, `multiarch-publish ${parsed.command} for ${dir} (from git)`));
        console.log('');
        if (!p.plan.policy.allowed)
            throw new pipeline_errors/* PolicyRefusal */.F(p.plan.policy.violations.map(v => v.message));
        if (p.inputs.dryRun) {
            console.log('Dry run: nothing was set up, built or pushed.');
            return 0;
        }
        const terminal = terminalOutput();
        try {
            if (parsed.command === 'publish' && !parsed.allowDirty) {
                const dirty = await dirtyFiles(dir);
                if (dirty.length) {
                    console.error(`error: ${dir} has uncommitted changes to tracked files (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? `, and ${dirty.length - 5} more` : ''}): the images would carry commit ${p.ctx.shortSha} without holding it. Commit or stash them, or pass --allow-dirty.`);
                    return 1;
                }
            }
            return await runEngine(p, parsed.command, dir, env);
        }
        catch (e) {
            // the terminal's own logins are the ones used: a refusal most often means there is none yet
            if (parsed.command === 'publish' && /\b401 Unauthorized|\bunauthorized|denied|authentication required/i.test([...terminal.errors, e.message].join('\n'))) {
                const registries = [...new Set(p.plan.builds.flatMap(b => b.images.map(i => (0,reference/* registryDomain */.Em)(i) ?? 'docker.io')))];
                console.error(`hint: publish pushes with your docker logins; log in first: ${registries.map(r => `docker login${r === 'docker.io' ? '' : ` ${r}`}`).join('; ')}`);
            }
            throw e;
        }
        finally {
            terminal.restore();
        }
    }
    catch (e) {
        if (e instanceof errors/* InputErrors */.G || e instanceof errors/* InputError */.d) {
            for (const err of e instanceof errors/* InputErrors */.G ? e.errors : [e])
                console.error(`error: ${inputErrorMessage(err, flags)}`);
            return 1;
        }
        if (e instanceof pipeline_errors/* PolicyRefusal */.F) {
            for (const v of e.violations)
                console.error(`error: tag policy: ${v}`);
            console.error(`error: ${e.message}`);
            return 1;
        }
        console.error(`error: ${runner/* redact */.E$(e.message)}`);
        return 1;
    }
}
async function printPlanDocument(p) {
    if (!p.plan.policy.allowed)
        throw new pipeline_errors/* PolicyRefusal */.F(p.plan.policy.violations.map(v => v.message));
    const { planDocumentOf, planDocumentText } = await __webpack_require__.e(/* import() */ 129).then(__webpack_require__.bind(__webpack_require__, 71129));
    console.log(planDocumentText(planDocumentOf(p.plan, p.ctx)));
    return 0;
}
function printPlan(p, dir, json) {
    if (json) {
        const outputs = (0,report/* metadataOutputs */._V)(p.inputs, p.metadata, p.plan);
        console.log(JSON.stringify({ context: { ref: p.ctx.ref, sha: p.ctx.sha, owner: p.ctx.owner, repo: p.ctx.repo }, version: outputs.version, policy: p.plan.policy, plan: (0,report/* planJson */.iY)(p.plan) }, null, 2));
    }
    else {
        console.log((0,report/* formatPlan */.nT)(p.plan, `multiarch-publish plan for ${dir} (from git; dry run, nothing is built or pushed)`));
    }
    return p.plan.policy.allowed ? 0 : 1;
}
async function runEngine(p, command, dir, env) {
    // the checkout is the workspace: bake resolves contexts and Dockerfiles from it, as on a runner
    process.env['GITHUB_WORKSPACE'] = dir;
    // report: false, the user's config: nothing is left for a runner (outputs, state, summary), which a terminal lacks
    const { publish } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(440), __webpack_require__.e(108), __webpack_require__.e(175)]).then(__webpack_require__.bind(__webpack_require__, 27108));
    await publish(p, env, { load: command === 'build', dockerConfig: 'user', report: false });
    if (command === 'build') {
        const tags = p.plan.builds.flatMap(b => b.tags);
        console.log(`\nLoaded into the local image store: ${tags.join(', ')}${tags[0] ? `\nRun it: docker run --rm ${tags[0]}` : ''}`);
    }
    else if (p.plan.push) {
        console.log(`\nPublished: ${p.plan.builds.flatMap(b => b.tags).join(', ')}`);
    }
    else {
        console.log(`\nBuilt, not pushed: ${p.plan.pushReason}`);
    }
    return 0;
}


/***/ })

};
