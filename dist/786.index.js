export const id = 786;
export const ids = [786,243];
export const modules = {

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentImageCommand: () => (/* binding */ commentImageCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(78);
;// CONCATENATED MODULE: ./src/comment-marker.ts
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

// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(506);
;// CONCATENATED MODULE: ./src/comment-body.ts
// The "🐳 Docker CI Image Built" comment: what a person needs to find, trust and run the PR's
// image. Pure: no I/O.



/** GitHub rejects a comment body longer than this. */
const MAX_COMMENT_LENGTH = 65_536;
/** Untrusted values (a branch name) are cut here: a person reads the start, the rest is noise. */
const MAX_VALUE_LENGTH = 200;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
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
    return `<code>${(0,report/* escapeHtml */.ZD)(shown)}</code>`;
}
function checkReference(comment) {
    if (!SAFE_REPOSITORY.test(comment.repository) || !(0,tags/* isValidTag */.r_)(comment.tag)) {
        throw new Error(`Refusing to render an image comment for "${comment.repository}:${comment.tag}": not an image reference.`);
    }
    return `${comment.repository}:${comment.tag}`;
}
function commitLine(comment) {
    const short = untrustedCode(comment.commitSha.slice(0, 7));
    const commit = SHA.test(comment.commitSha) ? `[${short}](${comment.repositoryUrl}/commit/${comment.commitSha.toLowerCase()})` : short;
    return comment.branch === undefined ? commit : `${commit} on ${untrustedCode(comment.branch)}`;
}
function renderComment(comment) {
    const reference = checkReference(comment);
    const facts = [`- **Image:** ${untrustedCode(reference)}`];
    if (comment.digest !== undefined && DIGEST.test(comment.digest))
        facts.push(`- **Digest:** ${untrustedCode(comment.digest, 80)}`);
    facts.push(`- **Commit:** ${commitLine(comment)}`);
    if (comment.runUrl)
        facts.push(`- **Build:** [workflow run](${comment.runUrl})`);
    const body = [
        commentMarker(comment.repository),
        '### 🐳 Docker CI Image Built',
        '',
        ...facts,
        '',
        "This pull request's checks run in this image. To use it locally:",
        '',
        '```sh',
        `docker pull ${reference}`,
        `docker run --rm -v "$PWD":/workspace -w /workspace ${reference} make gen`,
        '```',
        '',
        '<sub>Posted by ci-image and updated in place on each build of this pull request.</sub>',
        '',
    ].join('\n');
    // Every value above is bounded, so this only guards against a future field that is not.
    if (body.length > MAX_COMMENT_LENGTH)
        throw new Error(`The image comment is ${body.length} characters, over GitHub's ${MAX_COMMENT_LENGTH}.`);
    return body;
}

;// CONCATENATED MODULE: ./src/comments.ts
function issueCommentsApi(client, repo, issueNumber) {
    const keep = ({ id, body, html_url }) => ({ id, body, html_url });
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
                if (error.status !== 404)
                    throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/upsert-comment.ts
// Keeps exactly one comment with our marker on a PR: update it when it exists, else create it,
// and settle a race between two runs that both created one.

async function removeAll(api, comments) {
    for (const comment of comments)
        await api.remove(comment.id);
    return comments.map((comment) => comment.id);
}
async function upsertComment(api, marker, body) {
    const [oldest, ...newer] = markedComments(await api.list(), marker);
    if (oldest) {
        const comment = await api.update(oldest.id, body);
        return { comment, action: 'updated', deleted: await removeAll(api, newer) };
    }
    const created = await api.create(body);
    // Another run may have listed, found nothing and created too. Both runs agree on the oldest
    // comment as the one to keep, whatever order they get here in, so one comment survives.
    const [keep, ...duplicates] = markedComments(await api.list(), marker);
    if (!keep || keep.id === created.id) {
        return { comment: created, action: 'created', deleted: await removeAll(api, duplicates) };
    }
    // Ours goes even when the list lagged behind our create and did not show it yet.
    const deleted = await removeAll(api, [created, ...duplicates.filter((duplicate) => duplicate.id !== created.id)]);
    const comment = await api.update(keep.id, body);
    return { comment, action: 'updated', deleted };
}

// EXTERNAL MODULE: ./src/commands/resolve-image.ts + 4 modules
var resolve_image = __webpack_require__(751);
;// CONCATENATED MODULE: ./src/commands/comment-image.ts
// `comment-image`: announces the PR's freshly built image in one comment on the PR, updated in
// place on every build.








function repositoryUrl(ctx) {
    return `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`;
}
function runUrl(ctx) {
    return ctx.runId && /^\d+$/.test(ctx.runId) ? `${repositoryUrl(ctx)}/actions/runs/${ctx.runId}` : undefined;
}
/** A run with nothing to announce: says why in the log and the summary, and stays green. */
async function reportNothingDone({ text, html, outputs, log = core/* info */.pq }) {
    (0,report/* setOutputs */.n0)(outputs);
    log(`Nothing commented: ${text}`);
    await (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(`Nothing commented: ${html}`, true));
}
const warn = (message) => core/* warning */.$e(message, { title: 'CI image not announced' });
/** A token without write access (a fork's PR, `permissions` without pull-requests: write). */
function cannotWrite(error) {
    const { status, message } = error;
    return status === 403 && /resource not accessible/i.test(message ?? '');
}
function describeRequestError(error) {
    const { status, message, request } = error;
    const call = request?.method && request.url ? `${request.method} ${new URL(request.url).pathname} ` : '';
    return `${call}${status !== undefined ? `answered ${status}: ` : ''}${message ?? String(error)}`;
}
async function commentOnPullRequest(session, pr) {
    const { ctx } = session;
    const tag = (0,tags/* prTag */.Hj)(pr.number);
    const image = `${session.image}:${tag}`;
    const outputs = { image, tag, ...(0,report/* targetOutputs */.OL)(pr) };
    const body = renderComment({
        repository: session.image,
        tag,
        commitSha: pr.headSha,
        branch: pr.headRef,
        repositoryUrl: repositoryUrl(ctx),
        runUrl: runUrl(ctx),
    });
    const api = issueCommentsApi(await session.client(), ctx.repository, pr.number);
    let result;
    try {
        result = await upsertComment(api, commentMarker(session.image), body);
    }
    catch (error) {
        if (cannotWrite(error)) {
            const text = `the token cannot write comments on PR #${pr.number} (${describeRequestError(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`;
            return reportNothingDone({ text, html: (0,report/* escapeHtml */.ZD)(text), outputs, log: warn });
        }
        throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${describeRequestError(error)}`);
    }
    const { comment, action, deleted } = result;
    (0,report/* setOutputs */.n0)({ 'comment-id': comment.id, 'comment-url': comment.html_url, ...outputs });
    core/* info */.pq(`${action === 'created' ? 'Created' : 'Updated'} the comment for ${image} on PR #${pr.number}: ${comment.html_url}`);
    if (deleted.length > 0)
        core/* info */.pq(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`);
    const line = `${action === 'created' ? 'Created' : 'Updated'} [the image comment](${comment.html_url}) on PR #${pr.number} for ${untrustedCode(image)}.`;
    await (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(line, true));
}
async function commentImageCommand(session) {
    const { target, inputs } = session;
    if (target.kind === 'push') {
        const { tag } = (0,tags/* choosePushTags */.LJ)(target.branch, target.sha, inputs.branchTags);
        const why = (branch) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`;
        const outputs = { image: `${session.image}:${tag}`, tag, ...(0,report/* targetOutputs */.OL)(target) };
        return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs });
    }
    if (target.fork) {
        // A fork's PR never gets its own image (its token cannot push one): it runs on the stable tag.
        const { tag } = (0,tags/* choosePullRequestTag */.W)({ ...inputs, prNumber: target.number, baseRef: target.baseRef, modified: true, fork: true });
        const text = `PR #${target.number} comes from a fork, whose token cannot push an image, so no image was built for it to announce.`;
        const outputs = { image: `${session.image}:${tag}`, tag, ...(0,report/* targetOutputs */.OL)(target) };
        return reportNothingDone({ text, html: text, outputs, log: warn });
    }
    // Nothing was built for a PR that changes no watched path: its build workflow never ran.
    const resolved = await core/* group */.Os('Checking that this PR changes the CI image', () => (0,resolve_image.resolveForSession)(session));
    if (!resolved.modified) {
        const text = `${resolved.reason} No image was built for it to announce.`;
        return reportNothingDone({ text, html: (0,report/* escapeHtml */.ZD)(text), outputs: { image: resolved.image, tag: resolved.tag, ...(0,report/* targetOutputs */.OL)(target) } });
    }
    await commentOnPullRequest(session, target);
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


/***/ })

};
