export const id = 616;
export const ids = [616,243,248];
export const modules = {

/***/ 710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitForBuildCommand: () => (/* binding */ waitForBuildCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(78);
;// CONCATENATED MODULE: ./src/deadline.ts
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

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 8 modules
var exec = __webpack_require__(574);
;// CONCATENATED MODULE: ./src/docker.ts
// `docker pull` of the freshly built image: an argument array (never a shell), retried because
// a registry can lag a build that has just pushed, and the digest read from docker's output.

const DIGEST = /^Digest:\s*(sha256:[0-9a-f]{64})\s*$/m;
// Retrying cannot fix credentials: fail at once with a hint instead.
const AUTH_FAILURE = /unauthorized|denied|authentication required|no basic auth credentials/i;
function parsePullDigest(output) {
    return DIGEST.exec(output)?.[1];
}
async function docker(args, silent) {
    try {
        return await (0,exec/* getExecOutput */.H)('docker', args, { ignoreReturnCode: true, silent });
    }
    catch (error) {
        // @actions/exec throws only when it cannot start the program.
        throw new Error(`Cannot run docker to pull the image (${error.message.split('.')[0]}). ` +
            'Use a runner with Docker installed, or set `pull: false` to skip the pull.');
    }
}
/** The digest docker recorded for `reference` when `pull` printed none (older clients, other engines). */
async function inspectDigest(reference) {
    const result = await docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', reference], true);
    if (result.exitCode !== 0)
        return undefined;
    const repository = reference.slice(0, reference.lastIndexOf(':'));
    try {
        const digests = JSON.parse(result.stdout.trim());
        return digests.find((d) => d.startsWith(`${repository}@`))?.split('@')[1];
    }
    catch {
        return undefined;
    }
}
function lastLines(text, count = 5) {
    return text.trim().split('\n').slice(-count).join('\n');
}
async function pullImage(reference, o) {
    const attempts = o.attempts ?? 4;
    let delay = o.firstDelayMs ?? 5_000;
    for (let attempt = 1;; attempt++) {
        const result = await docker(['pull', reference], false);
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode === 0) {
            return { digest: parsePullDigest(result.stdout) ?? (await inspectDigest(reference)), attempts: attempt };
        }
        const why = lastLines(result.stderr || result.stdout);
        if (AUTH_FAILURE.test(output)) {
            throw new Error(`docker pull ${reference} was refused by the registry: ${why}\n` +
                'Log in to the registry before this step (docker/login-action), with a token that may read packages.');
        }
        if (attempt >= attempts) {
            throw new Error(`docker pull ${reference} failed ${attempts} times (exit code ${result.exitCode}): ${why}`);
        }
        o.log?.(`docker pull failed (exit code ${result.exitCode}); the registry may lag the build, trying again in ${Math.round(delay / 1000)}s.`);
        await o.sleep(delay);
        delay *= 2;
    }
}

;// CONCATENATED MODULE: ./src/duration.ts
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

// EXTERNAL MODULE: ./src/github.ts
var github = __webpack_require__(248);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
;// CONCATENATED MODULE: ./src/runs.ts
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
 * The run that decides the build of `headSha`: of the runs for exactly that commit (never the
 * merge commit, never another PR's), the newest attempt. A re-run after a failure is that
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

// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(506);
;// CONCATENATED MODULE: ./src/api-errors.ts
// Which REST failures are worth another try, and how long GitHub asked us to wait.
function header(error, name) {
    const value = error.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
function isRateLimit(error) {
    return header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined || /rate limit/i.test(error.message ?? '');
}
/**
 * 5xx, network errors and timeouts (Octokit reports them as status 500), and rate limits
 * (429, or 403 with GitHub's rate-limit signature). A plain 403, 401, 404 or 422 will not
 * change by asking again.
 */
function isTransientApiError(error) {
    const e = error;
    if (typeof e?.status !== 'number')
        return false;
    if (e.status >= 500 || e.status === 429)
        return true;
    return e.status === 403 && isRateLimit(e);
}
/** Seconds GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset` when none are left). */
function retryAfterSeconds(error, nowMs) {
    const e = error;
    const retryAfter = Number(header(e, 'retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0)
        return retryAfter;
    const reset = Number(header(e, 'x-ratelimit-reset'));
    if (header(e, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
        return Math.max(0, Math.ceil(reset - nowMs / 1000));
    }
    return undefined;
}
function describeApiError(error) {
    const e = error;
    const message = (e?.message ?? String(error)).split('\n')[0];
    return typeof e?.status === 'number' ? `HTTP ${e.status}: ${message}` : message;
}

;// CONCATENATED MODULE: ./src/wait.ts
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
/** A refusal names the permission the job must grant; anything else is passed on as it is. */
function fatal(error, what) {
    const status = error.status;
    if (status === 401 || status === 403) {
        return new Error(`GitHub refused to ${what} (${describeApiError(error)}): the token needs the \`actions: read\` permission.`);
    }
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
        if (!isTransientApiError(error))
            throw fatal(error, `read the workflow ${o.workflowFile}`);
        log(`${stamp()} Could not look up ${o.workflowFile} (${describeApiError(error)}); going on.`);
    }
    if (workflow?.state !== undefined && workflow.state !== 'active') {
        log(`${stamp()} Workflow ${o.workflowFile} is ${workflow.state}: it starts no new runs until it is enabled.`);
    }
    let run;
    let lastState;
    let lastError;
    let typicalMs;
    let askedTypical = false;
    const wantedFor = `${workflowDescription(o.workflowFile, workflow)} for commit ${o.headSha}`;
    for (;;) {
        let pause = o.pollIntervalMs;
        try {
            run = selectRun(await o.fetchRuns(deadline.remainingMs()), o.headSha);
            lastError = undefined;
        }
        catch (error) {
            if (error.status === 404) {
                return done({ kind: 'missing-workflow', workflow, message: missingWorkflowMessage(o) });
            }
            if (!isTransientApiError(error))
                throw fatal(error, `list the runs of ${o.workflowFile}`);
            const description = describeApiError(error);
            const askedSeconds = retryAfterSeconds(error, deadline.now());
            if (askedSeconds !== undefined && !deadline.allows(askedSeconds * 1000)) {
                return done({
                    kind: 'timeout',
                    workflow,
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
                return done({ kind: 'success', workflow, run });
            return done({
                kind: 'failure',
                workflow,
                run,
                message: `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} ended with conclusion "${run.conclusion ?? 'unknown'}": ${run.html_url}`,
            });
        }
        if (deadline.remainingMs() <= 0) {
            const limit = formatDuration(deadline.at - deadline.startedAt);
            const why = lastError === undefined ? '' : ` The last API request failed: ${lastError}.`;
            return done({
                kind: 'timeout',
                workflow,
                run,
                message: run === undefined
                    ? `No run of ${wantedFor} appeared within ${limit} (the \`timeout\` input).${why}` +
                        workflowHint(workflow)
                    : `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} is still ${run.status} after ${limit} (the \`timeout\` input): ${run.html_url}`,
            });
        }
        // The last poll lands on the deadline, so a run that ends just in time still counts.
        await o.sleep(Math.min(pause, deadline.remainingMs()));
    }
}

;// CONCATENATED MODULE: ./src/conditional.ts
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
                if (cached && error.status === 304) {
                    stats.notModified++;
                    return { data: cached.data, notModified: true };
                }
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/workflow-runs.ts
// The REST calls `wait-for-build` makes: the build workflow, its runs for one commit, and its
// recent successful runs. Polls are conditional, so an unchanged answer costs no rate limit.


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
function createBuildRunsApi(client, repository, workflowFile) {
    const conditional = createConditionalGet(client);
    const workflowRoute = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}';
    const runsRoute = `${workflowRoute}/runs`;
    const base = { ...repository, workflow_id: workflowFile };
    return {
        stats: conditional.stats,
        async findWorkflow() {
            try {
                return (await conditional.get(workflowRoute, base)).data;
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async fetchRuns(headSha, remainingMs) {
            // head_sha asks for exactly this commit's runs: a page of recent runs could lose it on a busy repository.
            const params = { ...base, head_sha: headSha, per_page: 100, exclude_pull_requests: true, request: boundedBy(remainingMs) };
            return (await conditional.get(runsRoute, params)).data.workflow_runs;
        },
        async typicalDurationMs() {
            const params = { ...base, status: 'success', per_page: 5, exclude_pull_requests: true };
            return typicalDurationMs((await conditional.get(runsRoute, params)).data.workflow_runs);
        },
    };
}

// EXTERNAL MODULE: ./src/commands/resolve-image.ts + 4 modules
var resolve_image = __webpack_require__(751);
;// CONCATENATED MODULE: ./src/commands/wait-for-build.ts
// `wait-for-build`: waits for the build workflow's run for this commit, fails fast when it fails,
// then pulls the image it built.











const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function summarize(title, rows) {
    const table = rows.map(([key, value]) => [{ data: key, header: true }, value]);
    await (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading(title, 3).addTable(table));
}
/** No build will come for this PR: say why now, not at the timeout, and hand over the stable image. */
async function skipWait(session, image, tag, message) {
    (0,report/* setOutputs */.n0)({ image, tag, ...(0,report/* targetOutputs */.OL)(session.target) });
    core/* info */.pq(message);
    await summarize('CI image build', [
        ['Image', (0,report/* code */.aY)(image)],
        ['Build', `not awaited: ${(0,report/* escapeHtml */.ZD)(message)}`],
    ]);
}
function runRows(outcome) {
    const run = outcome.run;
    if (!run)
        return [['Build run', 'none found']];
    const duration = runDurationMs(run);
    return [
        ['Build run', `<a href="${(0,report/* escapeHtml */.ZD)(run.html_url)}">${(0,report/* code */.aY)(`${run.name ?? 'build'} ${runLabel(run)}`)}</a>`],
        ['Result', run.status === 'completed' ? (0,report/* code */.aY)(run.conclusion ?? 'unknown') : (0,report/* code */.aY)(run.status ?? 'unknown')],
        ...(duration === undefined ? [] : [['Run duration', formatDuration(duration)]]),
    ];
}
async function waitForBuildCommand(session) {
    const { inputs, ctx, target } = session;
    if (target.kind === 'pull_request' && target.fork) {
        // A fork's token cannot push its image, so no build will ever come: it uses the stable image.
        const { tag } = (0,tags/* choosePullRequestTag */.W)({ ...inputs, prNumber: target.number, baseRef: target.baseRef, modified: true, fork: true });
        const image = `${session.image}:${tag}`;
        return skipWait(session, image, tag, `PR #${target.number} comes from a fork, whose image cannot be pushed, so there is no build to wait for; it uses ${image}.`);
    }
    if (target.kind === 'pull_request') {
        const resolved = await core/* group */.Os('Checking that this PR changes the CI image', () => (0,resolve_image.resolveForSession)(session));
        if (!resolved.modified) {
            // Such a PR never triggers the build.
            return skipWait(session, resolved.image, resolved.tag, `${resolved.reason} ${inputs.buildWorkflow} does not build an image for it, so there is nothing to wait for.`);
        }
    }
    const tag = target.kind === 'pull_request' ? (0,tags/* prTag */.Hj)(target.number) : (0,tags/* shaTag */.b)(target.branch, target.sha);
    const image = `${session.image}:${tag}`;
    const headSha = target.kind === 'pull_request' ? target.headSha : target.sha;
    (0,report/* setOutputs */.n0)({ image, tag, ...(0,report/* targetOutputs */.OL)(target) });
    const deadline = createDeadline(Date.now, inputs.timeoutSeconds * 1000);
    // Its own client: rate-limit waits are allowed only while they end before the deadline.
    const client = (0,github.createClient)({ token: inputs.token, baseUrl: ctx.apiUrl, mayWait: (seconds) => deadline.allows(seconds * 1000) });
    const api = createBuildRunsApi(client, ctx.repository, inputs.buildWorkflow);
    const repository = `${ctx.repository.owner}/${ctx.repository.repo}`;
    const rows = [['Image', (0,report/* code */.aY)(image)], ['Commit', (0,report/* code */.aY)(headSha)]];
    const failWith = async (error) => {
        await summarize('CI image build', [...rows, ['Failed', (0,report/* escapeHtml */.ZD)(error instanceof Error ? error.message : String(error))]]);
        throw error;
    };
    const outcome = await core/* group */.Os(`Waiting for ${inputs.buildWorkflow} to build ${image}`, async () => {
        core/* info */.pq(`Looking for the run of ${inputs.buildWorkflow} in ${repository} for commit ${headSha}.`);
        const result = await waitForRun({
            repository,
            workflowFile: inputs.buildWorkflow,
            headSha,
            pollIntervalMs: inputs.pollIntervalSeconds * 1000,
            deadline,
            sleep,
            findWorkflow: () => api.findWorkflow(),
            fetchRuns: (remainingMs) => api.fetchRuns(headSha, remainingMs),
            typicalDurationMs: () => api.typicalDurationMs(),
            log: (line) => core/* info */.pq(line),
        });
        core/* info */.pq(`GitHub API: ${api.stats.requests} requests, ${api.stats.notModified} of them answered 304 Not Modified (free of rate limit).`);
        return result;
    }).catch(failWith);
    const run = outcome.run;
    (0,report/* setOutputs */.n0)({ 'run-id': run?.id, 'run-url': run?.html_url, conclusion: run?.conclusion ?? undefined });
    rows.push(...runRows(outcome), ['Waited', formatDuration(outcome.elapsedMs)]);
    if (outcome.kind !== 'success')
        return failWith(new Error(outcome.message));
    core/* info */.pq(`${image} was built by ${outcome.run.html_url}`);
    if (inputs.pull) {
        try {
            const pulled = await core/* group */.Os(`Pulling ${image}`, () => pullImage(image, { sleep, log: (line) => core/* info */.pq(line) }));
            (0,report/* setOutputs */.n0)({ digest: pulled.digest });
            rows.push(['Digest', pulled.digest ? (0,report/* code */.aY)(pulled.digest) : 'not reported by docker']);
            if (pulled.digest)
                core/* info */.pq(`Pulled ${image}@${pulled.digest}`);
        }
        catch (error) {
            return failWith(error);
        }
    }
    await summarize('CI image build', rows);
}


/***/ }),

/***/ 243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ createGit),
/* harmony export */   o: () => (/* binding */ gitOutput)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(574);
// Runs git with an argument array (never a shell), in one working directory.


function createGit(cwd) {
    return async (args) => {
        // Container jobs check out as another user; git then refuses the repository unless told it is safe.
        const fullArgs = ['-c', `safe.directory=${cwd}`, ...args];
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`git ${args.join(' ')}`);
        return (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H)('git', fullArgs, { cwd, silent: true, ignoreReturnCode: true });
    };
}
/** Runs git and returns trimmed stdout; throws with git's own message on failure. */
async function gitOutput(git, args) {
    const result = await git(args);
    if (result.exitCode !== 0) {
        throw new Error(`git ${args[0]} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
    }
    return result.stdout.trim();
}


/***/ }),

/***/ 248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(988);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(856);
// The Octokit client: retries transient faults and waits out rate limits within a budget.




const RetryingOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
const MAX_RATE_LIMIT_RETRIES = 5;
function createClient({ token, baseUrl, mayWait = () => true, msPerSecond = 1000, fetch }) {
    if (!token) {
        throw new Error('Input `github-token` is empty: pass a token (the default is ${{ github.token }}).');
    }
    const handleLimit = (kind) => (retryAfter, options, _, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && mayWait(retryAfter);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`);
        return retrying;
    };
    return new RetryingOctokit({
        auth: token,
        baseUrl,
        userAgent: 'ci-image',
        request: { ...(fetch ? { fetch } : {}) },
        log: { debug: () => { }, info: () => { }, warn: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message), error: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message) },
        retry: { retryAfterBaseValue: msPerSecond },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            onRateLimit: handleLimit('rate limit'),
            onSecondaryRateLimit: handleLimit('secondary rate limit'),
        },
    });
}


/***/ })

};
