# The developer commands of the CI image workflow, on this repository's own image (Dockerfile.ci).
# `make docker-pull` gets the image CI uses for this branch; `make docker-dev`,
# `make docker-build-fast` and `make docker-gen-local` try a changed Dockerfile.ci before pushing it.
# Every value reaches docker as one quoted argument; a branch name never reaches a shell here
# (resolve-image prints a sanitised image reference).

DOCKERFILE ?= Dockerfile.ci
# The image built from this working tree: never pushed, never what CI uses.
LOCAL_IMAGE ?= ci-image:local
# Which image CI uses. In another repository, the npx line of a release's notes (docs/local-use.md).
RESOLVE_IMAGE ?= node dist/index.js resolve-image
# resolve-image's options, as variables: make docker-pull IMAGE=registry.example/team/app/ci PR=42
# BASE=main. Exported, they reach the recipe's shell as variables, never as text of a command.
export IMAGE PR BASE
# docker-gen-local writes dist/ and node_modules/ as you, not as the image's root.
RUN_AS ?= $(shell id -u):$(shell id -g)

.PHONY: docker-pull docker-dev docker-build-fast docker-gen-local gen

## docker-pull: pull the image CI uses for this branch (options: IMAGE=repository, PR=number, BASE=branch)
docker-pull:
	@image="$$($(RESOLVE_IMAGE) $${IMAGE:+--image "$$IMAGE"} $${PR:+--pr-number "$$PR"} $${BASE:+--base "$$BASE"})" || { \
		echo 'Through make, give the options as variables: make docker-pull IMAGE=registry.example/team/app/ci (--image), PR=42 (--pr-number), BASE=main (--base).' >&2; \
		exit 1; }; \
	echo "docker pull $$image" && docker pull "$$image"

## docker-dev: build $(DOCKERFILE) afresh (newest base image) and open a shell in it, this directory at /workspace
docker-dev:
	docker build --pull -f "$(DOCKERFILE)" -t "$(LOCAL_IMAGE)" .
	docker run --rm -it -v "$(CURDIR)":/workspace -w /workspace "$(LOCAL_IMAGE)" bash

## docker-build-fast: rebuild $(DOCKERFILE) from docker's layer cache and the base image already here
docker-build-fast:
	docker build -f "$(DOCKERFILE)" -t "$(LOCAL_IMAGE)" .

## docker-gen-local: regenerate dist/ inside the local image, as check-generate does in CI
docker-gen-local: docker-build-fast
	docker run --rm --user "$(RUN_AS)" -e HOME=/tmp -v "$(CURDIR)":/workspace -w /workspace "$(LOCAL_IMAGE)" \
		sh -c 'npm ci && npm run bundle'

## gen: regenerate dist/ with the Node on this machine
gen:
	npm run bundle
