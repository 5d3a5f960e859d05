"use strict";
exports.id = 1;
exports.ids = [1,584];
exports.modules = {

/***/ 8001:
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

// EXTERNAL MODULE: ./src/vendor/exec.ts
var exec = __webpack_require__(6509);
// EXTERNAL MODULE: ./src/core/command-output.ts
var command_output = __webpack_require__(8566);
// EXTERNAL MODULE: ./src/core/registry-hints.ts
var registry_hints = __webpack_require__(6439);
;// CONCATENATED MODULE: ./src/runner/docker.ts
// `docker pull` of the freshly built image, by digest: an argument array (never a shell),
// retried because a registry can lag a build that has just pushed.




// Retrying cannot fix credentials: fail at once with a hint instead.
const AUTH_FAILURE = /unauthorized|denied|authentication required|no basic auth credentials/i;
async function docker(args) {
    try {
        return await (0,exec/* getExecOutput */.H)('docker', args, { ignoreReturnCode: true });
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
    return (0,registry_hints/* isGhcr */.T_)(registry) ? `${login}\n${(0,registry_hints/* ghcrDeniedHint */.vn)()}` : login;
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
        const why = (0,command_output/* lastLines */.w)(result.stderr || result.stdout);
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
// EXTERNAL MODULE: ./src/session/resolve.ts + 5 modules
var session_resolve = __webpack_require__(1413);
// EXTERNAL MODULE: ./src/core/labels.ts
var labels = __webpack_require__(6236);
// EXTERNAL MODULE: ./src/registry/inspect.ts + 5 modules
var registry_inspect = __webpack_require__(2837);
;// CONCATENATED MODULE: ./src/session/verify-image.ts
// The image a finished build pushed, read from the registry and proved to be built from the
// awaited commit: a tag like pr-42 moves with every push to the PR, so the checks of commit A
// must not run on whatever it points to when they start. The per-commit tag (pr-42-sha-<7>)
// never moves; its digest pins the image; its revision label must name the awaited commit.



async function verifyBuiltImage(built, o) {
    const inspect = (reference, attempts) => (0,registry_inspect.inspectImage)(reference, { token: o.token, sleep: o.sleep, log: o.log, attempts });
    let image;
    try {
        // Pushed together with the moving tag: missing means the build does not push it, not a lag.
        image = await inspect(built.commitReference, built.commitReference === built.reference ? undefined : 1);
    }
    catch (error) {
        if (!(error instanceof registry_inspect.RegistryError && error.fault === 'missing') || built.commitReference === built.reference)
            throw error;
        o.log(`The build pushed no ${built.commitReference}: reading ${built.reference} and checking that it was built from ${built.headSha}.`);
        image = await inspect(built.reference);
    }
    const revision = (0,labels/* checkRevision */.G7)(image.reference, built.headSha, image.revision, {
        expected: built.inputsHash,
        labelled: image.labels[labels/* INPUTS_LABEL */.Pv],
    });
    if (revision.kind === 'mismatch')
        throw new Error(revision.message);
    return {
        digest: image.digest,
        pinned: (0,image_ref/* pinnedReference */.ct)(built.reference, image.digest),
        image,
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
/** An image built from the same inputs stands in for the build: nothing to wait for. */
async function useReusedImage(session, resolved, reusable) {
    const { pinned, digest, revision } = reusable;
    (0,report/* setOutputs */.n0)({
        image: resolved.reference,
        tag: resolved.tag,
        digest,
        'pinned-image': pinned,
        'reusable-image': pinned,
        reused: true,
        ...(0,report/* targetOutputs */.OL)(session.target),
    });
    const from = revision ? ` for ${revision}` : '';
    core/* info */.pq(`Reusing ${pinned}, built${from} from the same inputs: no build run is awaited.`);
    if (session.inputs.pull)
        await core/* group */.Os(`Pulling ${pinned}`, () => pullImage(pinned, { sleep, log: (line) => core/* info */.pq(line) }));
    summarize('CI image build', [
        ['Image', (0,html/* code */.a)(pinned)],
        ['Build', `not awaited: the image built${revision ? ` for ${(0,html/* code */.a)(revision)}` : ''} from the same inputs is reused`],
    ]);
}
async function waitForBuildCommand(session) {
    const { inputs, ctx, target } = session;
    let awaited;
    let inputsHash;
    if (target.kind === 'push' && inputs.reuse === 'repository') {
        // A long-lived branch may ship the image its PR built: then no run is awaited.
        const resolved = await core/* group */.Os('Looking for an image built from the same inputs', () => (0,session_resolve/* resolveForSession */.K)(session));
        if (resolved.reuse?.reusable)
            return useReusedImage(session, resolved, resolved.reuse.reusable);
        inputsHash = resolved.reuse?.hash;
    }
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
        if (resolved.reuse?.reusable)
            return useReusedImage(session, resolved, resolved.reuse.reusable);
        inputsHash = resolved.reuse?.hash;
        // Only the PR's own build counts: the events its build triggers fire on, and its number.
        const scope = { events: resolved.watch?.events ?? ['pull_request'], prNumber: pr.number };
        const noRunHint = resolved.beyondPathFilterLimit
            ? `PR #${pr.number} changes ${resolved.changedCount} files, and GitHub evaluates path filters on the first ${resolve/* PATH_FILTER_DIFF_LIMIT */.vV} only, so it may not have started the build.`
            : undefined;
        awaited = { tag: (0,tags/* prTag */.Hj)(pr.number), commitTag: (0,tags/* prCommitTag */.m9)(pr.number, pr.headSha), headSha: pr.headSha, scope, noRunHint };
    }
    const { tag, headSha, scope } = awaited;
    const reference = (0,image_ref/* imageReference */.rA)(session.imageRepository, tag);
    (0,report/* setOutputs */.n0)({ image: reference, tag, reused: false, 'reusable-image': '', ...(0,report/* targetOutputs */.OL)(target) });
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
    const built = { reference, commitReference: (0,image_ref/* imageReference */.rA)(session.imageRepository, awaited.commitTag), headSha, inputsHash };
    let verified;
    try {
        verified = await core/* group */.Os(`Reading ${built.commitReference} from the registry`, () => verifyBuiltImage(built, { token: inputs.token, sleep, log: (line) => core/* info */.pq(line) }));
    }
    catch (error) {
        return failWith(error);
    }
    (0,report/* setOutputs */.n0)({ digest: verified.digest, 'pinned-image': verified.pinned });
    rows.push(['Digest', (0,html/* code */.a)(verified.digest)], ['Pinned', (0,html/* code */.a)(verified.pinned)]);
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
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1413);
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