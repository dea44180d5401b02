// Peer broadcast server on Socket.IO (WebSocket transport only), see ../README.md.
// Usage: node socketio-server.mjs <port>   (0 = any free port)
// Events: client emits "join" <room> -> server emits "joined" {room} to it;
//         client emits "send" {room, body} -> server emits "message" {room, body}
//         to everyone in the room, the sender included.
import http from "node:http";
import { Server } from "socket.io";

const port = parsePort(process.argv[2]);

const httpServer = http.createServer();
const io = new Server(httpServer, {
  transports: ["websocket"],
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 65536,
});

io.on("connection", (socket) => {
  socket.on("join", (room) => {
    if (typeof room !== "string") return;
    socket.join(room);
    socket.emit("joined", { room });
  });
  socket.on("send", (msg) => {
    if (msg === null || typeof msg !== "object") return;
    const { room, body } = msg;
    if (typeof room !== "string" || typeof body !== "string") return;
    // Encoded once by the adapter, then written to every socket in the room.
    io.to(room).emit("message", { room, body });
  });
  // Rooms are left automatically on disconnect.
});

httpServer.on("error", (err) => {
  console.error(`socketio-server: ${err.message}`);
  process.exit(1);
});

httpServer.listen(port, "127.0.0.1", () => {
  process.stdout.write(`listening ${httpServer.address().port}\n`);
});

function parsePort(arg) {
  const n = /^[0-9]{1,5}$/.test(arg ?? "") ? Number(arg) : -1;
  if (n < 0 || n > 65535) {
    console.error("usage: node socketio-server.mjs <port>   (0 = any free port)");
    process.exit(2);
  }
  return n;
}
