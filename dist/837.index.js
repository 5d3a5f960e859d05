"use strict";
exports.id = 837;
exports.ids = [837];
exports.modules = {

/***/ 8566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ lastLines)
/* harmony export */ });
// What an error message shows of a failed command's output: its last lines, where docker and git
// say what went wrong.
function lastLines(text, count = 5) {
    return text.trim().split('\n').slice(-count).join('\n');
}


/***/ }),

/***/ 6439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ missingTagHint),
/* harmony export */   T_: () => (/* binding */ isGhcr),
/* harmony export */   vU: () => (/* binding */ deniedHint),
/* harmony export */   vn: () => (/* binding */ ghcrDeniedHint)
/* harmony export */ });
/* unused harmony export ghcrDeniedCauses */
// What a registry's refusal or missing tag usually means, said once for `docker pull` and for
// reading an image's manifest. The GHCR causes come with the GitHub Docs page that explains each.
const DOCS = 'https://docs.github.com/en';
/** Whether a reference's registry is GitHub's Container registry (github.com's; GHES serves its own host). */
function isGhcr(registry) {
    return registry.toLowerCase() === 'ghcr.io';
}
/** The usual causes of a 401/403 (`DENIED`, `UNAUTHORIZED`) from ghcr.io for a workflow's token, one line each. */
function ghcrDeniedCauses() {
    return [
        // "If you specify the access for any of these permissions, all of those that are not specified are set to none."
        '- The job may not read packages: a job with a `permissions:` block needs `packages: read` in it ' +
            `(${DOCS}/actions/writing-workflows/workflow-syntax-for-github-actions#permissions).`,
        // "If the package is private, only workflows running in repositories that are given read permission on that package can download the package."
        '- This repository has no access to the package: in the package\'s settings, under "Manage Actions access", add the repository with the Read role ' +
            `(${DOCS}/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility#ensuring-workflow-access-to-your-package).`,
        // A package pushed with the label inherits the linked repository's access, its workflows included.
        `- The package is not linked to the repository: build it with the label org.opencontainers.image.source=<the repository's URL> ` +
            "(resolve-image's `labels` output), or connect it in the package's settings " +
            `(${DOCS}/packages/learn-github-packages/connecting-a-repository-to-a-package).`,
    ];
}
/** The GHCR causes of a refusal, with where to read more. */
function ghcrDeniedHint() {
    return [
        'On ghcr.io the usual causes are:',
        ...ghcrDeniedCauses(),
        `See "Working with the Container registry" (${DOCS}/packages/working-with-a-github-packages-registry/working-with-the-container-registry).`,
    ].join('\n');
}
/** Why the registry refused to serve an image of `registry`, and what to do about it. */
function deniedHint(registry) {
    return isGhcr(registry)
        ? ghcrDeniedHint()
        : `Log in to ${registry} before this step (docker/login-action) with an account that may pull the image.`;
}
/** Why a tag is not in the registry: almost always, nothing pushed it (yet). */
function missingTagHint(reference) {
    const commitTag = /:pr-\d+-sha-[0-9a-f]{7}$/.test(reference);
    return commitTag
        ? `Nothing pushed this tag: the build must push pr-<N>-sha-<7> as well as pr-<N>. Pass resolve-image's \`tags\` output to docker/build-push-action's \`tags\` input with \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`
        : `Nothing pushed this tag: check the build's \`tags\` and \`push: true\` (${DOCS}/actions/tutorials/publish-packages/publish-docker-images).`;
}


/***/ }),

