"use strict";
exports.id = 796;
exports.ids = [796,584];
exports.modules = {

/***/ 4796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitForBuildCommand: () => (/* binding */ waitForBuildCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(1078);
;// CONCATENATED MODULE: ./src/core/deadline.ts
// One deadline shared by the poll loop and the API client's retries, on an injectable clock.
function createDeadline(now, timeoutMs) {
    const startedAt = now();
    const at = startedAt + timeoutMs;
    return {
        startedAt,
        at,
        now,
        elapsedMs: () => now() - startedAt,
        remainingMs: () => Math.max(0, at - now()),
        allows: (ms) => now() + ms <= at,
    };
}

;// CONCATENATED MODULE: ./src/core/duration.ts
// Durations as people read them in a log: `45s`, `3m 20s`, `1h 2m`.
function formatDuration(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${seconds % 60}s`;
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}

// EXTERNAL MODULE: ./src/core/html.ts
var html = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/resolve.ts
var resolve = __webpack_require__(2183);
;// CONCATENATED MODULE: ./src/core/runs.ts
// Workflow runs as the REST API lists them, and which one decides a commit's build.
function time(text) {
    const parsed = text ? Date.parse(text) : NaN;
    return Number.isNaN(parsed) ? 0 : parsed;
}
/** When this attempt began: a re-run of an old run is newer than a run created after it. */
function attemptStartedAt(run) {
    return time(run.run_started_at) || time(run.created_at);
}
/** Positive when `a` is a newer attempt than `b`. */
function compareAttempts(a, b) {
    return (attemptStartedAt(a) - attemptStartedAt(b) ||
        time(a.created_at) - time(b.created_at) ||
        a.id - b.id ||
        (a.run_attempt ?? 1) - (b.run_attempt ?? 1));
}
/**
 * Splits a commit's runs into ours and the others, with why each other one does not count: a
 * `workflow_dispatch` or `push` run of the PR's head commit, or another PR's run of the same
 * commit (the same branch opened against two bases), must not decide this PR's wait. The event
 * is the main separator: GitHub lists in `pull_requests` every open PR whose head matches.
 */
function scopeRuns(runs, scope) {
    const ours = [];
    const ignored = [];
    for (const run of runs) {
        const event = run.event ?? 'unknown';
        const named = (run.pull_requests ?? []).map((pr) => pr.number);
        if (!scope.events.includes(event)) {
            ignored.push({ run, why: `it was started by ${event}, and this build runs on ${scope.events.join(' or ')}` });
        }
        else if (scope.prNumber !== undefined && named.length > 0 && !named.includes(scope.prNumber)) {
            ignored.push({ run, why: `it builds ${named.map((n) => `PR #${n}`).join(', ')}, not PR #${scope.prNumber}` });
        }
        else {
            ours.push(run);
        }
    }
    return { ours, ignored };
}
/**
 * The run that decides the build of `headSha`: of the runs for exactly that commit (never the
 * merge commit, never another PR's: see scopeRuns), the newest attempt. A re-run after a failure is that
 * newest attempt, so a run that went back to `queued` is followed rather than its old result.
 */
function selectRun(runs, headSha) {
    const sha = headSha.toLowerCase();
    let newest;
    for (const run of runs) {
        if (run.head_sha.toLowerCase() !== sha)
            continue;
        if (newest === undefined || compareAttempts(run, newest) > 0)
            newest = run;
    }
    return newest;
}
function isCompleted(run) {
    return run.status === 'completed';
}
/** How long the attempt took (or has taken so far, by `updated_at`). */
function runDurationMs(run) {
    const start = attemptStartedAt(run);
    const end = time(run.updated_at);
    return start > 0 && end >= start ? end - start : undefined;
}
/** The median duration of completed runs; undefined when none has a usable duration. */
function typicalDurationMs(runs) {
    const durations = runs
        .filter(isCompleted)
        .map(runDurationMs)
        .filter((ms) => ms !== undefined && ms > 0)
        .sort((a, b) => a - b);
    if (durations.length === 0)
        return undefined;
    const middle = Math.floor(durations.length / 2);
    return durations.length % 2 === 1 ? durations[middle] : Math.round((durations[middle - 1] + durations[middle]) / 2);
}
/** `#1234 (attempt 2)`: how a person finds the run on the Actions tab. */
function runLabel(run) {
    const attempt = (run.run_attempt ?? 1) > 1 ? ` (attempt ${run.run_attempt})` : '';
    return `#${run.run_number ?? run.id}${attempt}`;
}
/** `queued`, `in_progress`, `completed: failure`: a run's state as one string. */
function runState(run) {
    return isCompleted(run) ? `completed: ${run.conclusion ?? 'unknown'}` : (run.status ?? 'unknown');
}

// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/core/api-fault.ts
var api_fault = __webpack_require__(3462);
;// CONCATENATED MODULE: ./src/core/wait-loop.ts
// The poll loop of `wait-for-build`: follows the build run of one commit until it ends or the
// deadline passes. Time, sleep and the API are injected, so tests run 20 minutes in milliseconds.



