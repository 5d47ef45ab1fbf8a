#!/usr/bin/env python3
"""Stand-in for a release download host, for end-to-end tests of hosted release catalogs.

It is an HTTP proxy (the process under test gets HTTPS_PROXY=http://127.0.0.1:<port>)
that answers CONNECT for one made-up host name by speaking TLS itself, with a
certificate made for that name (--cert/--key; the client trusts it through
NODE_EXTRA_CA_CERTS), and serves files from --root over that TLS connection. Every
other CONNECT is refused, so nothing leaves the machine. Each request is logged as one
JSON line to --log.

Python 3 standard library only. Exits after --max-seconds or when its parent is gone.
"""
import argparse
import json
import os
import socket
import ssl
import threading
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", required=True)
    p.add_argument("--host", required=True, help="the one host name served, e.g. releases.gatehouse.test")
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--max-seconds", type=float, default=300.0)
    p.add_argument("--parent-pid", type=int, default=os.getppid())
    return p.parse_args()


ARGS = None
LOCK = threading.Lock()


def log(entry):
    with LOCK, open(ARGS.log, "a") as f:
        f.write(json.dumps(entry) + "\n")


def read_head(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
        if len(data) > 65536:
            break
    return data.split(b"\r\n\r\n", 1)[0].decode("latin-1")


def serve_tls(raw, context):
    tls = context.wrap_socket(raw, server_side=True)
    try:
        head = read_head(tls)
        line = head.split("\r\n", 1)[0]
        parts = line.split(" ")
        path = parts[1] if len(parts) > 1 else "/"
        file_path = os.path.realpath(os.path.join(ARGS.root, path.split("?", 1)[0].lstrip("/")))
        inside = file_path.startswith(os.path.realpath(ARGS.root) + os.sep)
        if parts[0] in ("GET", "HEAD") and inside and os.path.isfile(file_path):
            with open(file_path, "rb") as f:
                body = f.read()
            kind = "application/zip" if file_path.endswith(".zip") else "application/json"
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                        % (kind.encode(), len(body)) + (body if parts[0] == "GET" else b""))
            log({"kind": "served", "method": parts[0], "path": path, "bytes": len(body)})
        else:
            tls.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            log({"kind": "missing", "method": parts[0], "path": path})
    finally:
        tls.close()


def handle(conn, context):
    try:
        head = read_head(conn)
        line = head.split("\r\n", 1)[0]
        parts = line.split(" ")
        if len(parts) >= 2 and parts[0] == "CONNECT" and parts[1] in (ARGS.host + ":443", ARGS.host):
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            serve_tls(conn, context)
            return
        log({"kind": "refused", "line": line})
        conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    except Exception as error:  # a test server: record, never crash
        log({"kind": "error", "error": repr(error)})
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    global ARGS
    ARGS = parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ARGS.cert, ARGS.key)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.5)
    tmp = ARGS.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.getsockname()[1]))
    os.replace(tmp, ARGS.port_file)
    deadline = time.time() + ARGS.max_seconds
    while time.time() < deadline:
        if os.getppid() != ARGS.parent_pid:
            break
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        conn.settimeout(30)
        threading.Thread(target=handle, args=(conn, context), daemon=True).start()


if __name__ == "__main__":
    main()
