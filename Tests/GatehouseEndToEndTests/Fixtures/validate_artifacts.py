#!/usr/bin/env python3
"""Validates Gatehouse's generated host artifacts against the hosts' JSON Schemas.

Usage: validate_artifacts.py REPO_ROOT. Prints one line per problem and exits 1 if
there is any. Needs the `jsonschema` package (Draft 7). Also checks what no schema
covers: every hook matcher compiles as a regular expression, and every SKILL.md has
`name` and `description` front matter (required by Codex).
"""
import json
import os
import re
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKS = [
    ("plugins/cursor/.cursor-plugin/plugin.json", "cursor-plugin.schema.json"),
    (".cursor-plugin/marketplace.json", "cursor-marketplace.schema.json"),
    ("plugins/cursor/hooks/hooks.json", "cursor-hooks.gatehouse.schema.json"),
    ("plugins/codex/.codex-plugin/plugin.json", "codex-plugin-manifest.json"),
    ("plugins/codex/hooks/hooks.json", "codex-hooks.json"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def matchers(hooks):
    for entries in hooks.get("hooks", {}).values():
        for entry in entries:
            if "matcher" in entry:
                yield entry["matcher"]


def skill_problems(root):
    for host in ("claude", "codex", "cursor"):
        skills = os.path.join(root, "plugins", host, "skills")
        for name in sorted(os.listdir(skills)) if os.path.isdir(skills) else []:
            path = os.path.join(skills, name, "SKILL.md")
            text = open(path, encoding="utf-8").read()
            head = re.match(r"---\n(.*?)\n---\n", text, re.S)
            fields = dict(line.split(":", 1) for line in head.group(1).splitlines() if ":" in line) if head else {}
            for key in ("name", "description"):
                if not fields.get(key, "").strip():
                    yield "%s: front matter has no %s" % (os.path.relpath(path, root), key)
            if fields.get("name", "").strip() not in ("", name):
                yield "%s: name does not match its folder" % os.path.relpath(path, root)


def main():
    root = sys.argv[1]
    problems = []
    for artifact, schema in CHECKS:
        document = load(os.path.join(root, artifact))
        validator = jsonschema.Draft7Validator(load(os.path.join(HERE, "schemas", schema)))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in error.path) or "(root)"
            problems.append("%s at %s: %s [schema %s]" % (artifact, where, error.message, schema))
        if artifact.endswith("hooks.json"):
            for matcher in matchers(document):
                try:
                    re.compile(matcher)
                except re.error as e:
                    problems.append("%s: matcher %r is not a regular expression: %s" % (artifact, matcher, e))
    problems.extend(skill_problems(root))
    for line in problems:
        print(line)
    print("checked %d artifacts and the skills: %d problem(s)" % (len(CHECKS), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