function missingWorkflowMessage(o) {
    return (`The build workflow ${o.workflowFile} does not exist in ${o.repository} (GitHub answered 404). ` +
        'Check the `build-workflow` input: the file name of a workflow in .github/workflows, ' +
        'and that the token may read Actions (permissions: actions: read).');
}
function workflowDescription(file, workflow) {
    if (workflow === undefined)
        return `${file} (its existence could not be checked)`;
    return `${file} ("${workflow.name ?? file}", ${workflow.state ?? 'state unknown'})`;
}
function transientFault(error) {
    return error instanceof api_fault/* ApiFault */.d && error.kind === 'transient' ? error : undefined;
}
/** A fault that asking again will not fix, as the step's error: a refusal names the permission. */
function fatal(error, what) {
    if (error instanceof api_fault/* ApiFault */.d)
        return new Error(`GitHub refused to ${what} (${error.description})${error.permissionHint()}.`, { cause: error });
    return error instanceof Error ? error : new Error(String(error));
}
function workflowHint(workflow) {
    if (workflow === undefined)
        return '';
    if (workflow.state !== undefined && workflow.state !== 'active')
        return ` The workflow exists but is ${workflow.state}: enable it on the Actions tab.`;
    return ' The workflow exists: check that its triggers (on: ... paths) cover this commit.';
}
function timeLeft(run, typicalMs, nowMs) {
    if (typicalMs === undefined)
        return '';
    const started = Date.parse(run.run_started_at ?? run.created_at);
    if (Number.isNaN(started))
        return '';
    const left = typicalMs - (nowMs - started);
    return left > 0
        ? `, about ${formatDuration(left)} left (a successful build takes ${formatDuration(typicalMs)})`
        : `, longer than the usual ${formatDuration(typicalMs)}`;
}
async function waitForRun(o) {
    const { deadline } = o;
    const log = o.log ?? (() => { });
    const sha7 = o.headSha.slice(0, 7);
    const stamp = () => `[${formatDuration(deadline.elapsedMs())}]`;
    const done = (outcome) => ({ ...outcome, elapsedMs: deadline.elapsedMs() });
    let workflow;
    try {
        workflow = await o.findWorkflow();
        if (workflow === undefined)
            return done({ kind: 'missing-workflow', message: missingWorkflowMessage(o) });
    }
    catch (error) {
        // The runs list answers the same question below; only a fault that will not pass is fatal.
        const fault = transientFault(error);
        if (!fault)
            throw fatal(error, `read the workflow ${o.workflowFile}`);
        log(`${stamp()} Could not look up ${o.workflowFile} (${fault.description}); going on.`);
    }
    if (workflow?.state !== undefined && workflow.state !== 'active') {
        log(`${stamp()} Workflow ${o.workflowFile} is ${workflow.state}: it starts no new runs until it is enabled.`);
    }
    let run;
    const saidIgnored = new Set();
    const ourRun = (runs) => {
        const { ours, ignored } = scopeRuns(runs, o.scope);
        for (const { run: other, why } of ignored) {
            if (saidIgnored.has(other.id))
                continue;
            saidIgnored.add(other.id);
            log(`${stamp()} Not the build waited for: ${other.name ?? o.workflowFile} ${runLabel(other)} (${other.html_url}), because ${why}.`);
        }
        return selectRun(ours, o.headSha);
    };
    let lastState;
    let lastError;
    let typicalMs;
    let askedTypical = false;
    const wantedFor = `${workflowDescription(o.workflowFile, workflow)} for commit ${o.headSha}`;
    for (;;) {
        let pause = o.pollIntervalMs;
        try {
            run = ourRun(await o.fetchRuns(deadline.remainingMs()));
            lastError = undefined;
        }
        catch (error) {
            if (error instanceof api_fault/* ApiFault */.d && error.kind === 'not-found') {
                return done({ kind: 'missing-workflow', message: missingWorkflowMessage(o) });
            }
            const fault = transientFault(error);
            if (!fault)
                throw fatal(error, `list the runs of ${o.workflowFile}`);
            const { description, retryAfterSeconds: askedSeconds } = fault;
            if (askedSeconds !== undefined && !deadline.allows(askedSeconds * 1000)) {
                return done({
                    kind: 'timeout',
                    run,
                    message: `GitHub asks to wait ${askedSeconds}s (${description}), past the timeout, while waiting for a run of ${wantedFor}` +
                        (run ? `; the last state seen was ${runState(run)}: ${run.html_url}` : '.'),
                });
            }
            if (description !== lastError)
                log(`${stamp()} GitHub API: ${description}; asking again at the next poll.`);
            lastError = description;
            if (askedSeconds !== undefined)
                pause = Math.max(pause, askedSeconds * 1000);
        }
        if (run !== undefined && !isCompleted(run) && !askedTypical && o.typicalDurationMs) {
            askedTypical = true;
            typicalMs = await o.typicalDurationMs().catch(() => undefined);
        }
        const state = run === undefined ? (lastError === undefined ? 'absent' : undefined) : `${run.id}/${run.run_attempt ?? 1}/${runState(run)}`;
        if (state !== undefined && state !== lastState) {
            lastState = state;
            log(run === undefined
                ? `${stamp()} No run of ${o.workflowFile} for commit ${sha7} yet; checking every ${formatDuration(o.pollIntervalMs)}, ` +
                    `for up to ${formatDuration(deadline.remainingMs())} more.`
                : `${stamp()} ${run.name ?? o.workflowFile} ${runLabel(run)}: ${runState(run)}` +
                    (isCompleted(run) ? '' : timeLeft(run, typicalMs, deadline.now())) +
                    ` · ${run.html_url}`);
        }
        if (run !== undefined && isCompleted(run)) {
            if (run.conclusion === 'success')
                return done({ kind: 'success', run });
            return done({
                kind: 'failure',
                run,
                message: `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} ended with conclusion "${run.conclusion ?? 'unknown'}": ${run.html_url}`,
            });
        }
        if (deadline.remainingMs() <= 0) {
            const limit = formatDuration(deadline.at - deadline.startedAt);
            const why = lastError === undefined ? '' : ` The last API request failed: ${lastError}.`;
            return done({
                kind: 'timeout',
                run,
                message: run === undefined
                    ? `No run of ${wantedFor} appeared within ${limit} (the \`timeout\` input).${why}` +
                        (saidIgnored.size > 0 ? ` ${saidIgnored.size} run(s) of that commit were another build (see the log above).` : '') +
                        workflowHint(workflow)
                    : `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} is still ${run.status} after ${limit} (the \`timeout\` input): ${run.html_url}`,
            });
        }
        // The last poll lands on the deadline, so a run that ends just in time still counts.
        await o.sleep(Math.min(pause, deadline.remainingMs()));
    }
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/conditional.ts
// Conditional GETs. GitHub answers `If-None-Match` with 304 when nothing changed, and a 304
// does not count against the rate limit. Octokit keeps no cache and reports a 304 as a
// RequestError, so the last ETag and body of each URL are kept here.

function createConditionalGet(client) {
    const cache = new Map();
    const stats = { requests: 0, notModified: 0 };
    return {
        stats,
        async get(route, params = {}) {
            // The expanded URL (path and query) identifies the resource; `request` options are not part of it.
            const { method, url } = client.request.endpoint(route, params);
            const key = `${method} ${url}`;
            const cached = cache.get(key);
            const headers = { ...params.headers, ...(cached ? { 'if-none-match': cached.etag } : {}) };
            stats.requests++;
            try {
                const response = await client.request(route, { ...params, headers });
                const etag = response.headers.etag;
                if (etag)
                    cache.set(key, { etag, data: response.data });
                return { data: response.data, notModified: false };
            }
            catch (error) {
                if (cached && (0,errors/* httpStatus */.nG)(error) === 304) {
                    stats.notModified++;
                    return { data: cached.data, notModified: true };
                }
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/github/workflow-runs.ts




/** Reading workflows and their runs needs this (GitHub answers 403 or 404 without it). */
const PERMISSION = 'actions: read';
/** plugin-retry waits 1 + 4 + 9 seconds before its three retries of a 5xx or network error. */
const RETRY_BACKOFF_MS = 14_000;
const REQUEST_TIMEOUT_MS = { min: 10_000, max: 30_000 };
/** Per-request options that keep one poll, retries included, within the wait's deadline. */
function boundedBy(remainingMs) {
    // Closer to the deadline than the back-off, the next poll asks again instead. Only 0 can be
    // set ahead: a positive `retries` makes plugin-retry repeat every error, 304s and 404s included.
    const retries = remainingMs < RETRY_BACKOFF_MS ? { retries: 0 } : {};
    // A hung connection must not outlive the deadline; the last poll still gets a fair chance.
    const timeoutMs = Math.min(Math.max(remainingMs, REQUEST_TIMEOUT_MS.min), REQUEST_TIMEOUT_MS.max);
    return { ...retries, signal: AbortSignal.timeout(timeoutMs) };
}
function createBuildRunsApi(client, repository, workflowFile, now = Date.now) {
    const conditional = createConditionalGet(client);
    const workflowRoute = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}';
    const runsRoute = `${workflowRoute}/runs`;
    const base = { ...repository, workflow_id: workflowFile };
    // Failures reach the poll loop as ApiFaults, which name the permission to grant.
    const asked = async (call) => {
        try {
            return await call();
        }
        catch (error) {
            throw (0,errors/* toApiFault */.eo)(error, { permission: PERMISSION, nowMs: now() });
        }
    };
    return {
        stats: conditional.stats,
        findWorkflow: () => asked(async () => {
            try {
                return (await conditional.get(workflowRoute, base)).data;
            }
            catch (error) {
                if ((0,errors/* isNotFound */.c4)(error))
                    return undefined;
                throw error;
            }
        }),
        fetchRuns: (headSha, remainingMs, event) => asked(async () => {
            // head_sha asks for exactly this commit's runs: a page of recent runs could lose it on a
            // busy repository. `event` ("Returns workflow run triggered by the event you specify":
            // GitHub's OpenAPI description) leaves out runs that are not ours before they cost a byte;
            // pull_requests stay in (no exclude_pull_requests), to tell one PR's run from another's.
            const params = { ...base, head_sha: headSha, ...(event ? { event } : {}), per_page: 100, request: boundedBy(remainingMs) };
            return (await conditional.get(runsRoute, params)).data.workflow_runs;
        }),
        typicalDurationMs: () => asked(async () => {
            const params = { ...base, status: 'success', per_page: 5, exclude_pull_requests: true };
            return typicalDurationMs((await conditional.get(runsRoute, params)).data.workflow_runs);
        }),
    };
}
/** Waits for the build run of one commit over REST: what the command, the HTTP tests and the bench run. */
async function waitForBuildRun(client, o) {
    const api = createBuildRunsApi(client, o.repository, o.workflowFile, o.deadline.now);
    const outcome = await waitForRun({
        ...o,
        repository: `${o.repository.owner}/${o.repository.repo}`,
        findWorkflow: () => api.findWorkflow(),
        // One event: the API filters; several: one request, filtered here.
        fetchRuns: (remainingMs) => api.fetchRuns(o.headSha, remainingMs, o.scope.events.length === 1 ? o.scope.events[0] : undefined),
        typicalDurationMs: () => api.typicalDurationMs(),
    });
    return { outcome, stats: api.stats };
}

;// CONCATENATED MODULE: ./src/vendor/exec.ts
async function getExecOutput(...args) {
    return (await __webpack_require__.e(/* import() */ 729).then(__webpack_require__.bind(__webpack_require__, 7729))).getExecOutput(...args);
}

;// CONCATENATED MODULE: ./src/core/command-output.ts
// What an error message shows of a failed command's output: its last lines, where docker and git
// say what went wrong.
function lastLines(text, count = 5) {
    return text.trim().split('\n').slice(-count).join('\n');
}

;// CONCATENATED MODULE: ./src/core/registry-hints.ts
// What a registry's refusal or missing tag usually means, said once for `docker pull` and for
// reading an image's manifest. The GHCR causes come with the GitHub Docs page that explains each.
const DOCS = 'https://docs.github.com/en';
/** Whether a reference's registry is GitHub's Container registry (github.com's; GHES serves its own host). */
function isGhcr(registry) {
    return registry.toLowerCase() === 'ghcr.io';
}
/** The usual causes of a 401/403 (`DENIED`, `UNAUTHORIZED`) from ghcr.io for a workflow's token, one line each. */
function ghcrDeniedCauses() {
    return [
        // "If you specify the access for any of these permissions, all of those that are not specified are set to none."
        '- The job may not read packages: a job with a `permissions:` block needs `packages: read` in it ' +
            `(${DOCS}/actions/writing-workflows/workflow-syntax-for-github-actions#permissions).`,
        // "If the package is private, only workflows running in repositories that are given read permission on that package can download the package."
        '- This repository has no access to the package: in the package\'s settings, under "Manage Actions access", add the repository with the Read role ' +
            `(${DOCS}/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility#ensuring-workflow-access-to-your-package).`,
        // A package pushed with the label inherits the linked repository's access, its workflows included.
        `- The package is not linked to the repository: build it with the label org.opencontainers.image.source=<the repository's URL> ` +
            "(resolve-image's `labels` output), or connect it in the package's settings " +
            `(${DOCS}/packages/learn-github-packages/connecting-a-repository-to-a-package).`,
    ];
}
/** The GHCR causes of a refusal, with where to read more. */
function ghcrDeniedHint() {
    return [
        'On ghcr.io the usual causes are:',
        ...ghcrDeniedCauses(),
        `See "Working with the Container registry" (${DOCS}/packages/working-with-a-github-packages-registry/working-with-the-container-registry).`,
    ].join('\n');
}
/**
 * Why the registry refused to serve an image of `registry`, and what to do about it: with no
 * credentials sent, log in; with credentials refused, that account lacks access or expired.
 */
function deniedHint(registry, credentials) {
    if (isGhcr(registry))
        return ghcrDeniedHint();
    if (credentials === 'refused') {
        return `That account may not pull the image, or its password or token expired: give it read access, or log in to ${registry} again (docker/login-action) with one that may pull it.`;
    }
    return `Log in to ${registry} before this step (docker/login-action) with an account that may pull the image.`;
}
/** Why a tag is not in the registry: almost always, nothing pushed it (yet). */
function missingTagHint(reference) {
    const commitTag = /:pr-\d+-sha-[0-9a-f]{7}$/.test(reference);
    return commitTag
        ? `Nothing pushed this tag: the build must push pr-<N>-sha-<7> as well as pr-<N>. Pass resolve-image's \`tags\` output to docker/build-push-action's \`tags\` input with \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`
        : `Nothing pushed this tag: check the build's \`tags\` and \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`;
}

;// CONCATENATED MODULE: ./src/runner/docker.ts
// `docker pull` of the freshly built image, by digest: an argument array (never a shell),
// retried because a registry can lag a build that has just pushed.




// Retrying cannot fix credentials: fail at once with a hint instead.
const AUTH_FAILURE = /unauthorized|denied|authentication required|no basic auth credentials/i;
async function docker(args) {
    try {
        return await getExecOutput('docker', args, { ignoreReturnCode: true });
    }
    catch (error) {
        // @actions/exec throws only when it cannot start the program.
        throw new Error(`Cannot run docker to pull the image (${error.message.split('.')[0]}). ` +
            'Use a runner with Docker installed, or set `pull: false` to skip the pull.', { cause: error });
    }
}
/** How to get past a refusal; for ghcr.io, its usual causes too. */
function refusalHint(reference) {
    const login = 'Log in to the registry before this step (docker/login-action), with a token that may read packages.';
    let registry;
    try {
        registry = (0,image_ref/* parseImageReference */.o_)(reference).registry;
    }
    catch {
        return login;
    }
    return isGhcr(registry) ? `${login}\n${ghcrDeniedHint()}` : login;
}
async function pullImage(reference, o) {
    const attempts = o.attempts ?? 4;
    let delay = o.firstDelayMs ?? 5_000;
    for (let attempt = 1;; attempt++) {
        const result = await docker(['pull', reference]);
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode === 0) {
            return { attempts: attempt };
        }
        const why = lastLines(result.stderr || result.stdout);
        if (AUTH_FAILURE.test(output)) {
            throw new Error(`docker pull ${reference} was refused by the registry: ${why}\n${refusalHint(reference)}`);
        }
        if (attempt >= attempts) {
            throw new Error(`docker pull ${reference} failed ${attempts} times (exit code ${result.exitCode}): ${why}`);
        }
        o.log?.(`docker pull failed (exit code ${result.exitCode}); the registry may lag the build, trying again in ${Math.round(delay / 1000)}s.`);
        await o.sleep(delay);
        delay *= 2;
    }
}

// EXTERNAL MODULE: ./src/runner/report.ts
var report = __webpack_require__(6190);
// EXTERNAL MODULE: ./src/session/build-gate.ts
var build_gate = __webpack_require__(4522);
// EXTERNAL MODULE: ./src/core/labels.ts
var labels = __webpack_require__(6236);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/image-manifest.ts
// What a registry answers about an image, read without I/O: the document a tag resolves to (an
// OCI image index, a Docker manifest list, or one OCI or Docker v2 image manifest), the platform
// manifest whose config to read, and the labels in that config.
//
// Formats: OCI image spec (image-index.md, manifest.md, config.md,
// https://github.com/opencontainers/image-spec) and Docker's Image Manifest V2, Schema 2
// (https://distribution.github.io/distribution/spec/manifest-v2-2/), the two GHCR stores
// (GitHub Docs, "Working with the Container registry": "About Container registry support").



const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_MANIFEST_LIST]);
const MANIFEST_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);
/** The Accept header of a manifest request: every type this module reads, and no other. */
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(', ');
function digestOf(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function stringMap(value) {
    const record = asRecord(value) ?? {};
    return Object.fromEntries(Object.entries(record).filter((entry) => typeof entry[1] === 'string'));
}
function parseJson(text, what) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`The registry's ${what} is not JSON.`);
    }
    const record = asRecord(value);
    if (!record)
        throw new Error(`The registry's ${what} is not a JSON object.`);
    return record;
}
function parseDescriptor(value, what) {
    const d = asRecord(value);
    if (!d || typeof d.digest !== 'string')
        throw new Error(`The registry's ${what} has a descriptor without a digest.`);
    // The digest goes into a URL path (/v2/<name>/manifests/<digest>, /blobs/<digest>): only the form
    // registries name content by, nothing that could add a path segment or a query.
    if (!image_ref/* SHA256_DIGEST */.fu.test(d.digest)) {
        throw new Error(`The registry's ${what} has a descriptor digest ${JSON.stringify(d.digest.slice(0, 80))}, not sha256: and 64 lower-case hexadecimal characters.`);
    }
    const platform = asRecord(d.platform);
    return {
        mediaType: typeof d.mediaType === 'string' ? d.mediaType : undefined,
        digest: d.digest,
        size: typeof d.size === 'number' ? d.size : undefined,
        platform: platform && typeof platform.os === 'string' && typeof platform.architecture === 'string'
            ? {
                os: platform.os,
                architecture: platform.architecture,
                ...(typeof platform.variant === 'string' && platform.variant !== '' ? { variant: platform.variant } : {}),
            }
            : undefined,
        annotations: d.annotations === undefined ? undefined : stringMap(d.annotations),
    };
}
/**
 * Reads a manifest or index. Its type comes from its own `mediaType` field, else from the
 * response's Content-Type (the distribution spec: "the Content-Type header will indicate which
 * manifest type is being returned"), else from its shape (OCI's `mediaType` is only a SHOULD).
 */
