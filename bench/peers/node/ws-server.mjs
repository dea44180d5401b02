// Peer broadcast server on Node's `ws`, speaking the benchmark's "plain" protocol
// (see ../README.md). Usage: node ws-server.mjs <port>   (0 = any free port)
import { WebSocketServer } from "ws";

const port = parsePort(process.argv[2]);

/** @type {Map<string, Set<import("ws").WebSocket>>} */
const rooms = new Map();

const wss = new WebSocketServer({
  port,
  host: "127.0.0.1",
  perMessageDeflate: false,
  maxPayload: 65536,
  clientTracking: false,
});

wss.on("listening", () => {
  process.stdout.write(`listening ${wss.address().port}\n`);
});

wss.on("error", (err) => {
  console.error(`ws-server: ${err.message}`);
  process.exit(1);
});

wss.on("connection", (ws) => {
  /** @type {Set<string>} */
  const joined = new Set();

  // Protocol errors (oversized frame, bad UTF-8, ...) close the connection;
  // without a listener they would throw.
  ws.on("error", () => {});

  ws.on("message", (data, isBinary) => {
    if (isBinary) return;
    let msg;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (msg === null || typeof msg !== "object" || typeof msg.room !== "string") return;
    const room = msg.room;
    if (msg.type === "join") {
      let members = rooms.get(room);
      if (members === undefined) {
        members = new Set();
        rooms.set(room, members);
      }
      members.add(ws);
      joined.add(room);
      ws.send(JSON.stringify({ type: "joined", room }));
    } else if (msg.type === "send") {
      if (typeof msg.body !== "string") return;
      const members = rooms.get(room);
      if (members === undefined) return;
      const frame = JSON.stringify({ type: "message", room, body: msg.body });
      for (const peer of members) peer.send(frame);
    }
  });

  ws.on("close", () => {
    for (const room of joined) {
      const members = rooms.get(room);
      if (members === undefined) continue;
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    }
    joined.clear();
  });
});

function parsePort(arg) {
  const n = /^[0-9]{1,5}$/.test(arg ?? "") ? Number(arg) : -1;
  if (n < 0 || n > 65535) {
    console.error("usage: node ws-server.mjs <port>   (0 = any free port)");
    process.exit(2);
  }
  return n;
}