/***/ 2837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RegistryError: () => (/* reexport */ RegistryError),
  inspectImage: () => (/* binding */ inspectImage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/labels.ts
var labels = __webpack_require__(6236);
;// CONCATENATED MODULE: ./src/core/image-manifest.ts
// What a registry answers about an image, read without I/O: the document a tag resolves to (an
// OCI image index, a Docker manifest list, or one OCI or Docker v2 image manifest), the platform
// manifest whose config to read, and the labels in that config.
//
// Formats: OCI image spec (image-index.md, manifest.md, config.md,
// https://github.com/opencontainers/image-spec) and Docker's Image Manifest V2, Schema 2
// (https://distribution.github.io/distribution/spec/manifest-v2-2/), the two GHCR stores
// (GitHub Docs, "Working with the Container registry": "About Container registry support").



const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_MANIFEST_LIST]);
const MANIFEST_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);
/** The Accept header of a manifest request: every type this module reads, and no other. */
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(', ');
function digestOf(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function stringMap(value) {
    const record = asRecord(value) ?? {};
    return Object.fromEntries(Object.entries(record).filter((entry) => typeof entry[1] === 'string'));
}
function parseJson(text, what) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`The registry's ${what} is not JSON.`);
    }
    const record = asRecord(value);
    if (!record)
        throw new Error(`The registry's ${what} is not a JSON object.`);
    return record;
}
function parseDescriptor(value, what) {
    const d = asRecord(value);
    if (!d || typeof d.digest !== 'string')
        throw new Error(`The registry's ${what} has a descriptor without a digest.`);
    const platform = asRecord(d.platform);
    return {
        mediaType: typeof d.mediaType === 'string' ? d.mediaType : undefined,
        digest: d.digest,
        size: typeof d.size === 'number' ? d.size : undefined,
        platform: platform && typeof platform.os === 'string' && typeof platform.architecture === 'string'
            ? {
                os: platform.os,
                architecture: platform.architecture,
                ...(typeof platform.variant === 'string' && platform.variant !== '' ? { variant: platform.variant } : {}),
            }
            : undefined,
        annotations: d.annotations === undefined ? undefined : stringMap(d.annotations),
    };
}
/**
 * Reads a manifest or index. Its type comes from its own `mediaType` field, else from the
 * response's Content-Type (the distribution spec: "the Content-Type header will indicate which
 * manifest type is being returned"), else from its shape (OCI's `mediaType` is only a SHOULD).
 */
function parseManifest(body, contentType) {
    const json = parseJson(body, 'manifest');
    const headerType = contentType?.split(';')[0]?.trim() || undefined;
    const shape = Array.isArray(json.manifests) ? OCI_INDEX : asRecord(json.config) ? OCI_MANIFEST : undefined;
    const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? headerType ?? shape;
    if (mediaType !== undefined && INDEX_TYPES.has(mediaType)) {
        if (!Array.isArray(json.manifests))
            throw new Error(`The registry's ${mediaType} has no manifests list.`);
        return { kind: 'index', mediaType, manifests: json.manifests.map((m) => parseDescriptor(m, 'index')) };
    }
    if (mediaType !== undefined && MANIFEST_TYPES.has(mediaType)) {
        return { kind: 'manifest', mediaType, config: parseDescriptor(json.config, 'manifest') };
    }
    throw new Error(`The registry answered a manifest of type ${mediaType ?? '(unknown)'}; ci-image reads ${[...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')}.`);
}
function formatPlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter((part) => part !== undefined && part !== '').join('/');
}
/**
 * An attestation manifest that BuildKit adds to an index (SBOM, provenance) is no image: it is
 * marked `vnd.docker.reference.type: attestation-manifest` on platform `unknown/unknown`
 * (moby/buildkit, docs/attestations/attestation-storage.md).
 */
function isAttestation(descriptor) {
    if (descriptor.annotations?.['vnd.docker.reference.type'] !== undefined)
        return true;
    return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}
function isImageManifest(descriptor) {
    return !isAttestation(descriptor) && (descriptor.mediaType === undefined || MANIFEST_TYPES.has(descriptor.mediaType));
}
/** The platforms of an index's images, attestations left out. */
function indexPlatforms(index) {
    return index.manifests.filter(isImageManifest).flatMap((d) => (d.platform ? [formatPlatform(d.platform)] : []));
}
/**
 * The manifest whose config to read: linux/amd64 (what GitHub-hosted runners run) when there is
 * one, else the first image of the index. Every platform of one build carries the same labels.
 */
