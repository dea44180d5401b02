//! The connection under a WebSocket, and the frames waiting to be written to it.
//!
//! tungstenite writes a frame by copying it into its write buffer, a `Vec` that keeps its largest size for the
//! connection's whole life: a connection that was sent one page of history (up to 200 messages in one frame) kept
//! that many bytes after it. Text frames therefore bypass it: [`Io::queue_text`] copies a small frame with its
//! header into a buffer of the queue's, and queues a large one's header and its shared text (the same allocation
//! for every recipient, not copied); a flush writes the queue (one buffer with a plain write, several with one
//! vectored write) and lets go of what it wrote.
//! The buffers go back to a small pool of the thread's ([`spare`]) rather than to the allocator: a connection keeps
//! none while idle, and a busy node does not allocate and free one for every connection's every turn.
//! tungstenite still writes what it frames itself (pings, pongs, the close frame) through [`AsyncWrite`], and with a
//! write buffer of size zero it writes each at once, so those bytes join the queue in order.

use std::collections::VecDeque;
use std::io::{self, IoSlice};
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::{Bytes, BytesMut};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_util::either::Either;

/// The most slices handed to one vectored write (Linux takes 1,024).
const MAX_SLICES: usize = 64;

/// A queue that held more chunks than this is freed once written, so that a burst's queue is not kept.
const KEEP_CHUNKS: usize = 64;

/// Frames up to this size are copied into the queue's buffer: a vectored write of many small slices costs the
/// kernel more than the copy (a channel's events are 200 to 400 bytes).
const COPY_UP_TO: usize = 4 * 1024;

/// Written buffers a thread keeps for its connections' next writes, and the largest it keeps (a buffer grown past
/// it by a burst is freed).
const SPARE_BUFFERS: usize = 64;
const SPARE_UP_TO: usize = 16 * 1024;

/// The size a buffer starts at.
const BUFFER: usize = 1024;

std::thread_local! {
    static SPARE: std::cell::RefCell<Vec<BytesMut>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A buffer for at least `more` bytes: one this thread wrote before, or a new one.
fn spare(more: usize) -> BytesMut {
    let reused = SPARE
        .try_with(|spare| spare.borrow_mut().pop())
        .ok()
        .flatten();
    match reused {
        Some(mut buffer) => {
            buffer.reserve(more);
            buffer
        }
        None => BytesMut::with_capacity(more.max(BUFFER)),
    }
}

/// Gives a written buffer back to this thread's pool, unless that is full or the buffer grew large.
fn give_back(mut buffer: BytesMut) {
    if buffer.capacity() > SPARE_UP_TO {
        return;
    }
    buffer.clear();
    // During the thread's teardown the pool is gone: the buffer is simply freed.
    let _ = SPARE.try_with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() < SPARE_BUFFERS {
            spare.push(buffer);
        }
    });
}

/// The stream and what is waiting to be written to it.
pub(super) struct Io {
    stream: Transport,
    queue: VecDeque<Chunk>,
    /// Bytes of the queue's first chunk already written.
    written: usize,
}

/// The TCP stream itself when the node's listener answered the upgrade, hyper's upgraded stream (boxed, so that the
/// common case stays small) when axum did.
pub(super) type Transport = Either<TcpStream, Box<TokioIo<hyper::upgrade::Upgraded>>>;

/// A piece of the bytes to write: small frames copied together, a large frame's header, or its text shared with
/// the frame's other recipients.
enum Chunk {
    Copied(BytesMut),
    Header { bytes: [u8; 10], len: u8 },
    Shared(Bytes),
}

impl Chunk {
    fn as_slice(&self) -> &[u8] {
        match self {
            Chunk::Copied(bytes) => bytes,
            Chunk::Header { bytes, len } => &bytes[..usize::from(*len)],
            Chunk::Shared(bytes) => bytes,
        }
    }
}

impl Io {
    pub(super) fn new(stream: Transport) -> Io {
        Io {
            stream,
            queue: VecDeque::new(),
            written: 0,
        }
    }

