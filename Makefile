# Gatehouse build, generation, tests and bundles.
#   make          build the release binaries, generate the plugin artifacts, bundle
#   make test     unit tests, end-to-end tests against the real host CLIs, drift check
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

SWIFT       ?= swift
RELEASE_DIR := .build/release
TOOLS       := $(CURDIR)/.tools
CLAUDE_BIN  := $(TOOLS)/claude/claude
CLAUDE_PLUGIN_BIN := plugins/claude/bin
POLICY_PACK := policies/builtin
POLICY_PACK_SWIFT := Sources/HookCore/Engine/BuiltinPack.generated.swift
# Policy commands run by make see no managed or user files of this machine.
POLICY_ENV := GATEHOUSE_POLICY_DIRS_MANAGED= GATEHOUSE_POLICY_DIRS_USER=
CODEX_BIN   := $(TOOLS)/codex/codex_cli_bin/bin/codex
HOSTS       := claude codex cursor
VERSION     = $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/HookCore/Version.swift)
SYSTEM_PACKAGES := libcurl4-openssl-dev libyaml-dev pkg-config
# Release builds map the checkout path away, so binaries (and bundles) do not depend
# on where the repository was cloned. No $$ORIGIN rpath: the hooks are static PIE.
SWIFT_RELEASE := -c release --static-swift-stdlib --disable-local-rpath -Xswiftc -file-prefix-map -Xswiftc $(CURDIR)=. -Xcc -ffile-prefix-map=$(CURDIR)=.
# Where the release assets of this version are downloadable (release catalogs name it).
RELEASE_BASE_URL ?= https://github.com/gatehouse-dev/gatehouse/releases/download/v$(VERSION)
# Fixed mtime of every bundle entry: the last commit's time, so two runs match.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
# The placeholder values of the committed managed-settings/ templates.
FLEET_PLACEHOLDERS = --endpoint https://gatehouse-agent.example.com --ref v$(VERSION) --mode enforce

.PHONY: all deps deps-e2e build generate check-generated test unit-test policy-test bench quality bundle clean help

all: build generate bundle ## Build, generate and bundle (the main job)

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

deps: ## Install the system libraries (apt-get when root), or say how
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  if pkg-config --exists libcurl yaml-0.1 2>/dev/null; then exit 0; fi; \
	  echo "Gatehouse needs libcurl and libyaml development files (pkg-config libcurl, yaml-0.1)."; \
	  echo "On macOS: brew install curl libyaml pkg-config"; exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "==> installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "Missing system packages:$$missing"; \
	  echo "Run: sudo apt-get install -y$$missing"; exit 1; fi

deps-e2e: ## Install the real host CLIs used by end-to-end tests into .tools/
	@scripts/install-claude-cli.sh
	@scripts/install-codex-cli.sh

build: deps ## Build release binaries (static Swift stdlib) and place them in every plugin's bin/
	@echo "==> swift build -c release (static stdlib)"
	@for product in $(addprefix gatehouse-,$(HOSTS)) gatehouse; do \
	  $(SWIFT) build $(SWIFT_RELEASE) --product $$product; done
	@for host in $(HOSTS); do \
	  mkdir -p plugins/$$host/bin; \
	  install -m 0755 $(RELEASE_DIR)/gatehouse-$$host plugins/$$host/bin/gatehouse-$$host; \
	  install -m 0755 $(RELEASE_DIR)/gatehouse plugins/$$host/bin/gatehouse; done
	@echo "==> hook binaries in plugins/{$$(echo $(HOSTS) | tr ' ' ,)}/bin/"

generate: build ## Regenerate the committed plugin artifacts of every host and the compiled policy pack
	@for host in $(HOSTS); do $(RELEASE_DIR)/gatehouse-$$host generate --source . >/dev/null; done
	@echo "==> generated plugins/{$$(echo $(HOSTS) | tr ' ' ,)} and the root marketplace catalogs"
	@tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	$(RELEASE_DIR)/gatehouse policy compile $(POLICY_PACK) --out "$$tmp"; \
	if ! cmp -s "$$tmp" $(POLICY_PACK_SWIFT); then \
	  cp "$$tmp" $(POLICY_PACK_SWIFT); echo "==> regenerated $(POLICY_PACK_SWIFT); rebuilding"; \
	  $(MAKE) --no-print-directory build; \
	else echo "==> $(POLICY_PACK_SWIFT) is up to date"; fi
	@$(RELEASE_DIR)/gatehouse fleet render $(FLEET_PLACEHOLDERS) --schemas schemas/vendor --out managed-settings >/dev/null
	@echo "==> generated managed-settings/ (fleet templates, validated against schemas/vendor)"

