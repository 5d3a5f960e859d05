"use strict";
exports.id = 801;
exports.ids = [801];
exports.modules = {

/***/ 6801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLocal: () => (/* binding */ runLocal)
});

// UNUSED EXPORTS: USAGE, repositoryFromRemote

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/core/event.ts
var core_event = __webpack_require__(7667);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/inputs.ts + 1 modules
var core_inputs = __webpack_require__(3906);
// EXTERNAL MODULE: ./src/core/watch.ts + 3 modules
var watch = __webpack_require__(6728);
// EXTERNAL MODULE: ./src/runner/git.ts + 2 modules
var runner_git = __webpack_require__(8180);
;// CONCATENATED MODULE: ./src/runner/base-branches.ts
// A shallow or single-branch clone (a CI shell step, `git clone --depth 1`) has only its own
// branch: the long-lived branches a local run compares against are fetched from origin, as
// little of them as the action fetches (runner/changed-files.ts), argument arrays only.


// As deep as the action's first fetch: a fork point within it costs one round trip.
const FIRST_DEPTH = 50;
// Then HEAD's own history, step by step, until it meets one of them.
const DEEPEN_STEPS = [50, 200, 1000, 5000];
async function hasRef(git, ref) {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).exitCode === 0;
}
async function isShallow(git) {
    return (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}
/** The branches of `names` that origin has, in one round trip (`git ls-remote --heads`). */
async function branchesOnOrigin(git, names) {
    const listed = await git(['ls-remote', '--heads', 'origin', ...names.map((name) => `refs/heads/${name}`)]);
    if (listed.exitCode !== 0)
        return [];
    const found = new Set(listed.stdout.split('\n').map((line) => line
        .split('\t')[1]
        ?.trim()
        .replace(/^refs\/heads\//, '')));
    return names.filter((name) => found.has(name));
}
/** The commits where the clone's history is cut: they are on origin, whatever HEAD is. */
async function shallowBoundary(git) {
    const path = (await git(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])).stdout.trim();
    return path && (0,external_node_fs_.existsSync)(path)
        ? (0,external_node_fs_.readFileSync)(path, 'utf8')
            .split('\n')
            .filter((sha) => /^[0-9a-f]{40,64}$/.test(sha))
        : [];
}
async function meetsAny(git, refs) {
    for (const ref of refs)
        if ((await git(['merge-base', ref, 'HEAD'])).exitCode === 0)
            return true;
    return false;
}
/**
 * Fetches into refs/remotes/origin/* those of `branches` the clone has neither locally nor as
 * remote-tracking branches, and in a shallow clone deepens HEAD until it meets one of them (so
 * "the nearest base" is measured, not guessed). Returns the branches fetched; an unreachable
 * origin fetches nothing, and the caller says what to pass instead.
 */
async function fetchMissingBaseBranches(git, branches, log) {
    const missing = [];
    for (const branch of branches) {
        if (!(await hasRef(git, `refs/remotes/origin/${branch}`)) && !(await hasRef(git, `refs/heads/${branch}`)))
            missing.push(branch);
    }
    if (missing.length === 0)
        return [];
    const present = await branchesOnOrigin(git, missing);
    if (present.length === 0)
        return [];
    const shallow = await isShallow(git);
    log(`This clone lacks ${present.join(', ')}: fetching ${shallow ? `the last ${FIRST_DEPTH} commits of ` : ''}them from origin.`);
    // Branch names cannot contain ':' or spaces (git check-ref-format), so each refspec is well-formed.
    const refspecs = present.map((branch) => `+refs/heads/${branch}:refs/remotes/origin/${branch}`);
    const depth = shallow ? [`--depth=${FIRST_DEPTH}`] : [];
    const fetched = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...depth, 'origin', ...refspecs]);
    if (fetched.exitCode !== 0) {
        log(`git fetch failed: ${fetched.stderr.trim()}`);
        return [];
    }
    const tracking = present.map((branch) => `refs/remotes/origin/${branch}`);
    for (const step of DEEPEN_STEPS) {
        if (!(await isShallow(git)) || (await meetsAny(git, tracking)))
            break;
        const boundary = await shallowBoundary(git);
        if (boundary.length === 0)
            break;
        const deepened = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', `--deepen=${step}`, 'origin', ...boundary]);
        if (deepened.exitCode !== 0)
            break;
    }
    return present;
}

;// CONCATENATED MODULE: ./src/runner/working-tree.ts
// What a developer has changed and not committed: CI never sees it, so no CI image is built from it.

/**
 * Paths with uncommitted changes, staged or not, and untracked files (ignored ones excepted);
 * both sides of a rename. From `git status --porcelain -z`, whose entries are `XY path` and, for a
 * rename or copy, a second NUL-separated field with the original path (git-status(1), "Porcelain
 * Format Version 1").
 */
async function uncommittedPaths(git) {
    const status = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    if (status.exitCode !== 0)
        throw new Error(`git status failed (exit ${status.exitCode}): ${status.stderr.trim()}`);
    // Raw fields, never trimmed: the status letter may be a space, and a path may begin with one.
    const fields = status.stdout.split('\0');
    const paths = [];
    for (let i = 0; i < fields.length; i++) {
        const entry = fields[i];
        if (entry.length < 4)
            continue;
        paths.push(entry.slice(3));
        if (entry[0] === 'R' || entry[0] === 'C')
            paths.push(fields[++i]);
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/local.ts
// A run outside GitHub Actions, in the current checkout: `npx github:<owner>/ci-image resolve-image`
// (or `npm run local -- resolve-image` here). The context comes from git (branch, nearest
// long-lived base), no token, no network when git has the answer; a shallow or single-branch
// clone fetches the base branches it lacks. Stdout gets only the image reference (or JSON), so
// `$(...)` can use it; what a person should know goes to stderr.










const USAGE = `Usage: ci-image resolve-image [options]   (here: npm run local -- resolve-image)

Prints the CI image this checkout's branch uses, as the workflows would resolve it. Uncommitted
changes to watched paths are in no CI image: it says so on stderr (and in --json).
  --base BRANCH        base branch of the PR (default: the nearest branch of branch-tags)
  --pr-number N        the branch's PR, when it changes the image
  --image REPO         image repository (default: ghcr.io/<owner>/<repo>/ci from origin)
  --watch PATTERN      watched path pattern (repeatable; default: from the build workflow)
  --build-workflow F   build workflow file name (default: ${(0,core_inputs/* inputDefault */.qw)('build-workflow')})
  --branch-tags LIST   branch=tag pairs, comma-separated (default: ${(0,core_inputs/* inputDefault */.qw)('branch-tags').replaceAll('\n', ',')})
  --default-tag TAG    stable tag for other bases (default: ${(0,core_inputs/* inputDefault */.qw)('default-tag')})
  --json               print every output as JSON instead of the image reference,
                       with uncommitted-watched-files: the watched paths changed and not committed`;
/** owner/repo from an origin URL such as git@github.com:acme/app.git or https://host/acme/app. */
function repositoryFromRemote(url) {
    return /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim())?.[1];
}
async function nearestBase(git, branches) {
    let best;
    for (const branch of branches) {
        for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`]) {
            const count = await git(['rev-list', '--count', `${ref}..HEAD`]);
            if (count.exitCode !== 0)
                continue;
            const ahead = Number(count.stdout.trim());
            if (!best || ahead < best.ahead)
                best = { ref, branch, ahead };
            break;
        }
    }
    return best;
}
async function runLocal(argv, print) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            base: { type: 'string' },
            'pr-number': { type: 'string' },
            image: { type: 'string' },
            watch: { type: 'string', multiple: true },
            'build-workflow': { type: 'string' },
            'branch-tags': { type: 'string' },
            'default-tag': { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean' },
        },
    });
    if (values.help || positionals.length === 0) {
        print(`${USAGE}\n`);
        return;
    }
    if (positionals[0] !== 'resolve-image') {
        throw new Error(`Only resolve-image runs locally; "${positionals[0]}" needs GitHub Actions.`);
    }
    const inputs = (0,core_inputs/* parseInputs */.TL)((name) => {
        if (name === 'command')
            return 'resolve-image';
        if (name === 'watch')
            return (values.watch ?? []).join('\n');
        if (name === 'branch-tags')
            return (values['branch-tags'] ?? '').replace(/,/g, '\n');
        const value = values[name];
        return typeof value === 'string' ? value : '';
    });
    const top = await (0,runner_git/* gitOutput */.o)((0,runner_git/* createGit */.l)(process.cwd()), ['rev-parse', '--show-toplevel']);
    const git = (0,runner_git/* createGit */.l)(top);
    let imageRepository = inputs.imageRepository;
    if (imageRepository === undefined) {
        const remote = await git(['remote', 'get-url', 'origin']);
        const fullName = remote.exitCode === 0 ? repositoryFromRemote(remote.stdout) : undefined;
        if (!fullName)
            throw new Error('Cannot tell the repository from the origin remote: pass --image.');
        imageRepository = (0,image_ref/* defaultImageRepository */.l3)((0,core_event/* parseRepository */.SU)(fullName));
    }
    const branch = await (0,runner_git/* gitOutput */.o)(git, ['rev-parse', '--abbrev-ref', 'HEAD']);
    const headSha = await (0,runner_git/* gitOutput */.o)(git, ['rev-parse', 'HEAD']);
    let target;
    if (values.base === undefined && inputs.branchTags.has(branch)) {
        target = { kind: 'push', branch, sha: headSha };
    }
    else {
        const candidates = values.base !== undefined ? [values.base] : [...inputs.branchTags.keys()];
        let base = await nearestBase(git, candidates);
        if (!base && (await fetchMissingBaseBranches(git, candidates, (line) => process.stderr.write(`${line}\n`))).length > 0) {
            base = await nearestBase(git, candidates);
        }
        if (!base)
            throw new Error(`No base branch found (${candidates.join(', ')}), here or on origin: pass --base BRANCH.`);
        const baseSha = await (0,runner_git/* gitOutput */.o)(git, ['rev-parse', base.ref]);
        target = { kind: 'pull_request', number: inputs.prNumber ?? 0, baseRef: base.branch, baseSha, headSha, headRef: branch, fork: false };
    }
    // The same chunk as the action's resolve-image, rather than a copy of it in this one. The build
    // workflow is read from the commits, as GitHub reads it.
    const { resolveImage } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1413));
    const result = await resolveImage({ ...inputs, imageRepository }, target, { git });
    process.stderr.write(`${result.reason}\n`);
    if (result.matched.length > 0)
        process.stderr.write(`Watched files changed: ${result.matched.join(', ')}\n`);
    // Uncommitted changes, by the build workflow's rules as this working tree has them: a heads-up
    // that the local image differs from every CI image.
    const workflowPath = (0,external_node_path_.join)(top, (0,watch/* buildWorkflowPath */.D1)(inputs.buildWorkflow));
    const workflowText = (0,external_node_fs_.existsSync)(workflowPath) ? (0,external_node_fs_.readFileSync)(workflowPath, 'utf8') : undefined;
    const baseRef = target.kind === 'pull_request' ? target.baseRef : branch;
    const uncommitted = (await (0,watch/* decideWatch */.ui)({ input: inputs.watch, buildWorkflow: inputs.buildWorkflow, mergeCopy: workflowText, baseCopy: workflowText }, { baseRef, changedPaths: await uncommittedPaths(git) })).matched;
    if (uncommitted.length > 0) {
        process.stderr.write(`Uncommitted changes to watched paths (${uncommitted.join(', ')}): the image CI would use, printed below, is not ` +
            'built from them, and no CI image is. Build the image locally to try them: make docker-dev.\n');
    }
    const output = values.json
        ? JSON.stringify({
            image: result.reference,
            tag: result.tag,
            tags: result.pushReferences,
            modified: result.modified,
            'changed-files': result.matched,
            reason: result.reason,
            'uncommitted-watched-files': uncommitted,
        }, null, 2)
        : result.reference;
    print(`${output}\n`);
}


/***/ })

};
;