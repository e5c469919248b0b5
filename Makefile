# Build and deploy; docs/deploy.md walks through it.
#
# `sam build` runs build-SkillFunction (template.yaml: BuildMethod makefile) with ARTIFACTS_DIR set
# to .aws-sam/build/SkillFunction; `make build-SkillFunction` alone builds into build/lambda.
# The artifact is the package (content/ and the interaction model bundled) and its runtime
# dependencies with the DynamoDB adapter, as wheels for Lambda's python3.12 on arm64, less what
# the runtime already has and what Lambda never runs.
ARTIFACTS_DIR ?= build/lambda
PYTHON ?= python3
# A Python 3.12 compiles the .pyc files Lambda's python3.12 imports (it cannot write them itself);
# without one the artifact has no .pyc and Lambda compiles every module at each cold start.
# The first python3.12 that runs: on PATH, else pyenv's; or set PYTHON312=/path/to/python3.12.
ifndef PYTHON312
PYTHON312 := $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null \
	&& { command -v "$$p"; break; }; done)
endif
LAMBDA_PLATFORM := --platform manylinux2014_aarch64 --implementation cp --python-version 3.12 \
	--only-binary=:all:
# The python3.12 runtime ships boto3 and what it needs of these; keep the rest (it lacks them).
RUNTIME_PROVIDED := boto3 botocore s3transfer jmespath
# Lambda never runs these: the offline simulator, its fuzzy matcher, console scripts.
LEFT_OUT := skill/simulator skill/console rapidfuzz bin

STACK ?= toe-twitch-helper
PROFILE ?= default
REGION ?= us-east-1
PAGES_URL ?=

build-SkillFunction:
	rm -rf "$(ARTIFACTS_DIR)/.wheels"
	$(PYTHON) -m pip wheel . --no-deps --quiet --wheel-dir "$(ARTIFACTS_DIR)/.wheels"
	$(PYTHON) -m pip install "$$(ls "$(ARTIFACTS_DIR)"/.wheels/*.whl)[lambda]" \
		--target "$(ARTIFACTS_DIR)" $(LAMBDA_PLATFORM) --no-compile --upgrade --quiet
	rm -rf "$(ARTIFACTS_DIR)/.wheels"
	$(prune)
	$(compile)
	# The parsed content's cache: Lambda's folder is read-only, so it cannot write one itself.
	PYTHONPATH="$(ARTIFACTS_DIR)" $(PYTHON) -B -m skill.rules.content --write-cache "$(ARTIFACTS_DIR)/skill/content"

# Leave out what the runtime provides or Lambda never runs, and bytecode of another Python.
lambda-prune:
	$(prune)

define prune
	cd "$(ARTIFACTS_DIR)" && rm -rf $(LEFT_OUT) $(RUNTIME_PROVIDED) \
		$(foreach name,$(RUNTIME_PROVIDED) $(LEFT_OUT),$(notdir $(name))-*.dist-info)
	find "$(ARTIFACTS_DIR)" -name __pycache__ -type d -prune -exec rm -rf {} +
	find "$(ARTIFACTS_DIR)" -name "*.py[co]" -delete
endef

# Bytecode for Python 3.12, hash-checked: a zip keeps modification times only to two seconds,
# which would make timestamp-checked .pyc look stale. ask_sdk_model (about 700 generated modules,
# half the artifact) ships as bytecode alone, which keeps the artifact under 15 MB.
lambda-compile:
	$(compile)

define compile
	if [ -n "$(PYTHON312)" ]; then \
		"$(PYTHON312)" -W ignore::SyntaxWarning -m compileall -q -j 0 -b \
			--invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)/ask_sdk_model" > /dev/null \
		&& find "$(ARTIFACTS_DIR)/ask_sdk_model" -name "*.py" -delete \
		&& "$(PYTHON312)" -W ignore::SyntaxWarning -m compileall -q -j 0 \
			--invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)" > /dev/null; \
	else \
		echo "note: no python3.12 here, so the artifact has no .pyc (cold starts compile)" >&2; \
	fi
endef

# The first upload: creates the skill (no endpoint yet) and saves its id in .ask/ask-states.json.
skill-create:
	toe-twitch deploy --profile $(PROFILE) package --no-endpoint
	ask deploy --target skill-metadata --profile $(PROFILE)

# Every later deploy: the stack for the saved skill id, then the package with its endpoints.
deploy:
	toe-twitch deploy --profile $(PROFILE) check
	toe-twitch deploy --profile $(PROFILE) skill-id > /dev/null
	sam build --build-in-source
	sam deploy --stack-name $(STACK) --region $(REGION) --resolve-s3 --capabilities CAPABILITY_IAM \
		--no-fail-on-empty-changeset \
		--parameter-overrides SkillId=$$(toe-twitch deploy --profile $(PROFILE) skill-id)
	mkdir -p build
	sam list stack-outputs --stack-name $(STACK) --region $(REGION) --output json > build/stack-outputs.json
	toe-twitch deploy --profile $(PROFILE) package --stack-outputs build/stack-outputs.json \
		$(if $(PAGES_URL),--pages-url $(PAGES_URL))
	ask deploy --target skill-metadata --profile $(PROFILE)

clean:
	rm -rf build .aws-sam

.PHONY: build-SkillFunction lambda-prune lambda-compile skill-create deploy clean