function parseManifest(body, contentType) {
    const json = parseJson(body, 'manifest');
    const headerType = contentType?.split(';')[0]?.trim() || undefined;
    const shape = Array.isArray(json.manifests) ? OCI_INDEX : asRecord(json.config) ? OCI_MANIFEST : undefined;
    const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? headerType ?? shape;
    if (mediaType !== undefined && INDEX_TYPES.has(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new Error(`The registry's ${mediaType} has no manifests list.`);
        return { kind: 'index', mediaType, manifests: json.manifests.map((m) => parseDescriptor(m, 'index')) };
    }
    if (mediaType !== undefined && MANIFEST_TYPES.has(mediaType)) {
        return { kind: 'manifest', mediaType, config: parseDescriptor(json.config, 'manifest') };
    }
    throw new Error(`The registry answered a manifest of type ${mediaType ?? '(unknown)'}; ci-image reads ${[...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')}.`);
}
function formatPlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter((part) => part !== undefined && part !== '').join('/');
}
/**
 * An attestation manifest that BuildKit adds to an index (SBOM, provenance) is no image: it is
 * marked `vnd.docker.reference.type: attestation-manifest` on platform `unknown/unknown`
 * (moby/buildkit, docs/attestations/attestation-storage.md).
 */
function isAttestation(descriptor) {
    if (descriptor.annotations?.['vnd.docker.reference.type'] !== undefined)
        return true;
    return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}
function isImageManifest(descriptor) {
    return !isAttestation(descriptor) && (descriptor.mediaType === undefined || MANIFEST_TYPES.has(descriptor.mediaType));
}
/** The platforms of an index's images, attestations left out. */
function indexPlatforms(index) {
    return index.manifests.filter(isImageManifest).flatMap((d) => (d.platform ? [formatPlatform(d.platform)] : []));
}
/** Every image of an index, attestations left out: each one's revision label is checked. */
function indexImages(index) {
    return index.manifests.filter(isImageManifest);
}
/**
 * The manifest whose config to read: linux/amd64 (what GitHub-hosted runners run) when there is
 * one, else the first image of the index. Every platform of one build carries the same labels.
 */
