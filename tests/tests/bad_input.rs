//! Hostile and malformed input: every bad frame gets the documented error or close code, the server never
//! panics, and everyone else keeps being served.

use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

use crate::support::{Client, Ended, Server, client_id, is_event};

/// Frames that must each be answered with one `error` frame of the given code, the connection staying open.
fn answered_frames(dm: i64) -> Vec<(Message, &'static str)> {
    let mut frames: Vec<(Message, &'static str)> = Vec::new();
    let text = |s: String| Message::text(s);
    // Not JSON at all, or broken JSON.
    for i in 0..100 {
        let broken = match i % 10 {
            0 => "{".to_owned(),
            1 => format!("{{\"type\": \"send_message\", \"ref\": \"r{i}\""),
            2 => "not json".to_owned(),
            3 => "{'type': 'ping'}".to_owned(),
            4 => "[1, 2,".to_owned(),
            5 => "\"unterminated".to_owned(),
            6 => "{\"type\": \"ping\", \"ref\": \"x\",}".to_owned(),
            7 => "nul\u{0}l".to_owned(),
            8 => "   ".to_owned(),
            _ => format!("{{\"type\":\"ping\"{}", " ".repeat(i)),
        };
        frames.push((text(broken), "invalid_json"));
    }
    // JSON of the wrong shape: wrong types, missing fields, unknown fields and types, huge numbers, nesting.
    let shapes: Vec<Value> = vec![
        json!({"type": "send_message", "ref": "a", "conversation": "dm", "client_id": "x", "body": "b", "lang": "en"}),
        json!({"type": "send_message", "ref": "a", "conversation": dm, "client_id": 5, "body": "b", "lang": "en"}),
        json!({"type": "send_message", "ref": "a", "conversation": dm, "body": "b", "lang": "en"}),
        json!({"type": "send_message", "ref": "a", "conversation": dm, "client_id": "x", "body": "b", "lang": "en", "admin": true}),
        json!({"type": "launch_missiles", "ref": "a"}),
        json!({"type": 7}),
        json!({"ref": "no type"}),
        json!([1, 2, 3]),
        json!(42),
        json!(null),
        json!({"type": "history", "ref": "h", "conversation": dm, "limit": -1}),
        json!({"type": "history", "ref": "h", "conversation": dm, "limit": 1e300}),
        json!({"type": "mark_read", "ref": "m", "conversation": dm, "seq": -5}),
        json!({"type": "edit_message", "ref": "e", "message": [], "body": "x"}),
        json!({"type": "typing"}),
        json!({"type": "hello", "protocol": "one"}),
    ];
    for i in 0..240 {
        frames.push((
            text(shapes[i % shapes.len()].to_string()),
            "invalid_message",
        ));
    }
    for i in 0..40 {
        // Too big for the id type: the wrong shape. Too big for any number: not valid JSON numbers.
        let (exponent, code) = if i % 2 == 0 {
            ("", "invalid_message")
        } else {
            (".5e99999", "invalid_json")
        };
        let huge = format!(
            "{{\"type\":\"history\",\"ref\":\"h{i}\",\"conversation\":{}{exponent}}}",
            "9".repeat(30 + i)
        );
        frames.push((text(huge), code));
    }
    for depth in [200, 1000, 5000] {
        for _ in 0..10 {
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            frames.push((text(nested), "invalid_json"));
            let nested_field = format!(
                "{{\"type\":\"ping\",\"ref\":{}1{}}}",
                "{\"a\":".repeat(depth),
                "}".repeat(depth)
            );
            frames.push((text(nested_field), "invalid_json"));
        }
    }
    // Well-formed requests with invalid values.
    for i in 0..30 {
        let (frame, code) = match i % 6 {
            0 => (
                json!({"type": "send_message", "ref": "v", "conversation": dm, "client_id": client_id(), "body": "x".repeat(4001), "lang": "en"}),
                "body_too_long",
            ),
            1 => (
                json!({"type": "send_message", "ref": "v", "conversation": dm, "client_id": client_id(), "body": " \n\t ", "lang": "en"}),
                "empty_body",
            ),
            2 => (
                json!({"type": "send_message", "ref": "v", "conversation": dm, "client_id": "", "body": "hi", "lang": "en"}),
                "invalid_client_id",
            ),
            3 => (
                json!({"type": "send_message", "ref": "v", "conversation": dm, "client_id": client_id(), "body": "hi", "lang": "<script>"}),
                "invalid_field",
            ),
            4 => (
                json!({"type": "add_reaction", "ref": "v", "message": 1, "emoji": "a b"}),
                "invalid_field",
            ),
            _ => (json!({"type": "hello", "protocol": 2}), "hello_expected"),
        };
        frames.push((text(frame.to_string()), code));
    }
    for _ in 0..50 {
        frames.push((
            Message::binary(vec![0u8, 159, 146, 150]),
            "binary_not_supported",
        ));
    }
    frames
}

#[tokio::test]
async fn hundreds_of_malformed_frames_get_errors_and_nothing_breaks() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let mut b = server.connect(&binod).await;
    let dm = a.open_direct(&binod).await;

    let frames = answered_frames(dm);
    assert!(frames.len() >= 500, "{} frames", frames.len());
    let expected: Vec<&str> = frames.iter().map(|(_, code)| *code).collect();
    for (frame, _) in frames {
        a.send_raw(frame).await;
    }
    let mut codes = Vec::new();
    while codes.len() < expected.len() {
        let v = a.expect(|v| v["type"] == "error").await;
        assert!(
            v["text"].as_str().is_some_and(|t| !t.is_empty()),
            "rendered text: {v}"
        );
        codes.push(v["code"].as_str().expect("code").to_owned());
    }
    assert_eq!(
        codes, expected,
        "one error per bad frame, with its documented code, in order"
    );

    // Still connected and still chatting, both ways.
    a.say(dm, "still here").await;
    assert_eq!(
        b.expect(|v| is_event(v, dm, "message")).await["message"]["body"],
        "still here"
    );

    // Frames the protocol cannot survive close the connection with their documented code.
    let oversize = Message::text(format!(
        "{{\"type\":\"ping\",\"ref\":\"{}\"}}",
        "x".repeat(64 * 1024)
    ));
    let invalid_utf8 = Message::Frame(Frame::message(
        vec![0xff, 0xfe, b'{', 0xc3],
        OpCode::Data(Data::Text),
        true,
    ));
    for (frame, code) in [(oversize, 1009), (invalid_utf8, 1007)] {
        for _ in 0..5 {
            let mut c = server.connect(&anna).await;
            c.send_raw(frame.clone()).await;
            assert_eq!(c.ended().await, Ended::Closed(code));
        }
    }

    // Before hello: errors, then the hello still works; a bad token is refused with 4001.
    let mut early = Client::open(server.addr).await;
    early.send(json!({"type": "ping", "ref": "p"})).await;
    assert_eq!(
        early.expect(|v| v["type"] == "error").await["code"],
        "hello_expected"
    );
    early
        .send(json!({"type": "hello", "protocol": 2, "token": "nope"}))
        .await;
    assert_eq!(
        early.expect(|v| v["type"] == "error").await["code"],
        "unauthenticated"
    );
    assert_eq!(early.ended().await, Ended::Closed(4001));
    // A client of protocol version 1, whose `message` events repeated the event's fields, is told to update.
    let mut old = Client::open(server.addr).await;
    old.send(json!({"type": "hello", "protocol": 1, "token": anna.token}))
        .await;
    let refused = old.expect(|v| v["type"] == "error").await;
    assert_eq!(refused["code"], "unsupported_protocol");
    assert_eq!(refused["args"]["version"], 2);
    assert_eq!(old.ended().await, Ended::Closed(4002));

    // The server is still serving everyone.
    a.say(dm, "after the storm").await;
    assert_eq!(
        b.expect(|v| is_event(v, dm, "message")).await["message"]["body"],
        "after the storm"
    );
    assert!(
        server.task.as_ref().is_some_and(|t| !t.is_finished()),
        "the server is running"
    );
}

#[tokio::test]
async fn bad_http_bodies_get_json_errors_in_the_callers_language() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let response = server
        .http
        .post(server.url("/api/v1/auth/register"))
        .header("content-type", "application/json")
        .header("accept-language", "ru")
        .body("{not json")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
    let body: Value = response.json().await.expect("json error");
    assert_eq!(body["code"], "invalid_json");
    assert!(
        body["text"]
            .as_str()
            .is_some_and(|t| t.chars().any(|c| ('а'..='я').contains(&c))),
        "{body}"
    );

    let (status, body) = server
        .api(
            &anna,
            "POST",
            "/channels",
            Some(json!({"name": "x", "visibility": "public", "colour": "red"})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "invalid_message");
    let (status, body) = server
        .api(&anna, "GET", "/conversations/abc/messages", None)
        .await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    let (status, body) = server.api(&anna, "GET", "/no/such/route", None).await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
}
