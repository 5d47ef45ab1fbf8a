#!/usr/bin/env python3
"""Scripted stand-in for the Anthropic Messages API, for end-to-end tests of Claude Code.

Listens on 127.0.0.1 (a free port, written to --port-file and printed as "PORT <n>").
Main-conversation requests (those carrying `tools`) are answered from a script:
turn N (N = assistant messages already in the request) gets script["turns"][N]:

    {"turns": [
        {"tool_use": {"name": "Bash", "input": {"command": "echo hi"}}},
        {"text": "All done."}
     ],
     "side_text": "ok"}

A turn is either {"tool_use": {...}} (stop_reason tool_use) or {"text": "..."}
(end_turn). Past the last turn the server answers with plain text "done".
Side requests (no `tools`: titles, quota checks, small-model calls) get side_text.
Every request is appended as one JSON line to --log, so a test can read exactly what
the model was sent (for instance the tool_result after a hook ran).

It also serves as the HTTP(S) proxy of the process under test: CONNECT and
absolute-URL requests are refused and logged with kind "proxy", so stray outside
traffic is visible to the test and never leaves the machine.

Responses API mode (OpenAI Codex, `wire_api = "responses"`): POST .../responses is
answered as server-sent events from the same script, with turns of the form

    {"tool_call": {"name": "exec_command", "arguments": {"cmd": "echo hi"}}}
    {"custom_tool_call": {"name": "apply_patch", "input": "*** Begin Patch ..."}}
    {"text": "..."}

where turn N = tool calls and assistant messages already in the request's `input`.
Requests without `tools` get side_text. Logged with kind "responses".

Stops by itself after --max-seconds, and when its parent process goes away.
Python 3 standard library only.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG_LOCK = threading.Lock()


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--script", required=True, help="JSON script file (re-read on every request)")
    p.add_argument("--log", required=True, help="JSON-lines request log (appended)")
    p.add_argument("--port-file", help="file that receives the chosen port")
    p.add_argument("--port", type=int, default=0, help="port to bind (0 = any free port)")
    p.add_argument("--max-seconds", type=float, default=120.0)
    p.add_argument("--parent-pid", type=int, default=os.getppid(),
                   help="exit when this process is gone (default: our parent)")
    return p.parse_args()


def message_envelope(model, content, stop_reason, usage_out):
    return {
        "id": "msg_e2e_%d" % int(time.time() * 1e6),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": usage_out,
                  "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0},
    }


def answer_for(body, script):
    """Returns (kind, turn_index, content blocks, stop_reason) for one request."""
    if not body.get("tools"):
        return "side", None, [{"type": "text", "text": script.get("side_text", "ok")}], "end_turn"
    messages = body.get("messages") or []
    turn = sum(1 for m in messages if m.get("role") == "assistant")
    turns = script.get("turns") or []
    step = turns[turn] if turn < len(turns) else {"text": "done"}
    if "tool_use" in step:
        use = step["tool_use"]
        block = {"type": "tool_use", "id": use.get("id", "toolu_e2e_%02d" % turn),
                 "name": use["name"], "input": use.get("input", {})}
        return "main", turn, [block], "tool_use"
    return "main", turn, [{"type": "text", "text": step.get("text", "done")}], "end_turn"


def sse(event, data):
    return ("event: %s\ndata: %s\n\n" % (event, json.dumps(data))).encode()


def stream_body(message):
    """Renders a complete message as the Messages API's server-sent event sequence."""
    start = dict(message, content=[], stop_reason=None)
    out = [sse("message_start", {"type": "message_start", "message": start})]
    for i, block in enumerate(message["content"]):
        if block["type"] == "tool_use":
            head = dict(block, input={})
            delta = {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}
        else:
            head = {"type": "text", "text": ""}
            delta = {"type": "text_delta", "text": block["text"]}
        out.append(sse("content_block_start", {"type": "content_block_start", "index": i, "content_block": head}))
        out.append(sse("content_block_delta", {"type": "content_block_delta", "index": i, "delta": delta}))
        out.append(sse("content_block_stop", {"type": "content_block_stop", "index": i}))
    out.append(sse("message_delta", {"type": "message_delta",
                                     "delta": {"stop_reason": message["stop_reason"], "stop_sequence": None},
                                     "usage": {"output_tokens": message["usage"]["output_tokens"]}}))
    out.append(sse("message_stop", {"type": "message_stop"}))
    return b"".join(out)


def responses_turn(body, script):
    """Returns (turn index or None, output item) for one Responses API request."""
    if not body.get("tools"):
        return None, {"type": "message", "role": "assistant", "id": "msg_side",
                      "content": [{"type": "output_text", "text": script.get("side_text", "ok")}]}
    items = body.get("input") or []
    done = ("function_call", "custom_tool_call", "local_shell_call")
    turn = sum(1 for i in items if isinstance(i, dict) and
               (i.get("type") in done or (i.get("type") == "message" and i.get("role") == "assistant")))
    turns = script.get("turns") or []
    step = turns[turn] if turn < len(turns) else {"text": "done"}
    if "tool_call" in step:
        call = step["tool_call"]
        return turn, {"type": "function_call", "id": "fc_e2e_%02d" % turn, "call_id": call.get("id", "call_e2e_%02d" % turn),
                      "name": call["name"], "arguments": json.dumps(call.get("arguments", {}))}
    if "custom_tool_call" in step:
        call = step["custom_tool_call"]
        return turn, {"type": "custom_tool_call", "id": "ctc_e2e_%02d" % turn, "call_id": call.get("id", "call_e2e_%02d" % turn),
                      "name": call["name"], "input": call.get("input", "")}
    return turn, {"type": "message", "role": "assistant", "id": "msg_e2e_%02d" % turn,
                  "content": [{"type": "output_text", "text": step.get("text", "done")}]}


