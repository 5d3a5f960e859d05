export const id = 927;
export const ids = [927];
export const modules = {

/***/ 788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ parseRepository),
/* harmony export */   g: () => (/* binding */ readRunnerContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// The one place that reads the runner's environment and the event payload.

function parseRepository(fullName) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName);
    if (!match)
        throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${fullName}".`);
    return { owner: match[1], repo: match[2] };
}
function readRunnerContext(env = process.env) {
    const eventPath = env.GITHUB_EVENT_PATH;
    let payload = {};
    if (eventPath) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8'));
        }
        catch (error) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${error.message}`);
        }
    }
    const fullName = env.GITHUB_REPOSITORY || payload.repository?.full_name;
    if (!fullName)
        throw new Error('GITHUB_REPOSITORY is not set: is this running in GitHub Actions?');
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        payload,
        repository: parseRepository(fullName),
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        runId: env.GITHUB_RUN_ID || undefined,
    };
}


/***/ }),

/***/ 5134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ defaultImage)
/* harmony export */ });
/** `ghcr.io/<owner>/<repo>/ci`, lower-cased as registries require. */
function defaultImage(repository) {
    return `ghcr.io/${repository.owner}/${repository.repo}/ci`.toLowerCase();
}


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs)
/* harmony export */ });
/* unused harmony exports COMMANDS, InputError, parseImage, parseBranchTags */
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9506);
// Parses and validates the action's inputs into a typed config. Every message names the input.

const COMMANDS = ['resolve-image', 'wait-for-build', 'comment-image'];
const ASSOCIATIONS = [
    'OWNER',
    'MEMBER',
    'COLLABORATOR',
    'CONTRIBUTOR',
    'FIRST_TIME_CONTRIBUTOR',
    'FIRST_TIMER',
    'MANNEQUIN',
    'NONE',
];
class InputError extends Error {
    constructor(input, message) {
        super(`Input \`${input}\` ${message}`);
        this.name = 'InputError';
    }
}
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
function positiveInteger(name, value) {
    if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
        throw new InputError(name, `must be a positive whole number; got "${value}".`);
    }
    return Number(value);
}
function parseCommand(value) {
    if (value === '')
        throw new InputError('command', `is required: one of ${COMMANDS.join(', ')}.`);
    if (!COMMANDS.includes(value)) {
        throw new InputError('command', `must be one of ${COMMANDS.join(', ')}; got "${value}".`);
    }
    return value;
}
// A registry host (optionally with a port) and lower-case path components, as Docker accepts them.
const IMAGE_REPOSITORY = /^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function parseImage(value) {
    if (value === '')
        return undefined;
    const image = value.toLowerCase();
    const lastComponent = image.slice(image.lastIndexOf('/') + 1);
    if (image.includes('@') || lastComponent.includes(':')) {
        throw new InputError('image', `is the image repository without a tag or digest (e.g. ghcr.io/acme/app/ci); got "${value}".`);
    }
    if (!IMAGE_REPOSITORY.test(image)) {
        throw new InputError('image', `must be an image repository such as ghcr.io/acme/app/ci; got "${value}".`);
    }
    return image;
}
function parseBranchTags(value) {
    const map = new Map();
    for (const line of lines(value)) {
        const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(line);
        if (!match) {
            throw new InputError('branch-tags', `takes one \`branch=tag\` per line (e.g. main=latest); got "${line}".`);
        }
        const [, branch, tag] = match;
        if (!(0,_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(tag)) {
            throw new InputError('branch-tags', `has an invalid tag "${tag}" for ${branch}: tags use A-Z a-z 0-9 _ . -, start with a letter, digit or _, at most 128 characters.`);
        }
        map.set(branch, tag);
    }
    return map;
}
function parseDefaultTag(value) {
    if (!(0,_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(value)) {
        throw new InputError('default-tag', `must be a Docker tag (A-Z a-z 0-9 _ . -, starting with a letter, digit or _, at most 128 characters); got "${value}".`);
    }
    return value;
}
function parseBuildWorkflow(value) {
    if (!/^[\w.-]+\.ya?ml$/.test(value)) {
        throw new InputError('build-workflow', `must be a workflow file name such as build-ci-image.yml; got "${value}".`);
    }
    return value;
}
function parseHeadSha(value) {
    if (value === '')
        return undefined;
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)) {
        throw new InputError('head-sha', `must be a full commit SHA (40 hexadecimal characters); got "${value}".`);
    }
    return value.toLowerCase();
}
function parseBoolean(name, value) {
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    throw new InputError(name, `must be true or false; got "${value}".`);
}
function parseAssociations(value) {
    const items = value
        .split(/[\s,]+/)
        .filter((item) => item !== '')
        .map((item) => item.toUpperCase());
    for (const item of items) {
        if (!ASSOCIATIONS.includes(item)) {
            throw new InputError('trusted-associations', `takes a comma-separated list of ${ASSOCIATIONS.join(', ')}; got "${item}".`);
        }
    }
    return items;
}
function parseInputs(read) {
    const text = (name, fallback = '') => read(name).trim() || fallback;
    const prNumber = text('pr-number');
    return {
        command: parseCommand(text('command')),
        token: text('github-token'),
        image: parseImage(text('image')),
        watch: lines(read('watch')),
        buildWorkflow: parseBuildWorkflow(text('build-workflow', 'build-ci-image.yml')),
        branchTags: parseBranchTags(text('branch-tags', 'v2=v2\nmain=latest\nmaster=latest')),
        defaultTag: parseDefaultTag(text('default-tag', 'v2')),
        prNumber: prNumber === '' ? undefined : positiveInteger('pr-number', prNumber),
        headSha: parseHeadSha(text('head-sha')),
        pollIntervalSeconds: positiveInteger('poll-interval', text('poll-interval', '20')),
        timeoutSeconds: positiveInteger('timeout', text('timeout', '1200')),
        pull: parseBoolean('pull', text('pull', 'true')),
        trustedAssociations: parseAssociations(text('trusted-associations', 'OWNER,MEMBER,COLLABORATOR')),
    };
}


