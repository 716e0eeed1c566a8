export const id = 985;
export const ids = [985];
export const modules = {

/***/ 41985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubPackages: () => (/* binding */ GitHubPackages),
/* harmony export */   packagesApiMismatch: () => (/* binding */ packagesApiMismatch)
/* harmony export */ });
/* unused harmony export isGitHubContainerRegistry */
/* harmony import */ var _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6878);
/**
 * The GitHub Packages back end of `mode: prune` (engine/prune-backend.ts): the container package versions
 * of a user or an organization, listed and deleted through the GitHub REST API with the step's token.
 * GHCR keeps every manifest of a pushed image as a version of its own: the index (tagged), its platform
 * manifests and attestation manifests (untagged), a cosign signature (`sha256-<hex>.sig`, tagged); each
 * version's `name` is the manifest digest and `metadata.container.tags` its tags. What a kept version
 * needs is not decided here: engine/prune.ts reads every manifest from the registry by digest.
 *
 * The endpoints (docs.github.com/rest/packages/packages):
 *   GET    /users/{owner}                                                      type: User | Organization
 *   GET    /orgs/{org}/packages/container/{package_name}/versions              (or /users/{username}/...)
 *   DELETE /orgs/{org}/packages/container/{package_name}/versions/{package_version_id}
 * Octokit as pipeline/context/github-api.ts makes it (the one construction), loaded on the first call.
 */

/**
 * Whether `host` is GitHub's container registry, whose packages the GitHub Packages API lists (`prune-api:
 * auto` picks it there). GitHub Enterprise Server serves its container registry on a host of its own
 * (`containers.<ghes-host>`, or a subdomain setup); there a workflow sets `prune-api: github-packages`, and
 * GITHUB_API_URL (`https://<ghes-host>/api/v3`) is the API base.
 */
function isGitHubContainerRegistry(host) {
    return host.trim().toLowerCase().replace(/\.$/, '') === 'ghcr.io';
}
/**
 * Why the GitHub API of this run does not hold the packages of `host`, or undefined when it may. ghcr.io's
 * packages are github.com's (api.github.com): a GitHub Enterprise Server or GHE.com run's API holds its
 * own registry's, and its token is not sent for another server's packages (as the login does not send it
 * to ghcr.io: engine/login.ts). Any other host is the workflow's choice (`prune-api: github-packages` for
 * a GHES `containers.<host>`).
 */