    /// Queues a text frame (final, unmasked, as a server sends it: RFC 6455, 5.2) for the next flush.
    pub(super) fn queue_text(&mut self, text: Bytes) {
        let mut bytes = [0u8; 10];
        bytes[0] = 0x81;
        let len = match text.len() {
            n @ 0..=125 => {
                bytes[1] = n as u8;
                2
            }
            n @ 126..=0xFFFF => {
                bytes[1] = 126;
                bytes[2..4].copy_from_slice(&(n as u16).to_be_bytes());
                4
            }
            n => {
                bytes[1] = 127;
                bytes[2..10].copy_from_slice(&(n as u64).to_be_bytes());
                10
            }
        };
        if text.len() <= COPY_UP_TO {
            let copied = self.copied(usize::from(len) + text.len());
            copied.extend_from_slice(&bytes[..usize::from(len)]);
            copied.extend_from_slice(&text);
        } else {
            self.queue.push_back(Chunk::Header { bytes, len });
            self.queue.push_back(Chunk::Shared(text));
        }
    }

    /// The buffer at the queue's end, to copy `more` bytes into.
    fn copied(&mut self, more: usize) -> &mut BytesMut {
        if !matches!(self.queue.back(), Some(Chunk::Copied(_))) {
            if self.queue.capacity() == 0 {
                // Nearly every flush writes one buffer: room for it alone, not the four chunks a first push makes
                // room for, which every idle connection would keep (120 bytes more).
                self.queue.reserve_exact(1);
            }
            self.queue.push_back(Chunk::Copied(spare(more)));
        }
        match self.queue.back_mut() {
            Some(Chunk::Copied(copied)) => copied,
            _ => unreachable!("a buffer was just pushed"),
        }
    }

