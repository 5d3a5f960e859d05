"use strict";
exports.id = 862;
exports.ids = [862];
exports.modules = {

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

/***/ 6862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readCommitTree: () => (/* binding */ readCommitTree)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

async function readCommitTree(client, repo, commit) {
    try {
        const { data } = await client.rest.git.getTree({ ...repo, tree_sha: commit, recursive: '1' });
        if (data.truncated)
            return undefined;
        return data.tree.map((entry) => ({ type: entry.type, id: entry.sha, path: Buffer.from(entry.path, 'utf8') }));
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .apiError */ .pb)(`read the tree of ${commit}`, error, 'contents: read');
    }
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