/***/ }),

/***/ 2927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openSession: () => (/* binding */ openSession)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(788);
/* harmony import */ var _image_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5134);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8422);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6746);
// What every command starts from: validated inputs, the event, the target and a lazy client.





function clientFactory(inputs, ctx) {
    let client;
    return () => (client ??= Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(248)]).then(__webpack_require__.bind(__webpack_require__, 9248)).then(({ createClient }) => createClient({ token: inputs.token, baseUrl: ctx.apiUrl })));
}
async function openSession() {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInputs */ .TL)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
    if (inputs.token)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(inputs.token);
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .readRunnerContext */ .g)();
    const client = clientFactory(inputs, ctx);
    const getPullRequest = async (prNumber) => {
        const { getPullRequest } = await __webpack_require__.e(/* import() */ 175).then(__webpack_require__.bind(__webpack_require__, 1175));
        return getPullRequest(await client(), ctx.repository, prNumber);
    };
    const target = await (0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveTarget */ .u1)(ctx, inputs, getPullRequest);
    return { inputs, ctx, target, image: inputs.image ?? (0,_image_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultImage */ .X)(ctx.repository), client };
}


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ prTag),
/* harmony export */   LJ: () => (/* binding */ choosePushTags),
/* harmony export */   W: () => (/* binding */ choosePullRequestTag),
/* harmony export */   b: () => (/* binding */ shaTag),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony export sanitizeTagPart */
// Tag strategy: pure functions from a context to the image tags of the contract's table.
const MAX_TAG_LENGTH = 128;
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function isValidTag(tag) {
    return VALID_TAG.test(tag);
}
/**
 * Turns any string (a branch name: untrusted, maybe unicode) into text that is valid inside a
 * Docker tag. Accents are folded first so `für` reads `fur`, not `f-r`.
 */
