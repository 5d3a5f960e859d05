export const id = 248;
export const ids = [248];
export const modules = {

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
