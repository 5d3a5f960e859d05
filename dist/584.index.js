"use strict";
exports.id = 584;
exports.ids = [584];
exports.modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1078);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _vendor_http_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9374);
// The REST client: @actions/github's Octokit, which takes the runner's proxy settings and the
// GitHub (Enterprise) API URL from the environment, with the retry and throttling plugins. Rate
// limits are waited out only within the caller's budget (a wait's deadline).




const MAX_RATE_LIMIT_RETRIES = 5;
async function createClient({ token, baseUrl, mayWait = () => true, msPerSecond = 1000 }) {
    if (!token) {
        throw new Error('Input `github-token` is empty: pass a token (the default is ${{ github.token }}).');
    }
    // @actions/github builds its proxy agents when it loads, through @actions/http-client.
    await (0,_vendor_http_client_js__WEBPACK_IMPORTED_MODULE_1__/* .loadHttpClient */ .w)();
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(270)]).then(__webpack_require__.bind(__webpack_require__, 2270));
    const handleLimit = (kind) => (retryAfter, options, _, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && mayWait(retryAfter);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`);
        return retrying;
    };
    return getOctokit(token, {
        baseUrl,
        userAgent: 'ci-image',
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
            error: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
        },
        retry: { retryAfterBaseValue: msPerSecond },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            onRateLimit: handleLimit('rate limit'),
            onSecondaryRateLimit: handleLimit('secondary rate limit'),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}


/***/ }),

/***/ 9374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   w: () => (/* binding */ loadHttpClient)
/* harmony export */ });
/* unused harmony export BearerCredentialHandler */
let real;
async function loadHttpClient() {
    real ??= await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(298)]).then(__webpack_require__.t.bind(__webpack_require__, 9298, 23));
}
function DelegatingHttpClient(...args) {
    if (!real)
        throw new Error('@actions/http-client was used before loadHttpClient() loaded it.');
    return new real.HttpClient(...args);
}
/** `new HttpClient(...)` builds the real client (a constructor that returns an object yields it). */
const HttpClient = DelegatingHttpClient;
/** @actions/http-client/lib/auth: imported by @actions/core's OIDC client only. */
class BearerCredentialHandler {
    constructor() {
        throw new Error('ci-image does not bundle an OIDC client (core.getIDToken).');
    }
}


/***/ })

};
;