function choosePlatformManifest(index) {
    const images = index.manifests.filter(isImageManifest);
    const chosen = images.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64') ?? images[0];
    if (!chosen)
        throw new Error(`The image index lists no image manifest, only ${index.manifests.length} attestation(s) or other artifacts.`);
    return chosen;
}
/** An image config (OCI config.md, Docker's image JSON): the labels live in `config.Labels`. */
function parseImageConfig(body) {
    if (body.trim() === 'null')
        return { labels: {} };
    const json = parseJson(body, 'image config');
    const labels = stringMap(asRecord(json.config)?.Labels);
    const { os, architecture, variant } = json;
    const platform = typeof os === 'string' && typeof architecture === 'string'
        ? formatPlatform({ os, architecture, variant: typeof variant === 'string' ? variant : undefined })
        : undefined;
    return { labels, platform };
}
/** The answer of an inspection, from the document the reference resolves to and the chosen image's config. */
function describeImage(reference, resolved, config, platform) {
    const { document } = resolved;
    const chosenPlatform = platform ?? config.platform;
    return {
        reference,
        digest: resolved.digest,
        pinned: reference.includes('@') ? reference : (0,image_ref/* pinnedReference */.ct)(reference, resolved.digest),
        mediaType: document.mediaType,
        platforms: document.kind === 'index' ? indexPlatforms(document) : chosenPlatform ? [chosenPlatform] : [],
        platform: chosenPlatform,
        labels: config.labels,
        revision: config.labels[labels/* REVISION_LABEL */.P1],
        source: config.labels[labels/* SOURCE_LABEL */.Rc],
    };
}

;// CONCATENATED MODULE: ./src/core/registry-access.ts
// How to reach a registry's HTTP API and answer its challenge, decided without I/O: the base URL
// of a registry, the parameters of a `WWW-Authenticate` challenge, and where a token may be sent.
/** Docker Hub's API does not live at docker.io (containerd, remotes/docker/registry.go: docker.io → registry-1.docker.io). */
const API_HOSTS = { 'docker.io': 'registry-1.docker.io' };
/**
 * Loopback registries speak plain HTTP, as containerd assumes for them (remotes/docker/registry.go,
 * MatchLocalhost: localhost, 127.0.0.1, ::1); every other registry is reached over HTTPS.
 */
function isLoopback(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}
/** `https://ghcr.io`, `https://registry-1.docker.io`, `http://127.0.0.1:5000`. */
function registryBaseUrl(registry) {
    const host = API_HOSTS[registry] ?? registry;
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
const PARAM = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
/**
 * The first challenge of a `WWW-Authenticate` header (RFC 7235 auth-params, as the token
 * specification shows it: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"`,
 * distribution/distribution, docs/content/spec/auth/token.md). Quoted values may hold commas.
 */
function parseChallenge(header) {
    const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?:\s+|$)/.exec(header);
    if (!scheme)
        return undefined;
    const params = {};
    PARAM.lastIndex = scheme[0].length;
    for (let m = PARAM.exec(header); m; m = PARAM.exec(header)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
        if (PARAM.lastIndex >= header.length)
            break;
    }
    return { scheme: scheme[1].toLowerCase(), params };
}
/**
 * Whether the GitHub token may be sent to answer a challenge: only to a registry it was given for
 * (ghcr.io by default), and for a bearer challenge only to a realm on that same host, over HTTPS
 * (plain HTTP on loopback alone). A registry, or a realm, elsewhere asks anonymously: the token is
 * worth more than any image.
 */
function mayReceiveToken(registryUrl, tokenHosts, realm) {
    const registry = new URL(registryUrl);
    if (!tokenHosts.map((h) => h.toLowerCase()).includes(registry.host.toLowerCase()))
        return false;
    if (realm === undefined)
        return true;
    let target;
    try {
        target = new URL(realm);
    }
    catch {
        return false;
    }
    const secure = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopback(target.host));
    return secure && target.host.toLowerCase() === registry.host.toLowerCase();
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/docker-config.ts
// Where docker keeps the credentials of a registry, read from its config.json as the docker CLI
// reads it (docker/cli, cli/config/configfile/file.go and cli/config/credentials/file_store.go):
// - `credHelpers[<key>]`, else `credsStore`: a program `docker-credential-<name>` holds them
//   (getConfiguredCredentialStore);
// - else `auths[<key>]`, or an entry whose key reduces to the same host (`https://host/v1/`,
//   fileStore.Get with ConvertToHostname): `auth` is base64 of `user:password` (decodeAuth),
//   `identitytoken` an OAuth2 refresh token.
// Docker Hub's key is `https://index.docker.io/v1/` (getAuthConfigKey).
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
/** The key docker stores a registry's credentials under (getAuthConfigKey). */
function authConfigKey(registry) {
    return registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? DOCKER_HUB_KEY : registry;
}
/** The host an `auths` key names: `https://127.0.0.1:5000/v1/` → `127.0.0.1:5000` (ConvertToHostname). */
function convertToHostname(key) {
    const stripped = key.includes('://') ? key.slice(key.indexOf('://') + 3) : key;
    return stripped.split('/')[0];
}
/** config.json's text; `what` names the file in the error. */
function parseDockerConfig(text, what) {
    let json;
    try {
        json = record(JSON.parse(text));
    }
    catch {
        throw new Error(`${what} is not valid JSON: fix or remove it (docker reads the same file).`);
    }
    const helpers = Object.entries(record(json.credHelpers)).filter((e) => typeof e[1] === 'string');
    return {
        auths: record(json.auths),
        credHelpers: Object.fromEntries(helpers),
        credsStore: typeof json.credsStore === 'string' && json.credsStore !== '' ? json.credsStore : undefined,
    };
}
/** A helper's name becomes a program name: nothing that could leave docker-credential-*. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function stored(entry, key, what) {
    const identityToken = typeof entry.identitytoken === 'string' && entry.identitytoken !== '' ? entry.identitytoken : undefined;
    if (typeof entry.auth !== 'string' || entry.auth === '')
        return identityToken ? { username: '', identityToken, source: what } : undefined;
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    // decodeAuth: "invalid auth configuration file" without a user name.
    if (colon <= 0)
        throw new Error(`${what}: the \`auth\` of "${key}" is not base64 of user:password (docker would refuse it too).`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1).replace(/\0+$/, ''), identityToken, source: what };
}
/** Where the credentials for `registry` are, as docker would look for them. */
function credentialSource(config, registry, what) {
    const key = authConfigKey(registry);
    const helper = config.credHelpers[key] ?? config.credsStore;
    if (helper !== undefined) {
        if (!HELPER_NAME.test(helper))
            throw new Error(`${what}: the credential helper "${helper}" for ${registry} is not a valid helper name.`);
        return { kind: 'helper', program: `docker-credential-${helper}`, serverAddress: key };
    }
    const entry = config.auths[key] ?? Object.entries(config.auths).find(([k]) => convertToHostname(k) === key)?.[1];
    const credential = entry ? stored(record(entry), key, what) : undefined;
    return credential ? { kind: 'stored', credential } : { kind: 'none' };
}
/**
 * A helper's answer to `get` (docker-credential-helpers, credentials.Credentials: ServerURL,
 * Username, Secret); the user `<token>` marks the secret as an identity token (docker/cli,
 * cli/config/credentials/native_store.go, tokenUsername).
 */
function parseHelperAnswer(stdout, program) {
    let json;
    try {
        json = record(JSON.parse(stdout));
    }
    catch {
        throw new Error(`${program} get answered something that is not JSON.`);
    }
    const username = typeof json.Username === 'string' ? json.Username : '';
    const secret = typeof json.Secret === 'string' ? json.Secret : '';
    if (secret === '')
        return undefined;
    return username === '<token>' ? { username: '', identityToken: secret, source: program } : { username, password: secret, source: program };
}

;// CONCATENATED MODULE: ./src/registry/errors.ts
// A registry's answer that ends an inspection, sorted by what the caller can do about it.
class RegistryError extends Error {
    fault;
    credentials;
    constructor(fault, message, 
    /** For `denied`: whether no credentials were sent, or the ones sent were refused. */
    credentials) {
        super(message);
        this.fault = fault;
        this.credentials = credentials;
        this.name = 'RegistryError';
    }
}
function isRetryable(error) {
    return error instanceof RegistryError && (error.fault === 'missing' || error.fault === 'unavailable');
}

;// CONCATENATED MODULE: ./src/registry/docker-credentials.ts
// The credentials docker stored for a registry (`docker login`, docker/login-action), read where
// and as docker reads them: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json` (docker/cli,
// cli/config/config.go, Dir), then a credential helper or the file itself (core/docker-config.ts).
// A helper runs as docker runs it (docker-credential-helpers, client/client.go: the program with the
// one argument `get`, the server address on stdin, JSON on stdout): an argument array, no shell, the
// secret only in its stdout and in memory.