function choosePlatformManifest(index) {
    const images = index.manifests.filter(isImageManifest);
    const chosen = images.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64') ?? images[0];
    if (!chosen)
        throw new Error(`The image index lists no image manifest, only ${index.manifests.length} attestation(s) or other artifacts.`);
    return chosen;
}
/** An image config (OCI config.md, Docker's image JSON): the labels live in `config.Labels`. */
function parseImageConfig(body) {
    if (body.trim() === 'null')
        return { labels: {} };
    const json = parseJson(body, 'image config');
    const labels = stringMap(asRecord(json.config)?.Labels);
    const { os, architecture, variant } = json;
    const platform = typeof os === 'string' && typeof architecture === 'string'
        ? formatPlatform({ os, architecture, variant: typeof variant === 'string' ? variant : undefined })
        : undefined;
    return { labels, platform };
}
/** The answer of an inspection, from the document the reference resolves to and the chosen image's config. */
function describeImage(reference, resolved, config, platform) {
    const { document } = resolved;
    const chosenPlatform = platform ?? config.platform;
    return {
        reference,
        digest: resolved.digest,
        pinned: reference.includes('@') ? reference : (0,image_ref/* pinnedReference */.ct)(reference, resolved.digest),
        mediaType: document.mediaType,
        platforms: document.kind === 'index' ? indexPlatforms(document) : chosenPlatform ? [chosenPlatform] : [],
        platform: chosenPlatform,
        labels: config.labels,
        revision: config.labels[labels/* REVISION_LABEL */.P1],
        source: config.labels[labels/* SOURCE_LABEL */.Rc],
    };
}

;// CONCATENATED MODULE: ./src/core/registry-access.ts
// How to reach a registry's HTTP API and answer its challenge, decided without I/O: the base URL
// of a registry, the parameters of a `WWW-Authenticate` challenge, and where a token may be sent.
/** Docker Hub's API does not live at docker.io (containerd, remotes/docker/registry.go: docker.io → registry-1.docker.io). */
const API_HOSTS = { 'docker.io': 'registry-1.docker.io' };
/**
 * Loopback registries speak plain HTTP, as containerd assumes for them (remotes/docker/registry.go,
 * MatchLocalhost: localhost, 127.0.0.1, ::1); every other registry is reached over HTTPS.
 */
function isLoopback(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}
/** `https://ghcr.io`, `https://registry-1.docker.io`, `http://127.0.0.1:5000`. */
function registryBaseUrl(registry) {
    const host = API_HOSTS[registry] ?? registry;
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
const PARAM = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
/**
 * The first challenge of a `WWW-Authenticate` header (RFC 7235 auth-params, as the token
 * specification shows it: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"`,
 * distribution/distribution, docs/content/spec/auth/token.md). Quoted values may hold commas.
 */
function parseChallenge(header) {
    const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?:\s+|$)/.exec(header);
    if (!scheme)
        return undefined;
    const params = {};
    PARAM.lastIndex = scheme[0].length;
    for (let m = PARAM.exec(header); m; m = PARAM.exec(header)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
        if (PARAM.lastIndex >= header.length)
            break;
    }
    return { scheme: scheme[1].toLowerCase(), params };
}
/**
 * Whether the GitHub token may be sent to answer a challenge: only to a registry it was given for
 * (ghcr.io by default), and for a bearer challenge only to a realm on that same host, over HTTPS
 * (plain HTTP on loopback alone). A registry, or a realm, elsewhere asks anonymously: the token is
 * worth more than any image.
 */
function mayReceiveToken(registryUrl, tokenHosts, realm) {
    const registry = new URL(registryUrl);
    if (!tokenHosts.map((h) => h.toLowerCase()).includes(registry.host.toLowerCase()))
        return false;
    if (realm === undefined)
        return true;
    let target;
    try {
        target = new URL(realm);
    }
    catch {
        return false;
    }
    const secure = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopback(target.host));
    return secure && target.host.toLowerCase() === registry.host.toLowerCase();
}

// EXTERNAL MODULE: ./src/core/registry-hints.ts
var registry_hints = __webpack_require__(6439);
;// CONCATENATED MODULE: ./src/registry/errors.ts
// A registry's answer that ends an inspection, sorted by what the caller can do about it.
class RegistryError extends Error {
    fault;
    constructor(fault, message) {
        super(message);
        this.fault = fault;
        this.name = 'RegistryError';
    }
}
function isRetryable(error) {
    return error instanceof RegistryError && (error.fault === 'missing' || error.fault === 'unavailable');
}

;// CONCATENATED MODULE: ./src/registry/http.ts



