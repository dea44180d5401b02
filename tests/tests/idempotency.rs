//! Idempotent sends: a retried `client_id` yields the original message, never a second one.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::support::{Server, client_id};

#[tokio::test]
async fn a_thousand_messages_sent_three_times_are_stored_once_each() {
    let server = Server::start().await;
    let anna = server.register("anna").await;
    let binod = server.register("binod").await;
    let mut a = server.connect(&anna).await;
    let dm = a.open_direct(&binod).await;
    const N: usize = 1000;
    let ids: Vec<String> = (0..N).map(|_| client_id()).collect();
    let frame = |i: usize, reference: String| {
        json!({"type": "send_message", "ref": reference, "conversation": dm, "client_id": ids[i],
               "body": format!("message {i}"), "lang": "en"})
    };
    // (message id, seq) per client id, from every ack.
    let mut acks: HashMap<String, Vec<(i64, u64)>> = HashMap::new();
    let mut record = |ack: &Value| {
        assert_eq!(ack["type"], "ack", "{ack}");
        let key = ack["client_id"].as_str().expect("client_id").to_owned();
        acks.entry(key).or_default().push((
            ack["message"].as_i64().expect("id"),
            ack["seq"].as_u64().expect("seq"),
        ));
    };
    for chunk in (0..N).collect::<Vec<_>>().chunks(100) {
        // First and second try pipelined on one connection.
        let mut refs = Vec::new();
        for &i in chunk {
            for attempt in 0..2 {
                let reference = format!("m{i}-{attempt}");
                a.send(frame(i, reference.clone())).await;
                refs.push(reference);
            }
        }
        let mut pending = refs.len();
        while pending > 0 {
            let v = a
                .expect(|v| v["type"] == "ack" || v["type"] == "error")
                .await;
            record(&v);
            pending -= 1;
        }
        // Third try: every tenth message first goes out on a connection that drops before its answer arrives,
        // then is retried on a fresh one; the rest are retried over HTTP.
        for &i in chunk.iter().filter(|i| *i % 10 == 0) {
            let mut doomed = server.connect(&anna).await;
            doomed.send(frame(i, "lost".into())).await;
            drop(doomed);
        }
        a = server.connect(&anna).await;
        for &i in chunk {
            if i % 10 == 0 {
                let ack = a.request(frame(i, String::new())).await;
                record(&ack);
            } else {
                let (status, body) = server
                    .api(&anna, "POST", &format!("/conversations/{dm}/messages"),
                        Some(json!({"client_id": ids[i], "body": format!("message {i}"), "lang": "en"})))
                    .await;
                assert_eq!(status, 200, "{body}");
                assert_eq!(body["duplicate"], true);
                let mut v = body.clone();
                v["type"] = json!("ack");
                record(&v);
            }
        }
    }
    assert_eq!(acks.len(), N);
    let mut seqs: Vec<u64> = Vec::new();
    for (client, list) in &acks {
        assert_eq!(list.len(), 3, "{client} acked three times");
        assert!(
            list.iter().all(|x| *x == list[0]),
            "{client}: the same id and seq every time: {list:?}"
        );
        seqs.push(list[0].1);
    }
    seqs.sort_unstable();
    seqs.dedup();
    assert_eq!(seqs.len(), N, "one message per client id");

    // The database holds exactly N messages.
    let mut stored = 0;
    let mut before: Option<u64> = None;
    loop {
        let mut request = json!({"type": "history", "conversation": dm, "limit": 200});
        if let Some(before) = before {
            request["before"] = json!(before);
        }
        let page = a.request(request).await;
        let messages = page["messages"].as_array().expect("messages");
        stored += messages.len();
        if page["has_more"] != true {
            break;
        }
        before = messages.first().and_then(|m| m["seq"].as_u64());
    }
    assert_eq!(stored, N);
}