/** docker-credential-helpers' ErrCredentialsNotFound text (credentials/error.go): no credentials, no fault. */
const NOT_FOUND = 'credentials not found in native keychain';
function dockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
function runHelper(program, serverAddress, env) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        child.on('error', (error) => resolve({ code: null, stdout, stderr, error }));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(serverAddress);
    });
}
/** The credential docker would send to `registry`, or undefined when it has none. */
async function dockerCredential(registry, env = process.env) {
    const path = dockerConfigPath(env);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        // No file: docker has no credentials either.
        return undefined;
    }
    let source;
    try {
        source = credentialSource(parseDockerConfig(text, path), registry, path);
    }
    catch (error) {
        throw new RegistryError('denied', error.message);
    }
    if (source.kind === 'none')
        return undefined;
    if (source.kind === 'stored')
        return source.credential;
    const result = await runHelper(source.program, source.serverAddress, env);
    const output = (result.stdout.trim() || result.stderr.trim()).split('\n')[0] ?? '';
    if (result.code === 0) {
        try {
            return parseHelperAnswer(result.stdout, source.program);
        }
        catch (error) {
            throw new RegistryError('denied', `${error.message} (configured in ${path}).`);
        }
    }
    if (output === NOT_FOUND)
        return undefined;
    const why = result.error ? `cannot run it: ${result.error.message}` : `it exited with ${result.code}`;
    // A failed get prints its error on stdout (client.go reads cmd.Output()); the secret only ever
    // comes with exit code 0.
    const detail = result.error || output === '' ? '' : `: ${output}`;
    throw new RegistryError('denied', `The credential helper ${source.program} (configured in ${path}) failed to give the credentials for ${registry}: ${why}${detail}.`);
}

;// CONCATENATED MODULE: ./src/registry/http.ts



/**
 * distribution refuses a manifest larger than 4 MiB on push (registry/handlers/manifests.go,
 * maxManifestBodySize), so no registry running it serves a larger one: more is not a manifest.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/**
 * No registry caps an image config; ours: labels, environment and history are kilobytes, and
 * 8 MiB keeps a hostile answer from filling the runner's memory.
 */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** A token service's JSON answer. */
