export const id = 416;
export const ids = [416];
export const modules = {

/***/ 2416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLocal: () => (/* binding */ runLocal)
/* harmony export */ });
/* unused harmony exports USAGE, repositoryFromRemote */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_event_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7667);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3386);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3906);
/* harmony import */ var _runner_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(846);
// A run outside GitHub Actions, in the current checkout: `npm run local -- resolve-image`.
// The context comes from git (branch, nearest long-lived base), no token, no network when git
// has the answer. Stdout gets only the image reference (or JSON), so `$(...)` can use it.





const USAGE = `Usage: npm run local -- resolve-image [options]

Prints the CI image this checkout's branch uses, as the workflows would resolve it.
  --base BRANCH        base branch of the PR (default: the nearest branch of branch-tags)
  --pr-number N        the branch's PR, when it changes the image
  --image REPO         image repository (default: ghcr.io/<owner>/<repo>/ci from origin)
  --watch PATTERN      watched path pattern (repeatable; default: from the build workflow)
  --build-workflow F   build workflow file name (default: ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDefault */ .qw)('build-workflow')})
  --branch-tags LIST   branch=tag pairs, comma-separated (default: ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDefault */ .qw)('branch-tags').replaceAll('\n', ',')})
  --default-tag TAG    stable tag for other bases (default: ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDefault */ .qw)('default-tag')})
  --json               print every output as JSON instead of the image reference`;
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
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
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
    const inputs = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)((name) => {
        if (name === 'command')
            return 'resolve-image';
        if (name === 'watch')
            return (values.watch ?? []).join('\n');
        if (name === 'branch-tags')
            return (values['branch-tags'] ?? '').replace(/,/g, '\n');
        const value = values[name];
        return typeof value === 'string' ? value : '';
    });
    const top = await (0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitOutput */ .o)((0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .l)(process.cwd()), ['rev-parse', '--show-toplevel']);
    const git = (0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .l)(top);
    let imageRepository = inputs.imageRepository;
    if (imageRepository === undefined) {
        const remote = await git(['remote', 'get-url', 'origin']);
        const fullName = remote.exitCode === 0 ? repositoryFromRemote(remote.stdout) : undefined;
        if (!fullName)
            throw new Error('Cannot tell the repository from the origin remote: pass --image.');
        imageRepository = (0,_core_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultImageRepository */ .l)((0,_core_event_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRepository */ .S)(fullName));
    }
    const branch = await (0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitOutput */ .o)(git, ['rev-parse', '--abbrev-ref', 'HEAD']);
    const headSha = await (0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitOutput */ .o)(git, ['rev-parse', 'HEAD']);
    let target;
    if (values.base === undefined && inputs.branchTags.has(branch)) {
        target = { kind: 'push', branch, sha: headSha };
    }
    else {
        const base = values.base !== undefined ? await nearestBase(git, [values.base]) : await nearestBase(git, [...inputs.branchTags.keys()]);
        if (!base)
            throw new Error(`No base branch found (${values.base ?? [...inputs.branchTags.keys()].join(', ')}): pass --base BRANCH.`);
        const baseSha = await (0,_runner_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitOutput */ .o)(git, ['rev-parse', base.ref]);
        target = { kind: 'pull_request', number: inputs.prNumber ?? 0, baseRef: base.branch, baseSha, headSha, headRef: branch, fork: false };
    }
    // The same chunk as the action's resolve-image, rather than a copy of it in this one. The build
    // workflow is read from the commits, as GitHub reads it.
    const { resolveImage } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(7)]).then(__webpack_require__.bind(__webpack_require__, 5007));
    const result = await resolveImage({ ...inputs, imageRepository }, target, { git });
    process.stderr.write(`${result.reason}\n`);
    if (result.matched.length > 0)
        process.stderr.write(`Watched files changed: ${result.matched.join(', ')}\n`);
    const output = values.json
        ? JSON.stringify({
            image: result.reference,
            tag: result.tag,
            tags: result.pushReferences,
            modified: result.modified,
            'changed-files': result.matched,
            reason: result.reason,
        }, null, 2)
        : result.reference;
    print(`${output}\n`);
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
    return async (args, options = {}) => {
        // Container jobs check out as another user; git then refuses the repository unless told it is safe.
        const fullArgs = ['-c', `safe.directory=${cwd}`, ...args];
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`git ${args.join(' ')}`);
        const chunks = [];
        const input = options.input === undefined ? undefined : Buffer.from(options.input);
        const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H)('git', fullArgs, {
            cwd,
            silent: true,
            ignoreReturnCode: true,
            input,
            listeners: { stdout: (data) => chunks.push(data) },
        });
        return { ...result, stdoutBytes: Buffer.concat(chunks) };
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
