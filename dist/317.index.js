export const id = 317;
export const ids = [317,140];
export const modules = {

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

/***/ 1402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ escapeHtml),
/* harmony export */   a: () => (/* binding */ code)
/* harmony export */ });
// Text made safe for the HTML and Markdown of a job summary or a comment.
function escapeHtml(text) {
    return text.replace(/[&<>"'|`\\[\]*_]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
/** Text as an inline code element, safe inside a Markdown table cell. */
function code(text) {
    return `<code>${escapeHtml(text)}</code>`;
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

/***/ 846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ createGit),
/* harmony export */   o: () => (/* binding */ gitOutput)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2876);
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

/***/ 6190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ targetOutputs),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
// What a command leaves for the workflow and the person reading the run: outputs and the job summary.

function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value !== undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, String(value));
    }
}
/** `pr-number`, `head-sha`, `base-ref`: the context every command reports when it knows it. */
function targetOutputs(target) {
    return target.kind === 'pull_request'
        ? { 'pr-number': target.number, 'head-sha': target.headSha, 'base-ref': target.baseRef }
        : { 'head-sha': target.sha };
}
/** Writes the job summary when the runner gave a file for it (a local run has none). */
async function writeSummary(summary) {
    if (process.env.GITHUB_STEP_SUMMARY)
        await summary.write();
    else
        summary.emptyBuffer();
}


/***/ }),

/***/ 4522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ checkBuild)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3386);
/* harmony import */ var _core_tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2766);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8140);
// Is there a build of this PR's own image to wait for or to announce? Written once for
// wait-for-build and comment-image: a fork's PR cannot push an image, and a PR that changes no
// watched path never starts the build workflow.




async function checkBuild(session, pr) {
    if (pr.fork) {
        // Known from the event alone: no need to list the changed files.
        const { tag } = (0,_core_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .choosePullRequestTag */ .W)({ ...session.inputs, prNumber: pr.number, baseRef: pr.baseRef, modified: true, fork: true });
        const reason = `PR #${pr.number} comes from a fork, whose token cannot push an image, so no image is built for it.`;
        return { kind: 'fork', reference: (0,_core_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .imageReference */ .r)(session.imageRepository, tag), tag, reason };
    }
    const resolved = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Checking that this PR changes the CI image', () => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveForSession */ .K)(session));
    if (!resolved.modified) {
        const reason = `${resolved.reason} ${session.inputs.buildWorkflow} builds no image for it.`;
        return { kind: 'unmodified', reference: resolved.reference, tag: resolved.tag, reason };
    }
    return { kind: 'built', resolved };
}


/***/ }),

/***/ 8140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ resolveForSession),
  resolveImage: () => (/* binding */ resolveImage)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(1078);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
;// CONCATENATED MODULE: ./src/core/resolve.ts
// The resolve decision: from what a PR changed, what is watched and where the PR comes from,
// the image its checks use and the tags a build pushes for it. Pure: session/resolve.ts gathers
// the changed files and the watch rule.


/**
 * GitHub lists at most this many files of a pull request, whatever the pagination ("Responses
 * include a maximum of 3000 files": REST docs, "List pull requests files").
 */