check-generated: build ## Fail if committed artifacts differ from what the generators write
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for host in $(HOSTS); do $(RELEASE_DIR)/gatehouse-$$host generate --source . --output "$$tmp" >/dev/null; done; \
	drift=0; \
	while IFS= read -r f; do \
	  if ! cmp -s "$$tmp/$$f" "$$f"; then echo "drift: $$f differs from its generator"; drift=1; fi; \
	done < <(cd "$$tmp" && find . -type f | sed 's|^\./||' | sort); \
	while IFS= read -r f; do \
	  [ -e "$$tmp/$$f" ] || { echo "drift: $$f is committed but no generator writes it"; drift=1; }; \
	done < <(find $(addprefix plugins/,$(HOSTS)) .claude-plugin .agents/plugins .cursor-plugin -type f -not -path '*/bin/*' | sort); \
	$(RELEASE_DIR)/gatehouse policy compile $(POLICY_PACK) --out "$$tmp/pack.swift"; \
	if ! cmp -s "$$tmp/pack.swift" $(POLICY_PACK_SWIFT); then \
	  echo "drift: $(POLICY_PACK_SWIFT) differs from $(POLICY_PACK)/*.yaml"; drift=1; fi; \
	$(RELEASE_DIR)/gatehouse fleet render $(FLEET_PLACEHOLDERS) --schemas schemas/vendor --out "$$tmp/managed-settings" >/dev/null; \
	while IFS= read -r f; do \
	  if ! cmp -s "$$tmp/$$f" "$$f"; then echo "drift: $$f differs from gatehouse fleet render"; drift=1; fi; \
	done < <(cd "$$tmp" && find managed-settings -type f | sort); \
	while IFS= read -r f; do \
	  [ -e "$$tmp/$$f" ] || { echo "drift: $$f is committed but fleet render does not write it"; drift=1; }; \
	done < <(find managed-settings -type f -not -name README.md | sort); \
	if [ $$drift = 1 ]; then echo "Run 'make generate' and commit the result."; exit 1; fi; \
	echo "==> generated artifacts match their generators"

unit-test: deps ## Unit tests only (no host CLIs)
	@$(SWIFT) test --filter 'HookCoreTests|PolicyFilesTests|GatehouseFleetTests'

policy-test: build ## Run the tests: cases of the built-in policy pack (gatehouse policy test)
	@$(POLICY_ENV) $(RELEASE_DIR)/gatehouse policy test $(POLICY_PACK) --failures-only

test: deps deps-e2e build check-generated policy-test ## Unit and end-to-end tests (real Claude Code and Codex CLIs)
	@echo "==> swift test"
	@GATEHOUSE_CLAUDE_CLI=$(CLAUDE_BIN) GATEHOUSE_CODEX_CLI=$(CODEX_BIN) $(SWIFT) test

bench: build ## Hook latency against a static hello world, measured in one run
	@mkdir -p .build/bench
	@swiftc -O -static-stdlib bench/hello.swift -o .build/bench/hello 2>/dev/null
	@reference=""; if [ "$$(uname -s)" = Linux ]; then \
	  swiftc -O -static-executable -use-ld=lld -Xclang-linker -static-pie bench/hello.swift \
	    -o .build/bench/hello-static-pie 2>/dev/null && reference="--reference .build/bench/hello-static-pie"; fi; \
	$(SWIFT) build $(SWIFT_RELEASE) --product gatehouse-bench >/dev/null; \
	failed=""; for host in $(HOSTS); do \
	  $(RELEASE_DIR)/gatehouse-bench --host $$host --hook plugins/$$host/bin/gatehouse-$$host \
	    --baseline .build/bench/hello $$reference || failed="$$failed $$host"; done; \
	if [ -n "$$failed" ]; then echo "over budget:$$failed"; exit 1; fi

quality: build ## Recall and false-positive rate of the labelled corpora in quality/, through the real hook
	@$(SWIFT) build $(SWIFT_RELEASE) --product gatehouse-quality >/dev/null
	@$(RELEASE_DIR)/gatehouse-quality --hook $(CLAUDE_PLUGIN_BIN)/gatehouse-claude --corpus quality

bundle: build generate ## Release zips, catalogs and SHA256SUMS for this platform in dist/
	@VERSION=$(VERSION) RELEASE_BASE_URL=$(RELEASE_BASE_URL) SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) scripts/bundle.sh dist

clean: ## Remove build outputs (not the installed host CLIs)
	rm -rf .build dist $(addsuffix /bin,$(addprefix plugins/,$(HOSTS)))