const MAX_TOKEN_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** `DENIED: requested access to the resource is denied`, from the distribution spec's error body. */
function errorText(reply) {
    const text = new TextDecoder().decode(reply.bytes);
    try {
        const errors = JSON.parse(text).errors ?? [];
        const described = errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean);
        if (described.length > 0)
            return `${reply.status} ${described.join('; ')}`;
    }
    catch {
        // Not the spec's error body: the status says enough.
    }
    return String(reply.status);
}
function refusedBy(sender, host) {
    switch (sender.kind) {
        case 'docker':
            return `${host} refused the credentials of ${sender.username ? `"${sender.username}"` : 'an identity token'} (from ${sender.source})`;
        case 'github':
            return `${host} refused the GitHub token (github-token)`;
        case 'anonymous':
            return `There are no credentials for ${host} (docker stored none, and the GitHub token is only for ghcr.io)`;
    }
}
function fail(reply, what, host, sender) {
    const why = errorText(reply);
    if (reply.status === 401 || reply.status === 403) {
        return new RegistryError('denied', `${refusedBy(sender, host)}: it does not serve ${what} (${why}).`, sender.kind === 'anonymous' ? 'none' : 'refused');
    }
    if (reply.status === 404)
        return new RegistryError('missing', `${what} is not in ${host} (${why}).`);
    if (reply.status === 429 || reply.status >= 500)
        return new RegistryError('unavailable', `${host} failed to serve ${what} (${why}).`);
    return new RegistryError('invalid', `${host} answered ${why} for ${what}.`);
}
/** The body, at most `limit` bytes: a larger answer is refused before it is all read. */
async function readCapped(response, limit, what, host) {
    const tooLarge = () => new RegistryError('invalid', `${host} answered more than ${limit / (1024 * 1024)} MiB for ${what}; ci-image reads no more than that.`);
    if (Number(response.headers.get('content-length') ?? 0) > limit) {
        await response.body?.cancel();
        throw tooLarge();
    }
    if (!response.body)
        return new Uint8Array();
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > limit) {
            await response.body.cancel().catch(() => undefined);
            throw tooLarge();
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
function httpTransport(ref, o) {
    const base = registryBaseUrl(ref.registry);
    const host = new URL(base).host;
    let authorization;
    let sender = { kind: 'anonymous' };
    const credential = o.credential;
    /** One request, redirects followed by hand so that credentials never follow to another origin (a blob CDN). */
    async function send(url, r) {
        let target = url;
        for (let hop = 0;; hop++) {
            let response;
            try {
                const sameOrigin = target.origin === url.origin;
                const headers = { accept: r.accept, 'user-agent': 'ci-image' };
                if (r.auth && sameOrigin)
                    headers.authorization = r.auth;
                if (r.form)
                    headers['content-type'] = 'application/x-www-form-urlencoded';
                response = await o.fetch(target, {
                    method: r.form ? 'POST' : 'GET',
                    headers,
                    body: r.form?.toString(),
                    redirect: 'manual',
                    signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
                });
            }
            catch (error) {
                const cause = error instanceof Error ? (error.cause?.message ?? error.message) : String(error);
                throw new RegistryError('unavailable', `Cannot reach ${target.host}: ${cause}.`);
            }
            const location = response.headers.get('location');
            if (REDIRECTS.has(response.status) && location && hop < MAX_REDIRECTS && !r.form) {
                await response.body?.cancel();
                target = new URL(location, target);
                continue;
            }
            return { status: response.status, headers: response.headers, bytes: await readCapped(response, r.limit, r.what, target.host) };
        }
    }
    function basic(username, password) {
        return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    function githubBasic(token) {
        return basic(o.username ?? (process.env.GITHUB_ACTOR || 'ci-image'), token);
    }
    function readToken(reply, tokenHost) {
        let token;
        try {
            const json = JSON.parse(new TextDecoder().decode(reply.bytes));
            // "At least one of these fields must be specified" (token.md, Token Response Fields).
            token = json.token ?? json.access_token;
        }
        catch {
            token = undefined;
        }
        if (typeof token !== 'string' || token === '')
            throw new RegistryError('invalid', `${tokenHost} answered no token.`);
        return `Bearer ${token}`;
    }
    /**
     * A bearer token from the challenge's realm: with docker's credentials as docker sends them
     * (basic auth on a GET, or an identity token as an OAuth2 refresh token in a POST:
     * distribution/distribution, internal/client/auth/session.go, fetchTokenWithOAuth), else the
     * GitHub token only where it may go, else anonymously.
     */
    async function bearer(challenge) {
        const realm = challenge.params.realm;
        let url;
        try {
            url = new URL(realm ?? '');
        }
        catch {
            throw new RegistryError('invalid', `${host} asked for a bearer token without a valid realm ("${realm ?? ''}").`);
        }
        const scopes = (challenge.params.scope ?? `repository:${ref.path}:pull`).split(' ').filter(Boolean);
        const what = `a token for ${ref.path}`;
        const request = { accept: 'application/json', limit: MAX_TOKEN_BYTES, what };
        if (credential?.identityToken) {
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.identityToken, client_id: 'ci-image' });
            if (challenge.params.service)
                form.set('service', challenge.params.service);
            form.set('scope', scopes.join(' '));
            sender = { kind: 'docker', username: credential.username, source: credential.source };
            const reply = await send(url, { ...request, form });
            if (reply.status !== 200)
                throw fail(reply, what, url.host, sender);
            return readToken(reply, url.host);
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        let auth;
        if (credential?.password !== undefined) {
            auth = basic(credential.username, credential.password);
            sender = { kind: 'docker', username: credential.username, source: credential.source };
        }
        else if (o.token && mayReceiveToken(base, o.tokenHosts, url.href)) {
            auth = githubBasic(o.token);
            sender = { kind: 'github' };
        }
        const reply = await send(url, { ...request, auth });
        if (reply.status !== 200)
            throw fail(reply, what, url.host, sender);
        return readToken(reply, url.host);
    }
    async function answer(challengeHeader) {
        const challenge = parseChallenge(challengeHeader ?? '');
        if (challenge?.scheme === 'bearer')
            return bearer(challenge);
        if (challenge?.scheme !== 'basic')
            return undefined;
        if (credential?.password !== undefined) {
            sender = { kind: 'docker', username: credential.username, source: credential.source };
            return basic(credential.username, credential.password);
        }
        if (o.token && mayReceiveToken(base, o.tokenHosts)) {
            sender = { kind: 'github' };
            return githubBasic(o.token);
        }
        return undefined;
    }
    /** GET with the registry's auth: anonymous first, then the answer to its challenge, once. */
    async function get(path, accept, what, limit) {
        const url = new URL(path, base);
        let reply = await send(url, { accept, what, limit, auth: authorization });
        if (reply.status === 401) {
            const answered = await answer(reply.headers.get('www-authenticate'));
            if (answered !== undefined) {
                authorization = answered;
                reply = await send(url, { accept, what, limit, auth: authorization });
            }
        }
        if (reply.status !== 200)
            throw fail(reply, what, host, sender);
        return reply;
    }
    /** The manifest at `reference` (a tag or a digest), its digest checked as the distribution spec asks. */
    async function manifest(reference) {
        const what = `${ref.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
        const reply = await get(`/v2/${ref.path}/manifests/${reference}`, MANIFEST_ACCEPT, what, MAX_MANIFEST_BYTES);
        const digest = digestOf(reply.bytes);
        // "the client MUST always verify the content against the digest used to fetch the content"; by
        // tag, the Docker-Content-Digest header is what the registry says it holds.
        const claimed = reference.startsWith('sha256:') ? reference : reply.headers.get('docker-content-digest');
        if (claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new RegistryError('invalid', `${host} served ${what} with digest ${digest}, not ${claimed}.`);
        }
        try {
            return { digest, document: parseManifest(new TextDecoder().decode(reply.bytes), reply.headers.get('content-type') ?? undefined) };
        }
        catch (error) {
            throw new RegistryError('invalid', `${what}: ${error.message}`);
        }
    }
    return {
        via: 'http',
        resolve: () => manifest(ref.digest ?? ref.tag),
        async config(digest, resolved) {
            const document = digest === resolved.digest ? resolved.document : (await manifest(digest)).document;
            if (document.kind !== 'manifest')
                throw new RegistryError('invalid', `${ref.repository}@${digest} is an index, not an image manifest.`);
            const blob = document.config;
            const what = `the config of ${ref.repository}@${digest}`;
            const reply = await get(`/v2/${ref.path}/blobs/${blob.digest}`, blob.mediaType ?? '*/*', what, MAX_CONFIG_BYTES);
            if (digestOf(reply.bytes) !== blob.digest)
                throw new RegistryError('invalid', `${host} served a config that does not match ${blob.digest}.`);
            try {
                return parseImageConfig(new TextDecoder().decode(reply.bytes));
            }
            catch (error) {
                throw new RegistryError('invalid', `The config of ${ref.repository}@${digest}: ${error.message}`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/imagetools.ts
// `docker buildx imagetools inspect`: the registry read with the runner's docker login, argument
// arrays only (never a shell). What it prints, from docker/buildx's source:
// - `--raw` prints the bytes the reference resolves to, unchanged and without a newline "to keep
//   digest" (util/imagetools/printers.go, Printer.Print), so their sha256 is the digest;
// - `--format '{{json .Image}}'` prints the image config as indented JSON (printers.go, the `json`
//   template function); for one image (a reference pinned to a platform manifest's digest) it is
//   that image's config object, for several platforms a map by platform (tplInputs), and `null`
//   when there is no config. `--format` and `--raw` cannot be combined (commands/imagetools/inspect.go).




// Retrying cannot fix credentials. containerd's messages: "unexpected status from GET request to
// …/token?…: 401 Unauthorized", "…: 403 Forbidden"; GHCR's: "denied: …", "unauthorized: …".
const DENIED = /unauthori[sz]ed|denied|forbidden|authentication required|no basic auth credentials|\b40[13]\b/i;
// containerd's resolver: "<reference>: not found" (remotes/docker/resolver.go); registries: MANIFEST_UNKNOWN, NAME_UNKNOWN.
const MISSING = /: not found\b|manifest unknown|name unknown/i;
async function imagetools_docker(args) {
    try {
        return await getExecOutput('docker', args, { ignoreReturnCode: true, silent: true });
    }
    catch {
        // @actions/exec throws only when it cannot start the program.
        return undefined;
    }
}
/** Whether a docker CLI with the buildx plugin is on PATH. */
async function hasBuildx() {
    const result = await imagetools_docker(['buildx', 'version']);
    return result !== undefined && result.exitCode === 0;
}
async function imagetools(args, what) {
    const command = ['buildx', 'imagetools', 'inspect', ...args];
    const result = await imagetools_docker(command);
    if (result === undefined)
        throw new RegistryError('unavailable', 'Cannot run docker.');
    if (result.exitCode === 0)
        return result.stdout;
    const why = lastLines(result.stderr || result.stdout) || `exit code ${result.exitCode}`;
    const message = `docker ${command.join(' ')} failed: ${why}`;
    if (DENIED.test(why))
        throw new RegistryError('denied', message);
    if (MISSING.test(why))
        throw new RegistryError('missing', message);
    // Anything else (a network fault, a registry error): worth another try, like a pull.
    throw new RegistryError('unavailable', `${message} (reading ${what})`);
}
function imagetoolsTransport(ref, reference) {
    return {
        via: 'docker',
        async resolve() {
            const raw = await imagetools(['--raw', reference], reference);
            const digest = digestOf(Buffer.from(raw, 'utf8'));
            if (ref.digest !== undefined && ref.digest !== digest) {
                throw new RegistryError('invalid', `docker buildx imagetools printed content with digest ${digest} for ${reference}.`);
            }
            try {
                return { digest, document: parseManifest(raw) };
            }
            catch (error) {
                throw new RegistryError('invalid', `${reference}: ${error.message}`);
            }
        },
        async config(digest) {
            // Pinned to the manifest's digest: one image, whatever the tag points to by now.
            const pinned = `${ref.repository}@${digest}`;
            const printed = await imagetools(['--format', '{{json .Image}}', pinned], pinned);
            try {
                return parseImageConfig(printed);
            }
            catch (error) {
                throw new RegistryError('invalid', `The config of ${pinned}: ${error.message}`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/inspect.ts











/**
 * The config of every image of an index: one build sets the same revision label on each platform,
 * so images that disagree (or one without the label) are not one build's, whichever platform runs.
 */
async function platformConfigs(transport, resolved, reference) {
    if (resolved.document.kind !== 'index')
        return { config: await transport.config(resolved.digest, resolved) };
    const chosen = choosePlatformManifest(resolved.document);
    const images = indexImages(resolved.document);
    const configs = await Promise.all(images.map((d) => transport.config(d.digest, resolved)));
    const revisions = new Set(configs.map((c) => c.labels[labels/* REVISION_LABEL */.P1]));
    if (revisions.size > 1) {
        const each = images.map((d, i) => {
            const revision = configs[i].labels[labels/* REVISION_LABEL */.P1];
            return `${d.platform ? formatPlatform(d.platform) : d.digest}: ${revision ?? 'no label'}`;
        });
        throw new RegistryError('invalid', `The platforms of ${reference} disagree on ${labels/* REVISION_LABEL */.P1} (${each.join('; ')}): they were not built together from one commit.`);
    }
    return { chosen, config: configs[images.indexOf(chosen)] };
}
async function withRetries(reference, transport, o) {
    const attempts = o.attempts ?? 4;
    let delay = o.firstDelayMs ?? 5_000;
    let waitedMs = 0;
    for (let attempt = 1;; attempt++) {
        try {
            const resolved = await transport.resolve();
            const { chosen, config } = await platformConfigs(transport, resolved, reference);
            const platform = chosen?.platform ? formatPlatform(chosen.platform) : undefined;
            return { ...describeImage(reference, resolved, config, platform), via: transport.via };
        }
        catch (error) {
            if (!isRetryable(error) || attempt >= attempts) {
                if (error instanceof RegistryError && attempt > 1) {
                    const tries = `${attempt} tries over ${formatDuration(waitedMs)}`;
                    throw new RegistryError(error.fault, `${error.message} (${tries})`, error.credentials);
                }
                throw error;
            }
            const why = error.message.split('\n')[0];
            o.log?.(`${why}${/[.)]$/.test(why) ? '' : '.'} The registry may lag the build: trying again in ${Math.round(delay / 1000)}s.`);
            await o.sleep(delay);
            waitedMs += delay;
            delay *= 2;
        }
    }
}
/** The error to show: what failed, then what usually causes it. */
function explained(error, ref, reference) {
    if (!(error instanceof RegistryError))
        return error;
    if (error.fault === 'denied') {
        return new RegistryError('denied', `${error.message}\n${deniedHint(ref.registry, error.credentials)}`, error.credentials);
    }
    if (error.fault === 'missing')
        return new RegistryError('missing', `${error.message}\n${missingTagHint(reference)}`);
    return error;
}
/**
 * What `reference` (a tag, or a digest) points to in its registry. Throws a RegistryError whose
 * message says what usually causes the fault; its `fault` tells a refusal from a missing tag.
 */
async function inspectImage(reference, o) {
    const ref = (0,image_ref/* parseImageReference */.o_)(reference);
    if (ref.tag === undefined && ref.digest === undefined) {
        throw new Error(`"${reference}" names no tag or digest: ci-image reads one image, e.g. ${reference}:pr-42.`);
    }
    const tokenHosts = o.tokenHosts ?? ['ghcr.io'];
    /** Docker's credentials are used unless docker itself was just refused with them. */
    let refusedToDocker = false;
    const overHttp = async (withDockerCredentials = true) => {
        const credential = o.credential ?? (withDockerCredentials ? await dockerCredential(ref.registry, o.env) : undefined);
        return withRetries(reference, httpTransport(ref, { ...o, credential, tokenHosts, fetch: o.fetch ?? fetch }), o);
    };
    if (o.docker !== 'never' && (await hasBuildx())) {
        try {
            return await withRetries(reference, imagetoolsTransport(ref, reference), o);
        }
        catch (error) {
            const tokenHelps = o.token !== undefined && o.token !== '' && mayReceiveToken(registryBaseUrl(ref.registry), tokenHosts);
            if (!(error instanceof RegistryError && error.fault === 'denied' && tokenHelps))
                throw explained(error, ref, reference);
            o.log?.(`docker's login was refused (${error.message.split('\n')[0]}); reading the registry's HTTP API with the GitHub token instead.`);
            refusedToDocker = true;
        }
    }
    else if (o.docker !== 'never') {
        o.log?.('docker buildx is not available: reading the registry over its HTTP API.');
    }
    try {
        return await overHttp(!refusedToDocker);
    }
    catch (error) {
        throw explained(error, ref, reference);
    }
}

;// CONCATENATED MODULE: ./src/session/verify-image.ts
// The image a finished build pushed, read from the registry and proved to be built from the
// awaited commit: a tag like pr-42 moves with every push to the PR, so the checks of commit A
// must not run on whatever it points to when they start. The per-commit tag (pr-42-sha-<7>)
// never moves; its digest pins the image; its revision label must name the awaited commit.




/** The first line of a registry error: what failed, without its hint. */
const firstLine = (error) => error.message.split('\n')[0];
async function verifyBuiltImage(built, o) {
    const inspect = (reference, attempts) => inspectImage(reference, { token: o.token, sleep: o.sleep, log: o.log, attempts });
    let image;
    try {
        // Pushed together with the moving tag: missing means the build does not push it, not a lag.
        image = await inspect(built.commitReference, built.commitReference === built.reference ? undefined : 1);
    }
    catch (error) {
        if (!(error instanceof RegistryError && error.fault === 'missing') || built.commitReference === built.reference)
            throw error;
        o.log(`The build pushed no ${built.commitReference}: reading ${built.reference} and checking that it was built from ${built.headSha}.`);
        try {
            image = await inspect(built.reference);
        }
        catch (second) {
            if (!(second instanceof RegistryError && second.fault === 'missing'))
                throw second;
            // Both tags are missing: say so, each with how often it was asked.
            throw new RegistryError('missing', `No image of ${built.headSha} is in the registry; both tags were tried:\n` +
                `- ${built.commitReference}: ${firstLine(error)} (1 try)\n` +
                `- ${built.reference}: ${firstLine(second)}\n` +
                missingTagHint(built.commitReference));
        }
    }
    const revision = (0,labels/* checkRevision */.G7)(image.reference, built.headSha, image.revision);
    if (revision.kind === 'mismatch')
        throw new Error(revision.message);
    return {
        digest: image.digest,
        pinned: (0,image_ref/* pinnedReference */.ct)(built.reference, image.digest),
        image,
        verified: revision.kind === 'match',
        warning: revision.kind === 'unlabelled' ? revision.message : undefined,
    };
}

;// CONCATENATED MODULE: ./src/commands/wait-for-build.ts
// `wait-for-build`: waits for the build workflow's run for this commit, fails fast when it fails,
// then pulls the image it built.














const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function summarize(title, rows) {
    const table = rows.map(([key, value]) => [{ data: key, header: true }, value]);
    (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading(title, 3).addTable(table));
}
function runRows(outcome) {
    const run = outcome.run;
    if (!run)
        return [['Build run', 'none found']];
    const duration = runDurationMs(run);
    return [
        ['Build run', `<a href="${(0,html/* escapeHtml */.Z)(run.html_url)}">${(0,html/* code */.a)(`${run.name ?? 'build'} ${runLabel(run)}`)}</a>`],
        ['Result', run.status === 'completed' ? (0,html/* code */.a)(run.conclusion ?? 'unknown') : (0,html/* code */.a)(run.status ?? 'unknown')],
        ...(duration === undefined ? [] : [['Run duration', formatDuration(duration)]]),
    ];
}
async function waitForBuildCommand(session) {
    const { inputs, ctx, target } = session;
    let awaited;
    if (target.kind === 'push') {
        // After a push, the push run of that commit builds `<branch>-sha-<7>`.
        const tag = (0,tags/* shaTag */.b)(target.branch, target.sha);
        awaited = { tag, commitTag: tag, headSha: target.sha, scope: { events: ['push'] } };
    }
    else {
        const gate = await (0,build_gate/* checkBuild */.D)(session, target);
        if (gate.kind !== 'built') {
            // No build will come: say why now, not at the timeout, and hand over the stable image.
            const message = `${gate.reason} There is nothing to wait for; it uses ${gate.reference}.`;
            (0,report/* setOutputs */.n0)({ image: gate.reference, tag: gate.tag, ...(0,report/* targetOutputs */.OL)(target) });
            core/* info */.pq(message);
            return summarize('CI image build', [
                ['Image', (0,html/* code */.a)(gate.reference)],
                ['Build', `not awaited: ${(0,html/* escapeHtml */.Z)(message)}`],
            ]);
        }
        const { pr, resolved } = gate;
        // Only the PR's own build counts: the events its build triggers fire on, and its number.
        const scope = { events: resolved.watch?.events ?? ['pull_request'], prNumber: pr.number };
        const noRunHint = resolved.beyondPathFilterLimit
            ? `PR #${pr.number} changes ${resolved.changedCount} files, and GitHub evaluates path filters on the first ${resolve/* PATH_FILTER_DIFF_LIMIT */.vV} only, so it may not have started the build.`
            : undefined;
        awaited = { tag: (0,tags/* prTag */.Hj)(pr.number), commitTag: (0,tags/* prCommitTag */.m9)(pr.number, pr.headSha), headSha: pr.headSha, scope, noRunHint };
    }
    const { tag, headSha, scope } = awaited;
    const reference = (0,image_ref/* imageReference */.rA)(session.imageRepository, tag);
    (0,report/* setOutputs */.n0)({ image: reference, tag, ...(0,report/* targetOutputs */.OL)(target) });
    const deadline = createDeadline(Date.now, inputs.timeoutSeconds * 1000);
    // Its own client: rate-limit waits are allowed only while they end before the deadline.
    const client = await (0,github_client.createClient)({ token: inputs.token, baseUrl: ctx.apiUrl, mayWait: (seconds) => deadline.allows(seconds * 1000) });
    const rows = [
        ['Image', (0,html/* code */.a)(reference)],
        ['Commit', (0,html/* code */.a)(headSha)],
    ];
    const failWith = async (error) => {
        summarize('CI image build', [...rows, ['Failed', (0,html/* escapeHtml */.Z)(error instanceof Error ? error.message : String(error))]]);
        throw error;
    };
    const outcome = await core/* group */.Os(`Waiting for ${inputs.buildWorkflow} to build ${reference}`, async () => {
        const repository = `${ctx.repository.owner}/${ctx.repository.repo}`;
        core/* info */.pq(`Looking for the run of ${inputs.buildWorkflow} in ${repository} for commit ${headSha}.`);
        const { outcome, stats } = await waitForBuildRun(client, {
            repository: ctx.repository,
            workflowFile: inputs.buildWorkflow,
            headSha,
            scope,
            pollIntervalMs: inputs.pollIntervalSeconds * 1000,
            deadline,
            sleep,
            log: (line) => core/* info */.pq(line),
        });
        core/* info */.pq(`GitHub API: ${stats.requests} requests, ${stats.notModified} of them answered 304 Not Modified (free of rate limit).`);
        return outcome;
    })
        .catch(failWith);
    const run = outcome.run;
    (0,report/* setOutputs */.n0)({ 'run-id': run?.id, 'run-url': run?.html_url, conclusion: run?.conclusion ?? undefined });
    rows.push(...runRows(outcome), ['Waited', formatDuration(outcome.elapsedMs)]);
    if (outcome.kind === 'timeout' && !outcome.run && awaited.noRunHint) {
        return failWith(new Error(`${outcome.message} The likely cause: ${awaited.noRunHint}`));
    }
    if (outcome.kind !== 'success')
        return failWith(new Error(outcome.message));
    core/* info */.pq(`${reference} was built by ${outcome.run.html_url}`);
    // Pulled or not, the image is read from the registry: its digest pins it, its label proves it.
    const built = { reference, commitReference: (0,image_ref/* imageReference */.rA)(session.imageRepository, awaited.commitTag), headSha };
    let verified;
    try {
        verified = await core/* group */.Os(`Reading ${built.commitReference} from the registry`, () => verifyBuiltImage(built, { token: inputs.token, sleep, log: (line) => core/* info */.pq(line) }));
    }
    catch (error) {
        return failWith(error);
    }
    (0,report/* setOutputs */.n0)({ digest: verified.digest, 'pinned-image': verified.pinned, verified: String(verified.verified) });
    rows.push(['Digest', (0,html/* code */.a)(verified.digest)], ['Pinned', (0,html/* code */.a)(verified.pinned)], ['Verified', (0,html/* code */.a)(String(verified.verified))]);
    if (verified.warning) {
        core/* warning */.$e(verified.warning, { title: 'CI image not verified' });
        rows.push(['Warning', (0,html/* escapeHtml */.Z)(verified.warning)]);
    }
    else {
        core/* info */.pq(`${verified.pinned} was built from ${headSha} (${verified.image.platforms.join(', ') || 'one platform'}).`);
    }
    if (inputs.pull) {
        try {
            // By digest: exactly the image that was read and checked, whatever the tag points to by now.
            await core/* group */.Os(`Pulling ${verified.pinned}`, () => pullImage(verified.pinned, { sleep, log: (line) => core/* info */.pq(line) }));
        }
        catch (error) {
            return failWith(error);
        }
    }
    summarize('CI image build', rows);
}


