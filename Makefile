# `sam build` calls build-SkillFunction: the package (with content/ bundled) and its
# runtime dependencies (with the DynamoDB adapter), as wheels for Lambda's python3.12 on arm64.
ARTIFACTS_DIR ?= build/lambda

build-SkillFunction:
	python3 -m pip wheel . --no-deps --wheel-dir "$(ARTIFACTS_DIR)/.wheels"
	python3 -m pip install "$$(ls "$(ARTIFACTS_DIR)"/.wheels/*.whl)[lambda]" --target "$(ARTIFACTS_DIR)" \
		--platform manylinux2014_aarch64 --implementation cp --python-version 3.12 \
		--only-binary=:all: --upgrade
	rm -rf "$(ARTIFACTS_DIR)/.wheels"

.PHONY: build-SkillFunction
