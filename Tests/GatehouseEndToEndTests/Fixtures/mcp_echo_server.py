#!/usr/bin/env python3
"""Minimal stdio MCP server for end-to-end tests: one tool, `echo`, returns its `text`.

Newline-delimited JSON-RPC 2.0 on stdin/stdout, Python 3 standard library only.
With "structured": true the result also carries structuredContent {"text": ...}, so
tests can see how a host hands structured MCP output to its hooks.
"""
import json
import sys

TOOLS = [{
    "name": "echo",
    "description": "Returns the given text unchanged.",
    "inputSchema": {
        "type": "object",
        "properties": {"text": {"type": "string"}, "structured": {"type": "boolean"}},
        "required": ["text"],
    },
}]


def result_for(method, params):
    if method == "initialize":
        return {"protocolVersion": params.get("protocolVersion", "2025-06-18"),
                "capabilities": {"tools": {}},
                "serverInfo": {"name": "gatehouse-e2e-echo", "version": "1.0.0"}}
    if method == "tools/list":
        return {"tools": TOOLS}
    if method == "tools/call":
        args = params.get("arguments") or {}
        text = str(args.get("text", ""))
        out = {"content": [{"type": "text", "text": text}], "isError": False}
        if args.get("structured"):
            out["structuredContent"] = {"text": text}
        return out
    if method == "ping":
        return {}
    if method in ("resources/list",):
        return {"resources": []}
    if method in ("prompts/list",):
        return {"prompts": []}
    return None


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if "id" not in msg or "method" not in msg:
            continue  # notifications and responses need no answer
        result = result_for(msg["method"], msg.get("params") or {})
        if result is None:
            reply = {"jsonrpc": "2.0", "id": msg["id"],
                     "error": {"code": -32601, "message": "method not found"}}
        else:
            reply = {"jsonrpc": "2.0", "id": msg["id"], "result": result}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
