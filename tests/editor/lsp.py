"""A minimal Language Server Protocol client over stdio, enough to drive yaml-language-server."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LspClient:
    def __init__(self, command: list[str], root: Path) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.root = root
        self.next_id = 0
        self.responses: dict[int, Any] = {}
        self.notifications: list[dict[str, Any]] = []
        self.lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.lower()] = value.strip()
            body = json.loads(stream.read(int(headers["content-length"])))
            with self.lock:
                if "id" in body and "method" in body:  # a request from the server: answer it
                    self._send({"jsonrpc": "2.0", "id": body["id"], "result": self._answer(body)})
                elif "id" in body:
                    self.responses[body["id"]] = body
                else:
                    self.notifications.append(body)
                self.lock.notify_all()

    def _answer(self, request: dict[str, Any]) -> Any:
        if request["method"] == "workspace/configuration":
            return [
                {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
                for _ in request["params"]["items"]
            ]
        return None

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        with self.lock:
            self.next_id += 1
            rid = self.next_id
            self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
            deadline = time.monotonic() + timeout
            while rid not in self.responses:
                if not self.lock.wait(deadline - time.monotonic()):
                    raise TimeoutError(method)
            return self.responses.pop(rid).get("result")

    def notify(self, method: str, params: Any) -> None:
        with self.lock:
            self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate: Any, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for note in self.notifications:
                    if predicate(note):
                        return note
                if not self.lock.wait(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError("notification")

    def start(self) -> None:
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": self.root.as_uri(),
                "capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}},
                "workspaceFolders": None,
            },
        )
        self.notify("initialized", {})
        self.notify(
            "workspace/didChangeConfiguration",
            {
                "settings": {
                    "yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
                }
            },
        )

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
        )
        return uri

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
        except Exception:
            pass
        self.proc.kill()
        self.proc.wait(timeout=10)