function sanitizeTagPart(value, maxLength = MAX_TAG_LENGTH) {
    const folded = value.normalize('NFKD').replace(/\p{M}+/gu, '');
    const cleaned = folded
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, maxLength)
        .replace(/[.-]+$/, '');
    return cleaned === '' ? 'branch' : cleaned;
}
function prTag(prNumber) {
    return `pr-${prNumber}`;
}
/** `<branch>-sha-<7>`, the branch part shortened so the whole tag stays within 128 characters. */
function shaTag(branch, sha) {
    const suffix = `-sha-${sha.slice(0, 7)}`;
    return sanitizeTagPart(branch, MAX_TAG_LENGTH - suffix.length) + suffix;
}
function choosePullRequestTag(input) {
    // 0 is a local run on a branch whose PR is not known.
    const subject = input.prNumber > 0 ? `PR #${input.prNumber}` : 'This branch';
    const stable = input.branchTags.get(input.baseRef) ?? input.defaultTag;
    const stableSource = input.branchTags.has(input.baseRef)
        ? `the stable image of base branch ${input.baseRef}`
        : `the default stable image (base branch ${input.baseRef} has no entry in branch-tags)`;
    if (!input.modified) {
        return { tag: stable, push: [], reason: `${subject} changes no watched path, so it uses ${stableSource}.` };
    }
    if (input.fork) {
        return {
            tag: stable,
            push: [],
            reason: `${subject} changes the CI image but comes from a fork, whose token cannot push an image, so it uses ${stableSource}.`,
        };
    }
    if (input.prNumber === 0) {
        throw new Error('This branch changes the CI image, so its image is its PR\'s (pr-N): pass the PR number (--pr-number N), ' +
            'or build the image locally.');
    }
    const tag = prTag(input.prNumber);
    return { tag, push: [tag], reason: `${subject} changes the CI image, so it uses its own image ${tag}.` };
}
function choosePushTags(branch, sha, branchTags) {
    const stable = branchTags.get(branch);
    const bySha = shaTag(branch, sha);
    if (stable === undefined) {
        return { tag: bySha, push: [bySha], reason: `A push to ${branch} builds ${bySha}; the branch has no stable tag.` };
    }
    return { tag: stable, push: [stable, bySha], reason: `A push to ${branch} builds its stable tag ${stable} and ${bySha}.` };
}


/***/ }),

/***/ 6746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ON: () => (/* binding */ pullRequestFromApiShape),
/* harmony export */   u1: () => (/* binding */ resolveTarget)
/* harmony export */ });
/* unused harmony export SUPPORTED_EVENTS */
const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'issue_comment', 'push', 'workflow_dispatch'];
/** Reads a pull request object as webhook payloads and `GET /pulls/{n}` both shape it. */
function pullRequestFromApiShape(pr) {
    const p = pr;
    const baseRepo = p.base.repo?.full_name;
    const headRepo = p.head.repo?.full_name;
    return {
        kind: 'pull_request',
        number: p.number,
        baseRef: p.base.ref,
        baseSha: p.base.sha,
        headSha: p.head.sha,
        headRef: p.head.ref,
        // A deleted fork leaves head.repo null: still not this repository.
        fork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo?.toLowerCase(),
        changedFiles: p.changed_files,
    };
}
function branchFromRef(ref, eventName) {
    if (ref.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    throw new Error(`The ${eventName} event is for "${ref}", not a branch: ci-image builds images for branches (refs/heads/...).`);
}
function checkCommenter(payload, trusted) {
    const comment = payload.comment;
    const association = comment?.author_association ?? 'NONE';
    if (!trusted.includes(association)) {
        throw new Error(`@${comment?.user?.login ?? 'unknown'} (author_association ${association}) is not allowed to run this: ` +
            `trusted-associations is ${trusted.join(', ')}. Nothing was done.`);
    }
}
async function resolveTarget(ctx, overrides, getPullRequest) {
    const { eventName, payload } = ctx;
    let target;
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target': {
            if (!payload.pull_request)
                throw new Error(`The ${eventName} event payload has no pull_request.`);
            const fromEvent = pullRequestFromApiShape(payload.pull_request);
            const asked = overrides.prNumber;
            target = asked !== undefined && asked !== fromEvent.number ? await getPullRequest(asked) : fromEvent;
            break;
        }
        case 'issue_comment': {
            // Trust first: an untrusted comment must not cost an API call or reach anything else.
            checkCommenter(payload, overrides.trustedAssociations);
            const issue = payload.issue;
            if (!issue?.pull_request && overrides.prNumber === undefined) {
                throw new Error(`The issue_comment event is on issue #${issue?.number ?? '?'}, which is not a pull request.`);
            }
            target = await getPullRequest(overrides.prNumber ?? issue.number);
            break;
        }
        case 'push':
        case 'workflow_dispatch': {
            if (overrides.prNumber !== undefined) {
                target = await getPullRequest(overrides.prNumber);
                break;
            }
            if (payload.deleted === true)
                throw new Error(`The push deleted ${ctx.ref}: there is no image to build.`);
            const sha = (eventName === 'push' && typeof payload.after === 'string' ? payload.after : ctx.sha) || ctx.sha;
            target = { kind: 'push', branch: branchFromRef(ctx.ref, eventName), sha };
            break;
        }
        default:
            throw new Error(`The event "${eventName || '(none)'}" is not supported: ci-image runs on ${SUPPORTED_EVENTS.join(', ')}.`);
    }
    if (overrides.headSha === undefined)
        return target;
    return target.kind === 'pull_request' ? { ...target, headSha: overrides.headSha } : { ...target, sha: overrides.headSha };
}


/***/ })

};