const API_FILE_LIST_CAP = 3000;
function withReferences(config, choice) {
    const reference = (tag) => (0,image_ref/* imageReference */.r)(config.imageRepository, tag);
    return { ...choice, reference: reference(choice.tag), pushReferences: choice.push.map(reference) };
}
function resolvePush(config, target) {
    const choice = (0,tags/* choosePushTags */.LJ)(target.branch, target.sha, config.branchTags);
    return { ...withReferences(config, choice), modified: false, fork: false, matched: [] };
}
function resolvePullRequest(config, target, watch, changed) {
    const matched = [...new Set(changed.paths.filter(watch.matches))];
    if (!changed.complete && matched.length === 0) {
        throw new Error(`PR #${target.number} changes ${target.changedFiles ?? 'at least ' + API_FILE_LIST_CAP} files, more than the ` +
            `${API_FILE_LIST_CAP} the GitHub API lists, and none of those listed is watched, so the answer is unknown. ` +
            'Check out the repository (actions/checkout) so that git can list every file.');
    }
    const modified = matched.length > 0;
    const choice = (0,tags/* choosePullRequestTag */.W)({
        prNumber: target.number,
        baseRef: target.baseRef,
        modified,
        fork: target.fork,
        branchTags: config.branchTags,
        defaultTag: config.defaultTag,
    });
    return {
        ...withReferences(config, choice),
        modified,
        fork: target.fork,
        matched,
        changedCount: changed.source === 'git' ? changed.paths.length : (target.changedFiles ?? changed.paths.length),
        changedSource: changed.source,
        watch,
    };
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/core/patterns.ts
// GitHub's filter-pattern syntax (the `paths` of a workflow trigger), matched by picomatch.
// GitHub differs from shell globs in three places, translated here rather than re-implemented:
// `?` and `+` quantify the preceding character, `**` crosses `/` even inside a path segment,
// and there are no braces or extglobs (so those characters are literal).

const PICOMATCH_OPTIONS = { dot: true };
const LITERAL_SPECIALS = new Set(['(', ')', '{', '}', '|', '@', '!', ',', '$', '^']);
/** Rewrites one GitHub pattern (without its leading `!`) as a picomatch pattern. */
function toPicomatch(pattern) {
    const atoms = [];
    // Index in `atoms` of the last single-character atom a following `?`/`+` may quantify.
    let quantifiable = -1;
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\' && i + 1 < pattern.length) {
            atoms.push(`\\${pattern[++i]}`);
            quantifiable = atoms.length - 1;
        }
        else if (ch === '[') {
            const close = pattern.indexOf(']', i + 2);
            if (close === -1) {
                atoms.push('\\[');
            }
            else {
                atoms.push(pattern.slice(i, close + 1));
                i = close;
            }
            quantifiable = atoms.length - 1;
        }
        else if (ch === '*') {
            const double = pattern[i + 1] === '*';
            if (double)
                i++;
            const wholeSegment = double && (i - 1 === 0 || pattern[i - 2] === '/') && (i + 1 === pattern.length || pattern[i + 1] === '/');
            atoms.push(!double ? '*' : wholeSegment ? '**' : '*{,/**/}*');
            quantifiable = -1;
        }
        else if ((ch === '?' || ch === '+') && quantifiable >= 0) {
            atoms[quantifiable] = `${ch}(${atoms[quantifiable]})`;
            quantifiable = -1;
        }
        else if (ch === '?' || ch === '+' || LITERAL_SPECIALS.has(ch)) {
            atoms.push(`\\${ch}`);
            quantifiable = atoms.length - 1;
        }
        else {
            atoms.push(ch);
            quantifiable = ch === '/' ? -1 : atoms.length - 1;
        }
    }
    return atoms.join('');
}
// A pattern without these is a plain path, matched by equality (no regex to build).
const SPECIAL = /[*?+[\]\\]/;
function compile(patterns) {
    return patterns.map((raw) => {
        const negated = raw.startsWith('!');
        const body = negated ? raw.slice(1) : raw;
        const test = SPECIAL.test(body) ? picomatch_default()(toPicomatch(body), PICOMATCH_OPTIONS) : (path) => path === body;
        return { negated, test };
    });
}
/** True when the last pattern matching `path` is a positive one (GitHub's rule for `!`). */
function lastMatchIsPositive(compiled, path) {
    for (let i = compiled.length - 1; i >= 0; i--) {
        if (compiled[i].test(path))
            return !compiled[i].negated;
    }
    return false;
}
/** `paths`: a file counts when it matches and no later `!pattern` excludes it. */
function pathsMatcher(patterns) {
    const compiled = compile(patterns);
    return (path) => lastMatchIsPositive(compiled, path);
}
/** `paths-ignore`: a file counts unless the patterns ignore it. */
function pathsIgnoreMatcher(patterns) {
    const compiled = compile(patterns);
    return (path) => !lastMatchIsPositive(compiled, path);
}

;// CONCATENATED MODULE: ./src/core/watch.ts
// Which paths make a PR need its own image. Pure: the workflow file's text is passed in.


