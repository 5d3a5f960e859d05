export const id = 243;
export const ids = [243];
export const modules = {

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
