export const id = 282;
export const ids = [282];
export const modules = {

/***/ 7064:
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

// EXTERNAL MODULE: ./src/core/html.ts
var html = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/tags.ts
var tags = __webpack_require__(2766);
;// CONCATENATED MODULE: ./src/core/comment-body.ts
// The "🐳 Docker CI Image Built" comment: what a person needs to find, trust and run the PR's
// image. Pure: no I/O.




/** GitHub rejects a comment body longer than this. */
const MAX_COMMENT_LENGTH = 65_536;
/** Untrusted values (a branch name) are cut here: a person reads the start, the rest is noise. */
const MAX_VALUE_LENGTH = 200;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
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
function checkReference(comment) {
    if (!SAFE_REPOSITORY.test(comment.imageRepository) || !(0,tags/* isValidTag */.r_)(comment.tag)) {
        throw new Error(`Refusing to render an image comment for "${comment.imageRepository}:${comment.tag}": not an image reference.`);
    }
    return (0,image_ref/* imageReference */.r)(comment.imageRepository, comment.tag);
}
function commitLine(comment) {
    const short = untrustedCode(comment.commitSha.slice(0, 7));
    const commit = SHA.test(comment.commitSha) ? `[${short}](${comment.repositoryUrl}/commit/${comment.commitSha.toLowerCase()})` : short;
    return comment.branch === undefined ? commit : `${commit} on ${untrustedCode(comment.branch)}`;
}
function renderComment(comment) {
    const reference = checkReference(comment);
    const facts = [`- **Image:** ${untrustedCode(reference)}`];
    facts.push(`- **Commit:** ${commitLine(comment)}`);
    if (comment.runUrl)
        facts.push(`- **Build:** [workflow run](${comment.runUrl})`);
    const body = [
        commentMarker(comment.imageRepository),
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

// EXTERNAL MODULE: ./src/core/event.ts
var core_event = __webpack_require__(7667);
;// CONCATENATED MODULE: ./src/core/upsert-comment.ts
// Keeps exactly one comment with our marker on a PR: update it when it exists, else create it,
// and settle a race between two runs that both created one. The comments come through a port
// (github/comments.ts over REST, an array in tests).

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

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/comments.ts

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
                // Already gone: a concurrent run deleted it.
                if (!(0,errors/* isNotFound */.c4)(error))
                    throw error;
            }
        },
    };
}

// EXTERNAL MODULE: ./src/runner/report.ts
var report = __webpack_require__(6190);
// EXTERNAL MODULE: ./src/session/build-gate.ts
var build_gate = __webpack_require__(4522);
;// CONCATENATED MODULE: ./src/commands/comment-image.ts
// `comment-image`: announces the PR's freshly built image in one comment on the PR, updated in
// place on every build.












function runUrl(ctx) {
    return ctx.runId && /^\d+$/.test(ctx.runId) ? `${(0,core_event/* repositoryUrl */.E)(ctx)}/actions/runs/${ctx.runId}` : undefined;
}
/** A run with nothing to announce: says why in the log and the summary, and stays green. */
async function reportNothingDone({ text, html, outputs, log = core/* info */.pq }) {
    (0,report/* setOutputs */.n0)(outputs);
    log(`Nothing commented: ${text}`);
    await (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(`Nothing commented: ${html}`, true));
}
const warn = (message) => core/* warning */.$e(message, { title: 'CI image not announced' });
async function commentOnPullRequest(session, pr) {
    const { ctx } = session;
    const tag = (0,tags/* prTag */.Hj)(pr.number);
    const reference = (0,image_ref/* imageReference */.r)(session.imageRepository, tag);
    const outputs = { image: reference, tag, ...(0,report/* targetOutputs */.OL)(pr) };
    const body = renderComment({
        imageRepository: session.imageRepository,
        tag,
        commitSha: pr.headSha,
        branch: pr.headRef,
        repositoryUrl: (0,core_event/* repositoryUrl */.E)(ctx),
        runUrl: runUrl(ctx),
    });
    const api = issueCommentsApi(await session.client(), ctx.repository, pr.number);
    let result;
    try {
        result = await upsertComment(api, commentMarker(session.imageRepository), body);
    }
    catch (error) {
        if ((0,errors/* isIntegrationRefusal */.Pk)(error)) {
            const text = `the token cannot write comments on PR #${pr.number} (${(0,errors/* describeApiError */.gg)(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`;
            return reportNothingDone({ text, html: (0,html/* escapeHtml */.Z)(text), outputs, log: warn });
        }
        throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${(0,errors/* describeApiError */.gg)(error)}`, { cause: error });
    }
    const { comment, action, deleted } = result;
    (0,report/* setOutputs */.n0)({ 'comment-id': comment.id, 'comment-url': comment.html_url, ...outputs });
    core/* info */.pq(`${action === 'created' ? 'Created' : 'Updated'} the comment for ${reference} on PR #${pr.number}: ${comment.html_url}`);
    if (deleted.length > 0)
        core/* info */.pq(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`);
    const line = `${action === 'created' ? 'Created' : 'Updated'} [the image comment](${comment.html_url}) on PR #${pr.number} for ${untrustedCode(reference)}.`;
    await (0,report/* writeSummary */.Sy)(core/* summary */.z.addHeading('CI image comment', 3).addRaw(line, true));
}
async function commentImageCommand(session) {
    const { target, inputs } = session;
    if (target.kind === 'push') {
        const { tag } = (0,tags/* choosePushTags */.LJ)(target.branch, target.sha, inputs.branchTags);
        const why = (branch) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`;
        const outputs = { image: (0,image_ref/* imageReference */.r)(session.imageRepository, tag), tag, ...(0,report/* targetOutputs */.OL)(target) };
        return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs });
    }
    const gate = await (0,build_gate/* checkBuild */.D)(session, target);
    if (gate.kind !== 'built') {
        const text = `${gate.reason} There is no image to announce.`;
        const outputs = { image: gate.reference, tag: gate.tag, ...(0,report/* targetOutputs */.OL)(target) };
        // A fork's changed image that is not used deserves a warning; an unchanged one is the normal case.
        return reportNothingDone({ text, html: (0,html/* escapeHtml */.Z)(text), outputs, log: gate.kind === 'fork' ? warn : core/* info */.pq });
    }
    await commentOnPullRequest(session, target);
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