function rule(source, kind, patterns) {
    const matches = kind === 'paths' ? pathsMatcher(patterns) : pathsIgnoreMatcher(patterns);
    return { source, kind, patterns, matches };
}
function defaultWatchPatterns(buildWorkflow) {
    return ['Dockerfile.ci', `.github/workflows/${buildWorkflow}`];
}
/** The `on.pull_request` trigger of a workflow: its path filters, `all` without filters, or absent. */
function readPullRequestFilter(workflowText, fileName) {
    let doc;
    try {
        doc = (0,js_yaml/* load */.Hh)(workflowText);
    }
    catch (error) {
        throw new Error(`Cannot derive \`watch\`: ${fileName} is not valid YAML (${error.message.split('\n')[0]}).`, {
            cause: error,
        });
    }
    const on = doc?.on;
    if (on === 'pull_request' || (Array.isArray(on) && on.includes('pull_request')))
        return 'all';
    if (typeof on !== 'object' || on === null || !('pull_request' in on))
        return undefined;
    const trigger = on.pull_request;
    if (trigger === null || typeof trigger !== 'object')
        return 'all';
    const list = (key) => {
        const value = trigger[key];
        if (value === undefined)
            return undefined;
        if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
            throw new Error(`Cannot derive \`watch\`: on.pull_request.${key} in ${fileName} is not a list of strings.`);
        }
        return value;
    };
    const paths = list('paths');
    const pathsIgnore = list('paths-ignore');
    if (paths === undefined && pathsIgnore === undefined)
        return 'all';
    return { paths, pathsIgnore };
}
function resolveWatch({ input, buildWorkflow, workflowText }) {
    if (input.length > 0)
        return rule('the `watch` input', 'paths', input);
    const file = `.github/workflows/${buildWorkflow}`;
    const filter = workflowText === undefined ? undefined : readPullRequestFilter(workflowText, file);
    if (filter === 'all')
        return rule(`${file} (on.pull_request without path filters)`, 'paths', ['**']);
    // GitHub rejects a trigger that has both; `paths` is the one that says what triggers a build.
    if (filter?.paths)
        return rule(`on.pull_request.paths of ${file}`, 'paths', filter.paths);
    if (filter?.pathsIgnore)
        return rule(`on.pull_request.paths-ignore of ${file}`, 'paths-ignore', filter.pathsIgnore);
    return rule('the defaults', 'paths', defaultWatchPatterns(buildWorkflow));
}

// EXTERNAL MODULE: ./src/runner/git.ts
var runner_git = __webpack_require__(846);
;// CONCATENATED MODULE: ./src/runner/changed-files.ts
// The files a pull request changes, from the checkout: git fetches what the checkout lacks.


