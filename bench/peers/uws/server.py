"""Peer broadcast server on uWebSockets (through socketify), speaking the
benchmark's "plain" protocol (see ../README.md). Fan-out is uWS's native pub/sub:
a join is ws.subscribe(room), a send is app.publish(room, frame, OpCode.TEXT),
which reaches every subscriber, the sender included.

Usage: python server.py <port>   (0 = any free port)
"""

import json
import re
import signal
import sys

from socketify import App, AppListenOptions, CompressOptions, OpCode

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def main() -> None:
    arg = sys.argv[1] if len(sys.argv) == 2 else ""
    if not (arg.isascii() and arg.isdigit() and int(arg) <= 65535):
        print("usage: python server.py <port>   (0 = any free port)", file=sys.stderr)
        sys.exit(2)
    port = int(arg)

    app = App()
    # Compact and non-ASCII kept as is: the same bytes as JavaScript's JSON.stringify.
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def frame(obj):
        text = encode(obj)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (the client sent a "\\ud800" escape): escape it as
            # JSON.stringify does. Escaped pairs were already joined by json.loads.
            return LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text).encode("utf-8")

    def topic(room):
        # uWS topics are bytes; "surrogatepass" so that any room string works.
        return room.encode("utf-8", "surrogatepass")

    loads = json.loads

    def on_message(ws, message, opcode):
        if opcode != OpCode.TEXT:  # text frames only; socketify decoded it to str
            return
        try:
            msg = loads(message)
        except Exception:  # bad JSON (ValueError), absurd nesting (RecursionError)
            return
        if not isinstance(msg, dict):
            return
        room = msg.get("room")
        if not isinstance(room, str):
            return
        kind = msg.get("type")
        if kind == "join":
            ws.subscribe(topic(room))
            ws.send(frame({"type": "joined", "room": room}), OpCode.TEXT)
        elif kind == "send":
            body = msg.get("body")
            if not isinstance(body, str):
                return
            # Serialized once; uWS copies the same bytes to every subscriber.
            app.publish(topic(room), frame({"type": "message", "room": room, "body": body}), OpCode.TEXT)

    app.ws(
        "/*",
        {
            "compression": CompressOptions.DISABLED,
            "max_payload_length": 64 * 1024,
            # Seconds; 960 is uWS's maximum. With automatic pings, a client that
            # answers pings (as WebSocket clients do) is never dropped for idling.
            "idle_timeout": 960,
            "send_pings_automatically": True,
            # 0 = no limit: like ws and Socket.IO, buffer for slow readers instead
            # of dropping (uWS's default, 64 KiB, silently drops publishes).
            "max_backpressure": 0,
            "close_on_backpressure_limit": False,
            "message": on_message,
            # uWS unsubscribes a closing socket from all its topics by itself.
        },
    )

    listening = []

    def on_listen(config):
        listening.append(config.port)
        # config.port is the bound port (socketify asks the listen socket), so 0 works.
        sys.stdout.write(f"listening {config.port}\n")
        sys.stdout.flush()

    # uWS listens synchronously: the handler has run by the time listen() returns.
    # On failure socketify raises inside a C callback, which only logs the traceback.
    app.listen(AppListenOptions(port=port, host="127.0.0.1"), on_listen)
    if not listening:
        print(f"uws server: could not listen on 127.0.0.1:{port}", file=sys.stderr)
        sys.exit(1)

    # Drive uWS from libuv's own blocking loop. socketify's app.run() instead runs
    # asyncio and calls libuv with RUN_NOWAIT in a busy loop (a full core while
    # busy, up to 10 ms of extra latency after being idle); nothing here is async.
    # In a blocking C loop Python signal handlers would not get to run: let
    # SIGINT and SIGTERM kill the process directly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    app.loop.uv_loop.run()


if __name__ == "__main__":
    main()
