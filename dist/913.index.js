"use strict";
exports.id = 913;
exports.ids = [913];
exports.modules = {

/***/ 7913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentImageCommand: () => (/* binding */ commentImageCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(1078);
;// CONCATENATED MODULE: ./src/core/comment-marker.ts
// The hidden marker that names our comment on a PR: one per image repository, so two images
// announced on one PR keep one comment each. Pure: no I/O.
/**
 * `<!-- ci-image:<image repository> -->`. The repository is validated by the inputs already; it
 * is encoded anyway so that no value can close the HTML comment early (`-->`, `--!>`) or
 * collide with another repository's marker (the encoding is one-to-one).
 */
function commentMarker(imageRepository) {
    return `<!-- ci-image:${imageRepository.replace(/[^A-Za-z0-9._/:@-]/gu, percentEncode)} -->`;
}
function percentEncode(ch) {
    return [...new TextEncoder().encode(ch)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
/**
 * Ours when the body starts with the marker: the marker is the first thing we write, so a
 * comment that merely quotes or mentions it (a reply, a copy in a code block) does not count.
 */
function hasMarker(body, marker) {
    return (body ?? '').trimStart().startsWith(marker);
}
/** Our comments among a PR's comments, oldest (lowest id) first: the oldest is the one kept. */
function markedComments(comments, marker) {
    return comments.filter((comment) => hasMarker(comment.body, marker)).sort((a, b) => a.id - b.id);
}

// EXTERNAL MODULE: ./src/core/commit-sha.ts
var commit_sha = __webpack_require__(8801);
// EXTERNAL MODULE: ./src/core/html.ts
var html = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
;// CONCATENATED MODULE: ./src/core/comment-body.ts
// The PR's image comment: what a person needs to find, trust and run the PR's image, or why
// there is none for this commit. Pure: no I/O. (GitHub refuses a longer body with 422 "Body is
// too long (maximum is 65536 characters)": REST docs, "Create an issue comment".)





/** GitHub rejects a comment body longer than this (422 "Body is too long"). */
const MAX_COMMENT_LENGTH = 65_536;
/** Untrusted values (a branch name) are cut here: a person reads the start, the rest is noise. */
const MAX_VALUE_LENGTH = 200;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
// What the inputs accept as a repository (lower case, registry host, path): nothing that can
// end a code block or a line. Checked again here because these values go into a shell example.
const SAFE_REPOSITORY = /^[a-z0-9][a-z0-9._/:-]*$/;
/**
 * Untrusted text as an inline code element that shows the text and nothing else: control and
 * format characters (newlines, bidi overrides) are replaced, HTML and Markdown are escaped, so
 * no value can open a comment, a tag, a link or a new block. Mentions and `#123` are inert
 * inside <code> on GitHub.
 */
function untrustedCode(text, maxLength = MAX_VALUE_LENGTH) {
    const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '\uFFFD'));
    const shown = chars.length > maxLength ? chars.slice(0, maxLength - 1).join('') + '…' : chars.join('');
    return `<code>${(0,html/* escapeHtml */.Z)(shown)}</code>`;
}
function checkReference(imageRepository, tag) {
    if (!SAFE_REPOSITORY.test(imageRepository) || !(0,tags/* isValidTag */.r_)(tag)) {
        throw new Error(`Refusing to render an image comment for "${imageRepository}:${tag}": not an image reference.`);
    }
    return (0,image_ref/* imageReference */.rA)(imageRepository, tag);
}
/** A commit as a link when it is a full SHA (a label's value may be anything), else as inert code. */
function commitLink(comment, sha) {
    const short = untrustedCode(sha.slice(0, 7));
    return commit_sha/* FULL_COMMIT_SHA */.P.test(sha) ? `[${short}](${comment.repositoryUrl}/commit/${sha.toLowerCase()})` : short;
}
function commitLine(comment) {
    const commit = commitLink(comment, comment.commitSha);
    return comment.branch === undefined ? commit : `${commit} on ${untrustedCode(comment.branch)}`;
}
const run = (comment) => (comment.runUrl ? `[workflow run](${comment.runUrl})` : 'its workflow run');
function usage(reference) {
    return ['```sh', `docker pull ${reference}`, `docker run --rm -v "$PWD":/workspace -w /workspace ${reference} make gen`, '```'];
}
function built(comment) {
    const reference = checkReference(comment.imageRepository, comment.tag);
    const commitReference = comment.commitTag ? checkReference(comment.imageRepository, comment.commitTag) : undefined;
    const digest = comment.digest !== undefined && DIGEST.test(comment.digest) ? comment.digest : undefined;
    // The exact image of this commit: by digest when known, else by the tag only it has.
    const exact = digest ? (0,image_ref/* pinnedReference */.ct)(reference, digest) : (commitReference ?? reference);
    const facts = [`- **Image:** ${untrustedCode(reference)}${commitReference ? ` (this commit: ${untrustedCode(commitReference)})` : ''}`];
    if (digest)
        facts.push(`- **Digest:** ${untrustedCode(digest, 80)}`);
    facts.push(`- **Commit:** ${commitLine(comment)}`);
    if (comment.reused) {
        const from = comment.reused.from ? commitLink(comment, comment.reused.from) : 'an earlier commit';
        facts.push(`- **Build:** reused the image built for ${from} (inputs unchanged)`);
    }
    else if (comment.runUrl)
        facts.push(`- **Build:** [workflow run](${comment.runUrl})`);
    return [
        '### 🐳 Docker CI Image Built',
        '',
        ...facts,
        '',
        "This pull request's checks run in this image. To use exactly this commit's image locally:",
        '',
        ...usage(exact),
    ];
}
function failed(comment) {
    return [
        '### ❌ Docker CI image build failed',
        '',
        `The image for commit ${commitLine(comment)} did not build: see ${run(comment)}. ` +
            'The checks of this commit have no image of their own; fix the build and push again.',
    ];
}
function cancelled(comment) {
    return [
        '### ⏹️ Docker CI image build cancelled',
        '',
        `The build of commit ${commitLine(comment)} was cancelled (${run(comment)}), most likely superseded by a newer push to this pull request.`,
    ];
}
/** No commit, no run: the same words on every push, so that an unchanged body needs no update. */
function stable(comment) {
    const reference = checkReference(comment.imageRepository, comment.tag);
    return [
        '### 🐳 Docker CI image: the stable one',
        '',
        `This pull request no longer changes the CI image, so its checks use the stable image ${untrustedCode(reference)}. To use it locally:`,
        '',
        ...usage(reference),
    ];
}
const STATES = { built, failed, cancelled, stable };
function renderComment(comment) {
    const body = [
        commentMarker(comment.imageRepository),
        ...STATES[comment.state](comment),
        '',
        '<sub>Posted by ci-image and updated in place on each build of this pull request.</sub>',
        '',
    ].join('\n');
    // Every value above is bounded, so this only guards against a future field that is not.
    if (body.length > MAX_COMMENT_LENGTH)
        throw new Error(`The image comment is ${body.length} characters, over GitHub's ${MAX_COMMENT_LENGTH}.`);
    return body;
}

// EXTERNAL MODULE: ./src/core/event.ts
var core_event = __webpack_require__(7667);
;// CONCATENATED MODULE: ./src/core/upsert-comment.ts
// Keeps exactly one comment with our marker on a PR: update it when it exists, else create it,
// and settle a race between two runs that both created one. Only comments written by the
// token's own identity count as ours: anyone can post a comment that carries the marker, and
// its author could later edit it into a malicious `docker pull` line. The comments come through
// a port (github/comments.ts over REST).

async function removeAll(api, comments) {
    for (const comment of comments)
        await api.remove(comment.id);
    return comments.map((comment) => comment.id);
}
async function upsertComment(api, { marker, body, author, create = true }) {
    const ours = async () => markedComments((await api.list()).filter((comment) => comment.author === author), marker);
    const [oldest, ...newer] = await ours();
    if (oldest) {
        const deleted = await removeAll(api, newer);
        // An update that changes nothing would still notify everyone watching the PR.
        if (oldest.body === body)
            return { comment: oldest, action: 'unchanged', deleted };
        return { comment: await api.update(oldest.id, body), action: 'updated', deleted };
    }
    if (!create)
        return { action: 'none', deleted: [] };
    const created = await api.create(body);
    // Another run may have listed, found nothing and created too. Both runs agree on the oldest
    // comment as the one to keep, whatever order they get here in, so one comment survives.
    const [keep, ...duplicates] = await ours();
    if (!keep || keep.id === created.id) {
        return { comment: created, action: 'created', deleted: await removeAll(api, duplicates) };
    }
    // Ours goes even when the list lagged behind our create and did not show it yet.
    const deleted = await removeAll(api, [created, ...duplicates.filter((duplicate) => duplicate.id !== created.id)]);
    const comment = await api.update(keep.id, body);
    return { comment, action: 'updated', deleted };
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/comments.ts

function issueCommentsApi(client, repo, issueNumber) {
    const keep = ({ id, body, html_url, user, }) => ({
        id,
        body,
        html_url,
        author: user?.login,
    });
    return {
        async list() {
            const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
            return comments.map(keep);
        },
        async create(body) {
            return keep((await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body })).data);
        },
        async update(id, body) {
            return keep((await client.rest.issues.updateComment({ ...repo, comment_id: id, body })).data);
        },
        async remove(id) {
            try {
                await client.rest.issues.deleteComment({ ...repo, comment_id: id });
            }
            catch (error) {
                // Already gone: a concurrent run deleted it.
                if (!(0,errors/* isNotFound */.c4)(error))
                    throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/github/identity.ts

async function tokenLogin(client) {
    try {
        const { viewer } = await client.graphql('query { viewer { login } }');
        return viewer.login;
    }
    catch (error) {
        throw (0,errors/* apiError */.pb)('learn who the token is (GraphQL viewer)', error);
    }
}

// EXTERNAL MODULE: ./src/runner/report.ts
var report = __webpack_require__(6190);
// EXTERNAL MODULE: ./src/session/build-gate.ts
var build_gate = __webpack_require__(4522);
;// CONCATENATED MODULE: ./src/commands/comment-image.ts
// `comment-image`: one comment on the PR that follows its image. In the build workflow it says
// what the build of this commit gave (the image, a failure, a cancellation); anywhere else (the
// checks, which run on every PR) it only corrects a comment that no longer holds: a PR that no
// longer changes the image has its comment say so, and gets none if it never had one.













function runUrl(ctx) {
    return ctx.runId && /^\d+$/.test(ctx.runId) ? `${(0,core_event/* repositoryUrl */.Ek)(ctx)}/actions/runs/${ctx.runId}` : undefined;
}
/** A run with nothing to write: says why in the log and the summary, and stays green. */
function reportNothingDone({ text, html, outputs, log = core/* info */.pq }) {
    (0,report/* setOutputs */.n0)(outputs);
    log(`Nothing commented: ${text}`);
    (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(`Nothing commented: ${html}`, true));
}
const warn = (message) => core/* warning */.$e(message, { title: 'CI image not announced' });
const STATE_OF = { success: 'built', failure: 'failed', cancelled: 'cancelled' };
const WROTE = {
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Left unchanged (already up to date)',
};
async function writeComment(session, pr, comment, create, outputs) {
    const { ctx } = session;
    const client = await session.client();
    const author = await tokenLogin(client);
    let result;
    try {
        const request = { marker: commentMarker(session.imageRepository), body: renderComment(comment), author, create };
        result = await upsertComment(issueCommentsApi(client, ctx.repository, pr.number), request);
    }
    catch (error) {
        if ((0,errors/* isIntegrationRefusal */.Pk)(error)) {
            const text = `the token cannot write comments on PR #${pr.number} (${(0,errors/* describeApiError */.gg)(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`;
            return reportNothingDone({ text, html: (0,html/* escapeHtml */.Z)(text), outputs, log: warn });
        }
        throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${(0,errors/* describeApiError */.gg)(error)}`, { cause: error });
    }
    if (result.action === 'none') {
        const text = `PR #${pr.number} has no image comment to correct.`;
        return reportNothingDone({ text, html: (0,html/* escapeHtml */.Z)(text), outputs });
    }
    const { comment: written, deleted } = result;
    (0,report/* setOutputs */.n0)({ 'comment-id': written.id, 'comment-url': written.html_url, ...outputs });
    core/* info */.pq(`${WROTE[result.action]}: the comment on PR #${pr.number} (${comment.state}): ${written.html_url}`);
    if (deleted.length > 0)
        core/* info */.pq(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`);
    const line = `${WROTE[result.action]}: [the image comment](${written.html_url}) on PR #${pr.number} (${comment.state}).`;
    (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(line, true));
}
async function commentImageCommand(session) {
    const { target, inputs, ctx } = session;
    if (target.kind === 'push') {
        const { tag } = (0,tags/* choosePushTags */.LJ)(target.branch, target.sha, inputs.branchTags);
        const why = (branch) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`;
        const outputs = { image: (0,image_ref/* imageReference */.rA)(session.imageRepository, tag), tag, ...(0,report/* targetOutputs */.OL)(target) };
        return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs });
    }
    const gate = await (0,build_gate/* checkBuild */.D)(session, target);
    if (gate.kind === 'fork') {
        const text = `${gate.reason} There is no image to announce.`;
        return reportNothingDone({
            text,
            html: (0,html/* escapeHtml */.Z)(text),
            outputs: { image: gate.reference, tag: gate.tag, ...(0,report/* targetOutputs */.OL)(target) },
            log: warn,
        });
    }
    if (target.kind === 'merge_group') {
        // The PR's comment is its build's; a queue run adds nothing to it.
        const text = `a merge queue run announces nothing: PR #${target.pr.number}'s image comment is written by its own build.`;
        const resolved = gate.kind === 'built' ? gate.resolved : gate;
        return reportNothingDone({
            text,
            html: (0,html/* escapeHtml */.Z)(text),
            outputs: { image: resolved.reference, tag: resolved.tag, ...(0,report/* targetOutputs */.OL)(target) },
        });
    }
    const pr = target;
    const base = { imageRepository: session.imageRepository, commitSha: pr.headSha, branch: pr.headRef, repositoryUrl: (0,core_event/* repositoryUrl */.Ek)(ctx) };
    if (gate.kind === 'unmodified') {
        // The build workflow does not run for such a PR: whoever runs on every PR corrects an old comment.
        const outputs = { image: gate.reference, tag: gate.tag, ...(0,report/* targetOutputs */.OL)(pr) };
        return writeComment(session, pr, { ...base, state: 'stable', tag: gate.tag }, false, outputs);
    }
    const tag = (0,tags/* prTag */.Hj)(pr.number);
    const outputs = { image: (0,image_ref/* imageReference */.rA)(session.imageRepository, tag), tag, ...(0,report/* targetOutputs */.OL)(pr) };
    if (!(0,core_event/* runsWorkflow */.wq)(ctx, inputs.buildWorkflow)) {
        const text = `PR #${pr.number} changes the CI image: ${inputs.buildWorkflow} announces its build.`;
        return reportNothingDone({ text, html: (0,html/* escapeHtml */.Z)(text), outputs });
    }
    // The image behind the reuse tag was built for another commit: this run copied it, no build.
    const reusable = gate.resolved?.reuse?.reusable;
    const reused = reusable && reusable.revision?.toLowerCase() !== pr.headSha.toLowerCase() ? reusable : undefined;
    const comment = {
        ...base,
        state: STATE_OF[inputs.jobStatus],
        tag,
        commitTag: (0,tags/* prCommitTag */.m9)(pr.number, pr.headSha),
        digest: inputs.digest ?? reused?.digest,
        runUrl: runUrl(ctx),
        reused: reused && { from: reused.revision },
    };
    await writeComment(session, pr, comment, true, outputs);
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

/***/ 1015:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ RequestError)
/* harmony export */ });
class RequestError extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    /* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist */
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
}



/***/ })

};
;