const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** `DENIED: requested access to the resource is denied`, from the distribution spec's error body. */
function errorText(reply) {
    const text = new TextDecoder().decode(reply.bytes);
    try {
        const errors = JSON.parse(text).errors ?? [];
        const described = errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean);
        if (described.length > 0)
            return `${reply.status} ${described.join('; ')}`;
    }
    catch {
        // Not the spec's error body: the status says enough.
    }
    return String(reply.status);
}
function fail(reply, what, host) {
    const why = errorText(reply);
    if (reply.status === 401 || reply.status === 403)
        return new RegistryError('denied', `${host} refused to serve ${what} (${why}).`);
    if (reply.status === 404)
        return new RegistryError('missing', `${what} is not in ${host} (${why}).`);
    if (reply.status === 429 || reply.status >= 500)
        return new RegistryError('unavailable', `${host} failed to serve ${what} (${why}).`);
    return new RegistryError('invalid', `${host} answered ${why} for ${what}.`);
}
function httpTransport(ref, o) {
    const base = registryBaseUrl(ref.registry);
    const host = new URL(base).host;
    let authorization;
    /** One GET, redirects followed by hand so that credentials never follow to another origin (a blob CDN). */
    async function send(url, accept, auth) {
        let target = url;
        for (let hop = 0;; hop++) {
            let response;
            try {
                const sameOrigin = target.origin === url.origin;
                response = await o.fetch(target, {
                    headers: { accept, 'user-agent': 'ci-image', ...(auth && sameOrigin ? { authorization: auth } : {}) },
                    redirect: 'manual',
                    signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
                });
            }
            catch (error) {
                const cause = error instanceof Error ? (error.cause?.message ?? error.message) : String(error);
                throw new RegistryError('unavailable', `Cannot reach ${target.host}: ${cause}.`);
            }
            const location = response.headers.get('location');
            if (REDIRECTS.has(response.status) && location && hop < MAX_REDIRECTS) {
                await response.body?.cancel();
                target = new URL(location, target);
                continue;
            }
            return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
        }
    }
    /** A bearer token from the challenge's realm, with the GitHub token only where it may go. */
    async function bearer(challenge) {
        const realm = challenge.params.realm;
        let url;
        try {
            url = new URL(realm ?? '');
        }
        catch {
            throw new RegistryError('invalid', `${host} asked for a bearer token without a valid realm ("${realm ?? ''}").`);
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        const scopes = (challenge.params.scope ?? `repository:${ref.path}:pull`).split(' ').filter(Boolean);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const credentials = o.token && mayReceiveToken(base, o.tokenHosts, url.href) ? basic(o.token) : undefined;
        const reply = await send(url, 'application/json', credentials);
        if (reply.status !== 200)
            throw fail(reply, `a token for ${ref.path} (${credentials ? 'with' : 'without'} the GitHub token)`, url.host);
        let token;
        try {
            const json = JSON.parse(new TextDecoder().decode(reply.bytes));
            // "At least one of these fields must be specified" (token.md, Token Response Fields).
            token = json.token ?? json.access_token;
        }
        catch {
            token = undefined;
        }
        if (typeof token !== 'string' || token === '')
            throw new RegistryError('invalid', `${url.host} answered no token.`);
        return `Bearer ${token}`;
    }
    function basic(token) {
        const username = o.username ?? (process.env.GITHUB_ACTOR || 'ci-image');
        return `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
    }
    async function answer(challengeHeader) {
        const challenge = parseChallenge(challengeHeader ?? '');
        if (challenge?.scheme === 'bearer')
            return bearer(challenge);
        if (challenge?.scheme === 'basic' && o.token && mayReceiveToken(base, o.tokenHosts))
            return basic(o.token);
        return undefined;
    }
    /** GET with the registry's auth: anonymous first, then the answer to its challenge, once. */
    async function get(path, accept, what) {
        const url = new URL(path, base);
        let reply = await send(url, accept, authorization);
        if (reply.status === 401) {
            const answered = await answer(reply.headers.get('www-authenticate'));
            if (answered !== undefined) {
                authorization = answered;
                reply = await send(url, accept, authorization);
            }
        }
        if (reply.status !== 200)
            throw fail(reply, what, host);
        return reply;
    }
    /** The manifest at `reference` (a tag or a digest), its digest checked as the distribution spec asks. */
    async function manifest(reference) {
        const what = `${ref.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
        const reply = await get(`/v2/${ref.path}/manifests/${reference}`, MANIFEST_ACCEPT, what);
        const digest = digestOf(reply.bytes);
        // "the client MUST always verify the content against the digest used to fetch the content"; by
        // tag, the Docker-Content-Digest header is what the registry says it holds.
        const claimed = reference.startsWith('sha256:') ? reference : reply.headers.get('docker-content-digest');
        if (claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new RegistryError('invalid', `${host} served ${what} with digest ${digest}, not ${claimed}.`);
        }
        try {
            return { digest, document: parseManifest(new TextDecoder().decode(reply.bytes), reply.headers.get('content-type') ?? undefined) };
        }
        catch (error) {
            throw new RegistryError('invalid', `${what}: ${error.message}`);
        }
    }
    return {
        via: 'http',
        resolve: () => manifest(ref.digest ?? ref.tag),
        async config(digest, resolved) {
            const document = digest === resolved.digest ? resolved.document : (await manifest(digest)).document;
            if (document.kind !== 'manifest')
                throw new RegistryError('invalid', `${ref.repository}@${digest} is an index, not an image manifest.`);
            const blob = document.config;
            const reply = await get(`/v2/${ref.path}/blobs/${blob.digest}`, blob.mediaType ?? '*/*', `the config of ${ref.repository}@${digest}`);
            if (digestOf(reply.bytes) !== blob.digest)
                throw new RegistryError('invalid', `${host} served a config that does not match ${blob.digest}.`);
            try {
                return parseImageConfig(new TextDecoder().decode(reply.bytes));
            }
            catch (error) {
                throw new RegistryError('invalid', `The config of ${ref.repository}@${digest}: ${error.message}`);
            }
        },
    };
}

// EXTERNAL MODULE: ./src/vendor/exec.ts
var exec = __webpack_require__(6509);
// EXTERNAL MODULE: ./src/core/command-output.ts
var command_output = __webpack_require__(8566);
;// CONCATENATED MODULE: ./src/registry/imagetools.ts
// `docker buildx imagetools inspect`: the registry read with the runner's docker login, argument
// arrays only (never a shell). What it prints, from docker/buildx's source:
// - `--raw` prints the bytes the reference resolves to, unchanged and without a newline "to keep
//   digest" (util/imagetools/printers.go, Printer.Print), so their sha256 is the digest;
// - `--format '{{json .Image}}'` prints the image config as indented JSON (printers.go, the `json`
//   template function); for one image (a reference pinned to a platform manifest's digest) it is
//   that image's config object, for several platforms a map by platform (tplInputs), and `null`
//   when there is no config. `--format` and `--raw` cannot be combined (commands/imagetools/inspect.go).




// Retrying cannot fix credentials. containerd's messages: "unexpected status from GET request to
// …/token?…: 401 Unauthorized", "…: 403 Forbidden"; GHCR's: "denied: …", "unauthorized: …".
const DENIED = /unauthori[sz]ed|denied|forbidden|authentication required|no basic auth credentials|\b40[13]\b/i;
// containerd's resolver: "<reference>: not found" (remotes/docker/resolver.go); registries: MANIFEST_UNKNOWN, NAME_UNKNOWN.
const MISSING = /: not found\b|manifest unknown|name unknown/i;
async function docker(args) {
    try {
        return await (0,exec/* getExecOutput */.H)('docker', args, { ignoreReturnCode: true, silent: true });
    }
    catch {
        // @actions/exec throws only when it cannot start the program.
        return undefined;
    }
}
/** Whether a docker CLI with the buildx plugin is on PATH. */
async function hasBuildx() {
    const result = await docker(['buildx', 'version']);
    return result !== undefined && result.exitCode === 0;
}
async function imagetools(args, what) {
    const command = ['buildx', 'imagetools', 'inspect', ...args];
    const result = await docker(command);
    if (result === undefined)
        throw new RegistryError('unavailable', 'Cannot run docker.');
    if (result.exitCode === 0)
        return result.stdout;
    const why = (0,command_output/* lastLines */.w)(result.stderr || result.stdout) || `exit code ${result.exitCode}`;
    const message = `docker ${command.join(' ')} failed: ${why}`;
    if (DENIED.test(why))
        throw new RegistryError('denied', message);
    if (MISSING.test(why))
        throw new RegistryError('missing', message);
    // Anything else (a network fault, a registry error): worth another try, like a pull.
    throw new RegistryError('unavailable', `${message} (reading ${what})`);
}
function imagetoolsTransport(ref, reference) {
    return {
        via: 'docker',
        async resolve() {
            const raw = await imagetools(['--raw', reference], reference);
            const digest = digestOf(Buffer.from(raw, 'utf8'));
            if (ref.digest !== undefined && ref.digest !== digest) {
                throw new RegistryError('invalid', `docker buildx imagetools printed content with digest ${digest} for ${reference}.`);
            }
            try {
                return { digest, document: parseManifest(raw) };
            }
            catch (error) {
                throw new RegistryError('invalid', `${reference}: ${error.message}`);
            }
        },
        async config(digest) {
            // Pinned to the manifest's digest: one image, whatever the tag points to by now.
            const pinned = `${ref.repository}@${digest}`;
            const printed = await imagetools(['--format', '{{json .Image}}', pinned], pinned);
            try {
                return parseImageConfig(printed);
            }
            catch (error) {
                throw new RegistryError('invalid', `The config of ${pinned}: ${error.message}`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/inspect.ts
// Reads from the registry what an image reference points to: its digest, its platforms and the
// labels of its config, through the runner's docker login when docker buildx is there, else the
// registry's HTTP API with the GitHub token. Registries can lag a push by seconds: a missing tag is
// asked again, backing off.








async function withRetries(reference, transport, o) {
    const attempts = o.attempts ?? 4;
    let delay = o.firstDelayMs ?? 5_000;
    for (let attempt = 1;; attempt++) {
        try {
            const resolved = await transport.resolve();
            const chosen = resolved.document.kind === 'index' ? choosePlatformManifest(resolved.document) : undefined;
            const config = await transport.config(chosen?.digest ?? resolved.digest, resolved);
            const platform = chosen?.platform ? formatPlatform(chosen.platform) : undefined;
            return { ...describeImage(reference, resolved, config, platform), via: transport.via };
        }
        catch (error) {
            if (!isRetryable(error) || attempt >= attempts) {
                if (error instanceof RegistryError && attempt > 1)
                    throw new RegistryError(error.fault, `${error.message} (${attempt} tries)`);
                throw error;
            }
            const why = error.message.split('\n')[0];
            o.log?.(`${why}${/[.)]$/.test(why) ? '' : '.'} The registry may lag the build: trying again in ${Math.round(delay / 1000)}s.`);
            await o.sleep(delay);
            delay *= 2;
        }
    }
}
/** The error to show: what failed, then what usually causes it. */
function explained(error, ref, reference) {
    if (!(error instanceof RegistryError))
        return error;
    if (error.fault === 'denied')
        return new RegistryError('denied', `${error.message}\n${(0,registry_hints/* deniedHint */.vU)(ref.registry)}`);
    if (error.fault === 'missing')
        return new RegistryError('missing', `${error.message}\n${(0,registry_hints/* missingTagHint */.ID)(reference)}`);
    return error;
}
/**
 * What `reference` (a tag, or a digest) points to in its registry. Throws a RegistryError whose
 * message says what usually causes the fault; its `fault` tells a refusal from a missing tag.
 */
async function inspectImage(reference, o) {
    const ref = (0,image_ref/* parseImageReference */.o_)(reference);
    if (ref.tag === undefined && ref.digest === undefined) {
        throw new Error(`"${reference}" names no tag or digest: ci-image reads one image, e.g. ${reference}:pr-42.`);
    }
    const tokenHosts = o.tokenHosts ?? ['ghcr.io'];
    const overHttp = () => withRetries(reference, httpTransport(ref, { ...o, tokenHosts, fetch: o.fetch ?? fetch }), o);
    if (o.docker !== 'never' && (await hasBuildx())) {
        try {
            return await withRetries(reference, imagetoolsTransport(ref, reference), o);
        }
        catch (error) {
            const tokenHelps = o.token !== undefined && o.token !== '' && mayReceiveToken(registryBaseUrl(ref.registry), tokenHosts);
            if (!(error instanceof RegistryError && error.fault === 'denied' && tokenHelps))
                throw explained(error, ref, reference);
            o.log?.(`docker's login was refused (${error.message.split('\n')[0]}); reading the registry's HTTP API with the GitHub token instead.`);
        }
    }
    else if (o.docker !== 'never') {
        o.log?.('docker buildx is not available: reading the registry over its HTTP API.');
    }
    try {
        return await overHttp();
    }
    catch (error) {
        throw explained(error, ref, reference);
    }
}


/***/ }),

/***/ 6509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ getExecOutput)
/* harmony export */ });
async function getExecOutput(...args) {
    return (await __webpack_require__.e(/* import() */ 729).then(__webpack_require__.bind(__webpack_require__, 7729))).getExecOutput(...args);
}


/***/ })

};
;