// A shallow clone is first fetched this deep from both tips: a fork point within it (most
// PRs) costs one round trip; deeper ones deepen step by step.
const FIRST_DEPTH = 50;
const DEEPEN_STEPS = [200, 1000, 5000];
async function hasCommit(git, rev) {
    return (await git(['cat-file', '-e', `${rev}^{commit}`])).exitCode === 0;
}
async function isShallow(git) {
    return (await (0,runner_git/* gitOutput */.o)(git, ['rev-parse', '--is-shallow-repository'])) === 'true';
}
/** Fetches commits from origin; in a shallow clone only FIRST_DEPTH deep, so a default checkout stays cheap. */
async function fetchCommits(git, shallow, refspecs) {
    const depth = shallow ? [`--depth=${FIRST_DEPTH}`] : [];
    const result = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...depth, 'origin', ...refspecs]);
    if (result.exitCode !== 0)
        core/* debug */.Yz(`git fetch ${refspecs.join(' ')}: ${result.stderr.trim()}`);
    return result.exitCode === 0;
}
/** The base commit as a SHA: the event's base SHA when the checkout has it, else the tip of the base branch on origin. */
async function resolveBase(git, range, shallow) {
    if (range.baseSha && (await hasCommit(git, range.baseSha)))
        return range.baseSha;
    // Branch names cannot contain ':' or spaces (git check-ref-format), so this refspec is well-formed.
    const tracking = `refs/remotes/origin/${range.baseRef}`;
    await fetchCommits(git, shallow, [`+refs/heads/${range.baseRef}:${tracking}`]);
    const result = await git(['rev-parse', '--verify', '--quiet', `${tracking}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
async function mergeBase(git, base, head) {
    const result = await git(['merge-base', base, head]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
/** Deepens a shallow clone until base and head meet; undefined when they never do. */
async function findMergeBase(git, base, head) {
    let found = await mergeBase(git, base, head);
    for (const step of DEEPEN_STEPS) {
        if (found !== undefined || !(await isShallow(git)))
            return found;
        core/* info */.pq(`Deepening the shallow clone by ${step} commits to find where the PR branched off.`);
        await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', `--deepen=${step}`, 'origin', head, base]);
        found = await mergeBase(git, base, head);
    }
    if (found === undefined && (await isShallow(git))) {
        await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', '--unshallow', 'origin']);
        found = await mergeBase(git, base, head);
    }
    return found;
}
async function threeDotDiff(git, base, head) {
    // Raw stdout: a path may begin with a space, which trimming would eat.
    const diff = await git(['diff', '--name-only', '--no-renames', '-z', `${base}...${head}`, '--']);
    return diff.exitCode === 0 ? diff.stdout.split('\0').filter((path) => path !== '') : undefined;
}
/**
 * The three-dot diff `base...head` that GitHub shows as the PR's files, with renames split
 * into their old and new paths. Undefined when the checkout cannot answer (no repository, no
 * remote access, unrelated histories): the caller then asks the API.
 */
async function changedFilesFromGit(git, range) {
    try {
        // One git call when the checkout already has both commits and their fork point.
        const direct = range.baseSha ? await threeDotDiff(git, range.baseSha, range.headSha) : undefined;
        if (direct !== undefined)
            return direct;
        if ((await git(['rev-parse', '--is-inside-work-tree'])).stdout.trim() !== 'true')
            return undefined;
        const shallow = await isShallow(git);
        // The head and base commits the checkout lacks come in one fetch: one round trip.
        const missing = [];
        for (const sha of [range.headSha, range.baseSha])
            if (sha && !(await hasCommit(git, sha)))
                missing.push(sha);
        if (missing.length > 0 && !(await fetchCommits(git, shallow, missing)) && missing.length > 1) {
            // A base SHA the remote no longer has (a force-pushed base) must not cost us the head.
            await fetchCommits(git, shallow, [range.headSha]);
        }
        if (!(await hasCommit(git, range.headSha))) {
            core/* info */.pq(`The checkout does not have the PR head ${range.headSha} and could not fetch it.`);
            return undefined;
        }
        const base = await resolveBase(git, range, shallow);
        if (base === undefined) {
            core/* info */.pq(`The checkout does not have the base branch ${range.baseRef} and could not fetch it.`);
            return undefined;
        }
        if ((await findMergeBase(git, base, range.headSha)) === undefined) {
            core/* info */.pq(`The PR head and ${range.baseRef} share no history in the checkout.`);
            return undefined;
        }
        const files = await threeDotDiff(git, base, range.headSha);
        if (files === undefined)
            throw new Error(`git diff ${base}...${range.headSha} failed`);
        return files;
    }
    catch (error) {
        core/* info */.pq(`git could not list the changed files: ${error.message}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/session/resolve.ts
// resolve-image's I/O: the changed files (git first, else the REST API) and the build workflow's
// text, gathered through seams and handed to the pure decision (core/resolve.ts). The commands
// share it through resolveForSession; the local CLI fills the seams with git alone.







async function listChangedPaths(pr, io) {
    const fromGit = await changedFilesFromGit(io.git, pr);
    if (fromGit !== undefined)
        return { paths: fromGit, source: 'git', complete: true };
    if (!io.listPullRequestFiles) {
        throw new Error(`git could not list the files of PR #${pr.number} and no token was given to ask the API: ` +
            'check out the repository (actions/checkout) or pass `github-token`.');
    }
    const { paths, listed } = await io.listPullRequestFiles(pr.number);
    const complete = pr.changedFiles === undefined ? listed < API_FILE_LIST_CAP : listed >= pr.changedFiles;
    return { paths, source: 'api', complete };
}
async function resolveImage(config, target, io) {
    if (target.kind === 'push')
        return resolvePush(config, target);
    const workflowText = config.watch.length > 0 ? undefined : await io.readBuildWorkflow(target.headSha);
    const watch = resolveWatch({ input: config.watch, buildWorkflow: config.buildWorkflow, workflowText });
    return resolvePullRequest(config, target, watch, await listChangedPaths(target, io));
}
/** resolve-image with this run's checkout, token and event: the core the commands share. */
async function resolveForSession(session) {
    const { inputs, ctx, target } = session;
    const workflowFile = `.github/workflows/${inputs.buildWorkflow}`;
    const workflowPath = (0,external_node_path_.join)(ctx.workspace, workflowFile);
    // The checkout's copy (its absence from a checkout is the answer); a job without a checkout
    // asks the API for the PR head's.
    const readBuildWorkflow = async (ref) => {
        if ((0,external_node_fs_.existsSync)(workflowPath))
            return (0,external_node_fs_.readFileSync)(workflowPath, 'utf8');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.workspace, '.git')) || !inputs.token)
            return undefined;
        core/* info */.pq(`No checkout: reading ${workflowFile} at ${ref.slice(0, 7)} from the API.`);
        const { readRepositoryFile } = await __webpack_require__.e(/* import() */ 113).then(__webpack_require__.bind(__webpack_require__, 3113));
        return readRepositoryFile(await session.client(), ctx.repository, workflowFile, ref);
    };
    const listPullRequestFiles = async (prNumber) => {
        const { listPullRequestFiles } = await __webpack_require__.e(/* import() */ 487).then(__webpack_require__.bind(__webpack_require__, 4487));
        return listPullRequestFiles(await session.client(), ctx.repository, prNumber);
    };
    return resolveImage({ ...inputs, imageRepository: session.imageRepository }, target, {
        git: (0,runner_git/* createGit */.l)(ctx.workspace),
        readBuildWorkflow,
        listPullRequestFiles: inputs.token ? listPullRequestFiles : undefined,
    });
}


/***/ })

};