def responses_stream(item):
    """One output item as the Responses API event sequence."""
    rid = "resp_e2e_%d" % int(time.time() * 1e6)
    usage = {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 5,
             "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 15}
    out = [sse("response.created", {"type": "response.created", "response": {"id": rid}}),
           sse("response.output_item.added", {"type": "response.output_item.added", "output_index": 0, "item": item}),
           sse("response.output_item.done", {"type": "response.output_item.done", "output_index": 0, "item": item}),
           sse("response.completed", {"type": "response.completed", "response": {"id": rid, "usage": usage}})]
    return b"".join(out)


def load_script(path):
    # Read per request so one server can serve several runs with different scripts.
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def make_handler(script_path, log_path):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # keep stderr quiet; the JSON log is the record
            pass

        def _log(self, entry):
            with LOG_LOCK, open(log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

        def _send(self, status, ctype, payload):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("request-id", "req_e2e")
            self.end_headers()
            self.wfile.write(payload)

        def _json(self, status, obj):
            self._send(status, "application/json", json.dumps(obj).encode())

        def _read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                return json.loads(raw) if raw else None
            except ValueError:
                return {"_unparsed": raw.decode("utf-8", "replace")}

        def _refuse_proxy(self):
            # Tests point HTTPS_PROXY/HTTP_PROXY here so that any traffic meant for the
            # internet lands in the log instead of leaving the machine.
            self._log({"time": time.time(), "method": self.command, "path": self.path, "kind": "proxy"})
            self.close_connection = True
            self._json(403, {"type": "error", "error": {"type": "permission_error",
                                                        "message": "offline test: no outside traffic"}})

        def do_CONNECT(self):
            self._refuse_proxy()

        def do_GET(self):
            if not self.path.startswith("/"):
                return self._refuse_proxy()
            self._log({"time": time.time(), "method": "GET", "path": self.path, "kind": "other"})
            path = self.path.split("?")[0]
            if path.startswith("/v1/models"):
                self._json(200, {"data": [], "has_more": False, "first_id": None, "last_id": None})
            else:
                self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": "not scripted"}})

        def do_HEAD(self):
            if not self.path.startswith("/"):
                return self._refuse_proxy()
            self._log({"time": time.time(), "method": "HEAD", "path": self.path, "kind": "other"})
            self._send(200, "text/plain", b"")

        def do_POST(self):
            if not self.path.startswith("/"):
                self._read_body()
                return self._refuse_proxy()
            body = self._read_body()
            path = self.path.split("?")[0]
            entry = {"time": time.time(), "method": "POST", "path": self.path,
                     "user_agent": self.headers.get("User-Agent"), "body": body}
            if path.endswith("/responses") and isinstance(body, dict):
                turn, item = responses_turn(body, load_script(script_path))
                entry["kind"], entry["turn"] = "responses", turn
                self._log(entry)
                self._send(200, "text/event-stream", responses_stream(item))
                return
            if path == "/v1/messages/count_tokens":
                entry["kind"] = "count_tokens"
                self._log(entry)
                self._json(200, {"input_tokens": 100})
                return
            if path != "/v1/messages" or not isinstance(body, dict):
                entry["kind"] = "other"
                self._log(entry)
                self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": "not scripted"}})
                return
            kind, turn, content, stop = answer_for(body, load_script(script_path))
            entry["kind"], entry["turn"] = kind, turn
            self._log(entry)
            message = message_envelope(body.get("model", "claude-e2e"), content, stop, 5)
            if body.get("stream"):
                self._send(200, "text/event-stream", stream_body(message))
            else:
                self._json(200, message)

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients hanging up early (proxy refusals, process exit) are normal here.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def watchdog(deadline, parent_pid):
    # A test that crashes must not leave a server behind.
    while True:
        time.sleep(0.2)
        if time.monotonic() > deadline:
            os._exit(0)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass
        if os.getppid() == 1 and parent_pid != 1:
            os._exit(0)


def main():
    args = parse_args()
    # A parent may hand us SIGTERM ignored or blocked; make stopping us always work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    load_script(args.script)  # fail fast on a malformed script
    server = QuietServer(("127.0.0.1", args.port), make_handler(args.script, args.log))
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)  # readers never see a partial file
    print("PORT %d" % port, flush=True)
    threading.Thread(target=watchdog, args=(time.monotonic() + args.max_seconds, args.parent_pid),
                     daemon=True).start()
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    sys.exit(main())