/***/ }),

/***/ 3462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ ApiFault)
/* harmony export */ });
// A failed GitHub API call, as the decisions see it. What an HTTP answer means (gone, refused,
// worth another try, how long GitHub asked us to wait) is read in one place, github/errors.ts,
// which turns Octokit's errors into this.
class ApiFault extends Error {
    kind;
    description;
    name = 'ApiFault';
    retryAfterSeconds;
    permission;
    constructor(kind, 
    /** What went wrong, in one line: `GET /repos/acme/app/pulls/7 answered 502: Bad Gateway`. */
    description, details = {}) {
        super(description, { cause: details.cause });
        this.kind = kind;
        this.description = description;
        this.retryAfterSeconds = details.retryAfterSeconds;
        this.permission = details.permission;
    }
    /** What the job must change for a refusal, or '' when there is nothing to say. */
    permissionHint() {
        return this.kind === 'refused' && this.permission ? `: the token needs the \`${this.permission}\` permission` : '';
    }
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _vendor_http_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9374);
// The REST client: @actions/github's Octokit, which takes the runner's proxy settings and the
// GitHub (Enterprise) API URL from the environment, with the retry and throttling plugins. Rate
// limits are waited out only within the caller's budget (a wait's deadline).




const MAX_RATE_LIMIT_RETRIES = 5;
async function createClient({ token, baseUrl, mayWait = () => true, msPerSecond = 1000 }) {
    if (!token) {
        throw new Error('Input `github-token` is empty: pass a token (the default is ${{ github.token }}).');
    }
    // @actions/github builds its proxy agents when it loads, through @actions/http-client.
    await (0,_vendor_http_client_js__WEBPACK_IMPORTED_MODULE_1__/* .loadHttpClient */ .w)();
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 1758));
    const handleLimit = (kind) => (retryAfter, options, _, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && mayWait(retryAfter);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`);
        return retrying;
    };
    return getOctokit(token, {
        baseUrl,
        userAgent: 'ci-image',
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
            error: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
        },
        retry: { retryAfterBaseValue: msPerSecond },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            onRateLimit: handleLimit('rate limit'),
            onSecondaryRateLimit: handleLimit('secondary rate limit'),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pk: () => (/* binding */ isIntegrationRefusal),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   eo: () => (/* binding */ toApiFault),
/* harmony export */   gg: () => (/* binding */ describeApiError),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   pb: () => (/* binding */ apiError)
/* harmony export */ });
/* harmony import */ var _octokit_request_error__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1015);
/* harmony import */ var _core_api_fault_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3462);
// The one place that reads GitHub's HTTP failures: their status, whether asking again may help,
// how long GitHub asked us to wait, and which permission a refusal points to. Octokit reports a
// failed call as a RequestError (a network error or a timeout as status 500, or an AbortError).


/** The HTTP status GitHub answered; undefined for anything that is not an API error. */
function httpStatus(error) {
    return error instanceof _octokit_request_error__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .G ? error.status : undefined;
}
function isNotFound(error) {
    return httpStatus(error) === 404;
}
/** A token without write access: a fork's PR, or `permissions:` without the scope asked for. */
function isIntegrationRefusal(error) {
    return httpStatus(error) === 403 && error instanceof Error && /resource not accessible/i.test(error.message);
}
function header(error, name) {
    const value = error.response?.headers[name];
    return value === undefined ? undefined : String(value);
}
function isRateLimit(error) {
    return header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined || /rate limit/i.test(error.message);
}
/** A call that ended without an answer: the request timed out (our signal) or was aborted. */
function isAbort(error) {
    return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
/**
 * 5xx, network errors and timeouts, and rate limits (429, or 403 with GitHub's rate-limit
 * signature) may pass; a plain 401, 403, 404 or 422 will not change by asking again.
 */
function kindOf(error) {
    if (isAbort(error))
        return 'transient';
    if (!(error instanceof _octokit_request_error__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .G))
        return 'fatal';
    const { status } = error;
    if (status >= 500 || status === 429 || (status === 403 && isRateLimit(error)))
        return 'transient';
    if (status === 404)
        return 'not-found';
    if (status === 401 || status === 403)
        return 'refused';
    return 'fatal';
}
/** Seconds GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset` when none are left). */
function retryAfterSeconds(error, nowMs) {
    if (!(error instanceof _octokit_request_error__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .G))
        return undefined;
    const retryAfter = Number(header(error, 'retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0)
        return retryAfter;
    const reset = Number(header(error, 'x-ratelimit-reset'));
    if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
        return Math.max(0, Math.ceil(reset - nowMs / 1000));
    }
    return undefined;
}
/** `GET /repos/acme/app/pulls/7 answered 404: Not Found`: the call and GitHub's answer, one line. */
function describeApiError(error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (isAbort(error))
        return `no answer in time (${message})`;
    if (!(error instanceof _octokit_request_error__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .G))
        return message;
    const { method, url } = error.request;
    const call = `${method} ${url ? new URL(url, 'http://localhost').pathname : ''}`.trim();
    // Octokit reports a request that got no answer (a network error) as status 500 without a response.
    return error.response === undefined ? `${call} failed: ${message}` : `${call} answered ${error.status}: ${message}`;
}
/** An API failure as the decisions see it (core/api-fault.ts). */
function toApiFault(error, { permission, nowMs = Date.now() } = {}) {
    if (error instanceof _core_api_fault_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFault */ .d)
        return error;
    return new _core_api_fault_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFault */ .d(kindOf(error), describeApiError(error), {
        retryAfterSeconds: retryAfterSeconds(error, nowMs),
        permission,
        cause: error,
    });
}
/** An API failure as a step's error: what was being done, GitHub's answer, and the permission to grant. */
function apiError(what, error, permission) {
    const fault = toApiFault(error, { permission });
    return new Error(`Could not ${what}: ${fault.description}${fault.permissionHint()}.`, { cause: error });
}


/***/ }),