    /// Writes the queue until it is empty or the stream would block.
    fn poll_write_queue(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some(first) = self.queue.front() {
            let first = &first.as_slice()[self.written..];
            let mut n = if self.queue.len() == 1 {
                // Nearly always: a turn's frames copied into one buffer. A plain write, without the slices' array.
                ready!(Pin::new(&mut self.stream).poll_write(cx, first))?
            } else {
                let mut slices = [IoSlice::new(&[]); MAX_SLICES];
                slices[0] = IoSlice::new(first);
                let mut count = 1;
                for (slice, chunk) in slices[1..].iter_mut().zip(self.queue.iter().skip(1)) {
                    *slice = IoSlice::new(chunk.as_slice());
                    count += 1;
                }
                ready!(Pin::new(&mut self.stream).poll_write_vectored(cx, &slices[..count]))?
            };
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            while n > 0 {
                let left = self.queue[0].as_slice().len() - self.written;
                if n < left {
                    self.written += n;
                    break;
                }
                n -= left;
                self.written = 0;
                if let Some(Chunk::Copied(buffer)) = self.queue.pop_front() {
                    give_back(buffer);
                }
            }
        }
        if self.queue.capacity() > KEEP_CHUNKS {
            self.queue = VecDeque::new();
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for Io {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

/// What tungstenite writes joins the queue (it writes whole frames, and only on a flush or a control frame).
impl AsyncWrite for Io {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().copied(buf.len()).extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_write_queue(cx))?;
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_write_queue(cx))?;
        Pin::new(&mut this.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;
    use tokio::io::AsyncWriteExt;
    use tokio_tungstenite::WebSocketStream;
    use tungstenite::Message;
    use tungstenite::protocol::Role;

    /// A connection keeps no buffer once its frames are written: the buffer goes to the thread's pool, and the next
    /// write on this thread, of any connection, takes it from there instead of allocating; one grown past the pool's
    /// limit by a large burst is freed.
    #[tokio::test]
    async fn written_buffers_go_back_to_the_thread_and_are_reused() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let (a, b) = (
            tokio::net::TcpStream::connect(address)
                .await
                .expect("connect"),
            tokio::net::TcpStream::connect(address)
                .await
                .expect("connect"),
        );
        let _accepted = (
            listener.accept().await.expect("accept"),
            listener.accept().await.expect("accept"),
        );
        let (mut first, mut second) = (Io::new(Either::Left(a)), Io::new(Either::Left(b)));
        let spare = || {
            SPARE.with(|spare| {
                spare
                    .borrow()
                    .iter()
                    .map(|b| b.as_ptr())
                    .collect::<Vec<_>>()
            })
        };
        let copied = |io: &Io| match io.queue.front() {
            Some(Chunk::Copied(buffer)) => buffer.as_ptr(),
            _ => panic!("a small frame is copied"),
        };
        SPARE.with(|spare| spare.borrow_mut().clear());

        first.queue_text(Bytes::from_static(b"hello"));
        let buffer = copied(&first);
        first.flush().await.expect("flush");
        assert!(first.queue.is_empty());
        assert_eq!(
            first.queue.capacity(),
            1,
            "room kept for the one buffer a flush nearly always writes"
        );
        assert_eq!(spare(), vec![buffer]);

        second.queue_text(Bytes::from_static(b"again"));
        assert_eq!(copied(&second), buffer, "the written buffer is reused");
        assert!(spare().is_empty());
        second.flush().await.expect("flush");

        // A burst that grows the buffer past the limit: it is freed, not kept.
        let big = "x".repeat(COPY_UP_TO);
        for _ in 0..(SPARE_UP_TO / COPY_UP_TO + 1) {
            first.queue_text(Bytes::from(big.clone()));
        }
        first.flush().await.expect("flush");
        assert!(spare().is_empty(), "a grown buffer is not kept");
    }

    /// Over a real TCP connection whose reader has a small receive buffer and takes its time, so that the vectored
    /// writes stop part-way through a header, a copied run of frames and a shared text: every frame arrives whole
    /// and in order, with the bytes tungstenite wrote (a ping) in their place among them.
    #[tokio::test]
    async fn frames_written_in_pieces_arrive_whole_and_in_order() {
        // Small buffers on both sides: the writer's send buffer fills after a few kilobytes.
        let listening = tokio::net::TcpSocket::new_v4().expect("socket");
        listening
            .set_recv_buffer_size(4096)
            .expect("receive buffer");
        listening
            .bind("127.0.0.1:0".parse().expect("an address"))
            .expect("bind");
        let listener = listening.listen(1).expect("listen");
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket.set_send_buffer_size(4096).expect("send buffer");
        let server = socket
            .connect(listener.local_addr().expect("address"))
            .await
            .expect("connect");
        let (client, _) = listener.accept().await.expect("accept");

        // Sizes on both sides of the copy limit and of each header length (125, 126, 65,535, 65,536).
        let sizes: [usize; 11] = [
            0, 1, 125, 126, 127, 4096, 4097, 9000, 65_535, 65_536, 70_000,
        ];
        let texts: Vec<String> = (0..120)
            .map(|i| {
                let mut text = format!("{i}:");
                let size = sizes[i % sizes.len()];
                text.extend(std::iter::repeat_n('x', size.saturating_sub(text.len())));
                text
            })
            .collect();
        let mut io = Io::new(Either::Left(server));
        for (i, text) in texts.iter().enumerate() {
            io.queue_text(Bytes::from(text.clone()));
            if i == 60 {
                // A ping, as tungstenite writes it.
                io.write_all(&[0x89, 0x00]).await.expect("queue a ping");
            }
        }
        let writer = tokio::spawn(async move {
            io.flush().await.expect("flush");
            io
        });

        let mut ws = WebSocketStream::from_raw_socket(client, Role::Client, None).await;
        let mut received = Vec::new();
        while received.len() < texts.len() + 1 {
            match ws.next().await.expect("a frame").expect("a valid frame") {
                Message::Text(text) => received.push(text.to_string()),
                Message::Ping(_) => received.push("ping".to_owned()),
                other => panic!("unexpected {other:?}"),
            }
            tokio::time::sleep(std::time::Duration::from_micros(200)).await;
        }
        let io = writer.await.expect("the writer");
        assert!(io.queue.is_empty() && io.written == 0);
        // The burst's queue is not kept.
        assert!(io.queue.capacity() <= KEEP_CHUNKS);
        let mut expected = texts.clone();
        expected.insert(61, "ping".to_owned());
        assert_eq!(received.len(), expected.len());
        for (got, want) in received.iter().zip(&expected) {
            assert!(got == want, "got {} bytes, want {}", got.len(), want.len());
        }
    }
}
