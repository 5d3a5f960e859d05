export const id = 175;
export const ids = [175];
export const modules = {

/***/ 175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ listPullRequestFiles),
/* harmony export */   getPullRequest: () => (/* binding */ getPullRequest),
/* harmony export */   y: () => (/* binding */ API_FILE_LIST_CAP)
/* harmony export */ });
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(746);

/** GitHub lists at most this many files of a pull request, whatever the pagination. */
const API_FILE_LIST_CAP = 3000;
async function getPullRequest(client, repo, prNumber) {
    try {
        const { data } = await client.rest.pulls.get({ ...repo, pull_number: prNumber });
        return (0,_target_js__WEBPACK_IMPORTED_MODULE_0__/* .pullRequestFromApiShape */ .ON)(data);
    }
    catch (error) {
        if (error.status === 404) {
            throw new Error(`Pull request #${prNumber} was not found in ${repo.owner}/${repo.repo}.`);
        }
        throw error;
    }
}
/** Changed paths of a PR (a rename counts both its old and new path), at most API_FILE_LIST_CAP files. */
async function listPullRequestFiles(client, repo, prNumber) {
    const paths = [];
    let listed = 0;
    const pages = client.paginate.iterator(client.rest.pulls.listFiles, { ...repo, pull_number: prNumber, per_page: 100 });
    try {
        for await (const { data } of pages) {
            for (const file of data) {
                listed++;
                paths.push(file.filename);
                if (file.previous_filename)
                    paths.push(file.previous_filename);
            }
        }
    }
    catch (error) {
        const { status, message } = error;
        throw new Error(`The GitHub API could not list the files of PR #${prNumber} (${status ?? 'no answer'}: ${message ?? String(error)}).`);
    }
    return { paths, listed };
}


/***/ })

};