/***/ 4522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ checkBuild)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3386);
/* harmony import */ var _core_tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2766);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8939);
// Is there a build of this PR's own image to wait for or to announce? Written once for
// wait-for-build and comment-image: a fork's PR cannot push an image, and a PR whose changes
// start no build of the build workflow has none.




async function checkBuild(session, target) {
    const pr = target.kind === 'merge_group' ? target.pr : target;
    if (pr.fork) {
        // Known from the event alone: no need to list the changed files.
        const { tag } = (0,_core_tags_js__WEBPACK_IMPORTED_MODULE_3__/* .choosePullRequestTag */ .W)({
            ...session.inputs,
            prNumber: pr.number,
            headSha: pr.headSha,
            baseRef: pr.baseRef,
            modified: true,
            fork: true,
        });
        const reason = `PR #${pr.number} comes from a fork, whose token cannot push an image, so no image is built for it.`;
        return { kind: 'fork', reference: (0,_core_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .imageReference */ .rA)(session.imageRepository, tag), tag, reason };
    }
    const resolved = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Checking that this PR changes the CI image', () => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveForSession */ .K)(session));
    if (!resolved.modified) {
        const reason = `${resolved.reason} ${session.inputs.buildWorkflow} builds no image for it.`;
        return { kind: 'unmodified', reference: resolved.reference, tag: resolved.tag, reason, resolved };
    }
    return { kind: 'built', resolved, pr };
}


/***/ }),

/***/ 9374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   w: () => (/* binding */ loadHttpClient)
/* harmony export */ });
/* unused harmony export BearerCredentialHandler */
let real;
async function loadHttpClient() {
    real ??= await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(298)]).then(__webpack_require__.t.bind(__webpack_require__, 9298, 23));
}
function DelegatingHttpClient(...args) {
    if (!real)
        throw new Error('@actions/http-client was used before loadHttpClient() loaded it.');
    return new real.HttpClient(...args);
}
/** `new HttpClient(...)` builds the real client (a constructor that returns an object yields it). */
const HttpClient = DelegatingHttpClient;
/** @actions/http-client/lib/auth: imported by @actions/core's OIDC client only. */
class BearerCredentialHandler {
    constructor() {
        throw new Error('ci-image does not bundle an OIDC client (core.getIDToken).');
    }
}


/***/ })

};
;