function packagesApiMismatch(host, apiUrl) {
    if (!isGitHubContainerRegistry(host))
        return undefined;
    let apiHost = '';
    try {
        apiHost = new URL(apiUrl).hostname.toLowerCase();
    }
    catch {
        // not a URL: not github.com's
    }
    if (apiHost === 'api.github.com')
        return undefined;
    return `${host} holds github.com's packages, but this run's GitHub API is ${apiUrl} (GitHub Enterprise Server or GHE.com): its token is not sent for them, and nothing is pruned in ${host} from here`;
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
class GitHubPackages {
    label = 'GitHub Packages API';
    listsUntagged = true;
    token;
    apiUrl;
    warn;
    client;
    owners = new Map();
    constructor(options) {
        this.token = options.token;
        this.apiUrl = options.baseUrl.replace(/\/+$/, '');
        this.warn = options.warn ?? (() => { });
    }
    async list(name) {
        const { owner, pkg } = splitName(name);
        const kind = await this.ownerKind(owner);
        const api = await this.api();
        let listed;
        try {
            listed = await api.paginate(`GET /${kind}/{owner}/packages/container/{package_name}/versions`, { owner, package_name: pkg, per_page: 100 });
        }
        catch (e) {
            throw this.explain(e, 'list', `the versions of ${pkg} of ${owner}`, name);
        }
        const versions = [];
        const seen = new Set();
        for (const raw of listed) {
            const v = toStoredVersion(raw, name);
            // a version pushed while the pages were read shifts the rest by one: the same version on two pages
            if (seen.has(v.id))
                continue;
            seen.add(v.id);
            versions.push(v);
        }
        return versions;
    }
    async remove(name, version) {
        const { owner, pkg } = splitName(name);
        if (typeof version.id !== 'number' || !Number.isSafeInteger(version.id))
            throw new Error(`${name}@${version.digest}: no package version id to delete (the GitHub Packages API deletes by id)`);
        const kind = await this.ownerKind(owner);
        const api = await this.api();
        try {
            await api.request(`DELETE /${kind}/{owner}/packages/container/{package_name}/versions/{package_version_id}`, { owner, package_name: pkg, package_version_id: version.id }, { emptyAnswer: true });
        }
        catch (e) {
            // a 404 after a failed attempt (5xx, no answer): that attempt's delete went through, its answer did not
            if (e instanceof _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && e.httpStatus === 404 && e.attempts > 1)
                return;
            throw this.explain(e, 'delete', `version ${version.id} (${version.digest.slice(0, 19)}…) of ${pkg} of ${owner}`, name);
        }
    }
    api() {
        this.client ??= (0,_pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(this.apiUrl, this.token, this.warn);
        return this.client;
    }
    /**
     * Whether the package's owner is an organization or a user, from GET /users/{owner}: the documented
     * "get a user" endpoint answers for organizations too, with `type: "Organization"` (and `"User"` for a
     * user), in one call that needs no scope. Trying the /orgs/ path and falling back on 404 would take a
     * private package the token cannot see for a user's, and hide the real error behind a second one. A
     * user's packages (the authenticated user's included) are all reachable under /users/{username}/.
     */
    ownerKind(owner) {
        let kind = this.owners.get(owner.toLowerCase());
        if (!kind) {
            kind = this.api().then(async (api) => {
                let data;
                try {
                    data = await api.get('GET /users/{owner}', { owner });
                }
                catch (e) {
                    throw this.explain(e, 'owner', `the owner ${owner}`, owner);
                }
                if (data.type === 'Organization')
                    return 'orgs';
                if (data.type === 'User')
                    return 'users';
                throw new Error(`GitHub Packages API at ${this.apiUrl}: ${owner} is neither a user nor an organization (type ${JSON.stringify(String(data.type)).slice(0, 40)}); its packages cannot be listed`);
            });
            // a failure is not remembered: the next image asks again
            kind.catch(() => this.owners.delete(owner.toLowerCase()));
            this.owners.set(owner.toLowerCase(), kind);
        }
        return kind;
    }
    /**
     * An error a user can act on: what was asked, the API's answer, and for 401/403/404 what the token lacks;
     * the API base last (the run cuts long messages: what to do comes first). Never the token.
     */
    explain(e, what, subject, name) {
        const status = e instanceof _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS ? e.httpStatus : undefined;
        // Octokit's message is the API's `message` and ` - <documentation_url>`: the link says nothing more here
        const said = redact(e instanceof Error ? e.message : String(e), this.token)
            .replace(/ - https?:\/\/[^\s)]+/, '')
            // the API's own words, one line: no control characters reach the log from them
            .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
            .slice(0, 200);
        const doing = what === 'delete' ? 'cannot delete' : 'cannot read';
        let hint = '';
        if (status === 401) {
            hint = ' The token was refused: github-token must be a valid token (a GITHUB_TOKEN expires with its job).';
        }
        else if (status === 403 && what === 'delete') {
            hint =
                " Deleting a package version needs `packages: write` in the job's permissions and the Admin role on the package: for GITHUB_TOKEN, in the package's settings, Manage Actions access, give this repository the Admin role; a personal access token (classic) needs read:packages and delete:packages, and its user admin on the package.";
        }
        else if (status === 403) {
            hint = " Reading package versions needs `packages: read` (or write) in the job's permissions and the repository's access to the package (its settings, Manage Actions access); a personal access token (classic) needs read:packages.";
        }
        else if (status === 404 && what === 'owner') {
            hint = ` No GitHub user or organization is called ${name.split('/')[0]}: the image name's first part must be the package's owner.`;
        }
        else if (status === 404 && what === 'delete') {
            hint = ' The version is not there (deleted meanwhile?), or the token may not see the package.';
        }
        else if (status === 404) {
            hint = ` No container package ${splitName(name).pkg} of this owner, or the token may not see it (a private package answers 404 to a token without access: \`packages: read\` and the repository's access in the package's settings).`;
        }
        return new Error(`GitHub Packages API: ${doing} ${subject}: ${said}.${hint} (API ${this.apiUrl})`);
    }
}
/** `<owner>/<package...>`: the owner is the first part, the package name the rest (it may hold `/`; the URL template encodes it as %2F). */
function splitName(name) {
    const slash = name.indexOf('/');
    if (slash <= 0 || slash === name.length - 1)
        throw new Error(`${name}: a GitHub package is named <owner>/<package> (the image name without the registry host)`);
    return { owner: name.slice(0, slash), pkg: name.slice(slash + 1) };
}
/** A listed version, checked: anything but a digest and a numeric id makes the listing unusable (fail closed). */
function toStoredVersion(v, name) {
    const id = v.id;
    const digest = typeof v.name === 'string' ? v.name : '';
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || !DIGEST.test(digest)) {
        throw new Error(`GitHub Packages API: ${name} lists a version that is not a container manifest (id ${JSON.stringify(id)}, name ${JSON.stringify(String(v.name).slice(0, 80))}); nothing is pruned from a listing this back end cannot read`);
    }
    const rawTags = v.metadata?.container?.tags;
    const tags = Array.isArray(rawTags) ? rawTags.filter((t) => typeof t === 'string') : [];
    const created = typeof v.created_at === 'string' && !Number.isNaN(Date.parse(v.created_at)) ? new Date(v.created_at) : undefined;
    return { digest, tags, created, id };
}
function redact(text, token) {
    return token ? text.split(token).join('***') : text;
}


/***/ })

};
