//! The web client's protocol types (`client-web/src/protocol/`) are generated from the Rust types with ts-rs, and
//! this test fails when the committed files differ from what the Rust types say now. After a deliberate change to
//! the protocol, `UPDATE_TYPES=1 cargo test -p engawa --test typescript_types` writes them again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use engawa::protocol::*;
use ts_rs::{Config, TS};

/// Exports `T` and everything it names.
fn export<T: TS + ?Sized + 'static>(cfg: &Config) {
    T::export_all(cfg).unwrap_or_else(|e| panic!("exporting {}: {e}", T::name(cfg)));
}

/// Every type a client sends or receives, over WebSocket and HTTP; what they name comes along.
fn export_protocol(cfg: &Config) {
    export::<ClientMsg>(cfg);
    export::<ServerEvent>(cfg);
    export::<ErrorBody>(cfg);
    export::<RegisterRequest>(cfg);
    export::<LoginRequest>(cfg);
    export::<SessionCreated>(cfg);
    export::<ChangePasswordRequest>(cfg);
    export::<ProfileUpdate>(cfg);
    export::<RoleUpdate>(cfg);
    export::<SendRequest>(cfg);
    export::<DirectRequest>(cfg);
    export::<ChannelUpdate>(cfg);
    export::<HistoryPage>(cfg);
    export::<Topic>(cfg);
    export::<TopicUpdate>(cfg);
    export::<HelperUpdate>(cfg);
    export::<NewCannedReply>(cfg);
    export::<CannedReply>(cfg);
    export::<AvailabilityAnswer>(cfg);
    export::<AuditEntry>(cfg);
    export::<OpenConsultationRequest>(cfg);
    export::<QueueView>(cfg);
    export::<ModRequest>(cfg);
    export::<NewReport>(cfg);
    export::<ReportResolution>(cfg);
    export::<NoteText>(cfg);
    export::<AutomodRuleSpec>(cfg);
    export::<AutomodRule>(cfg);
    export::<ModLogEntry>(cfg);
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    let text = std::fs::read_to_string(e.path()).expect("read a type file");
                    (e.file_name().to_string_lossy().into_owned(), text)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// One file that re-exports every type, so the client imports from `./protocol`.
fn index(types: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "// Generated with the types beside it (server/tests/typescript_types.rs). Do not edit.\n",
    );
    for name in types.keys() {
        out.push_str(&format!(
            "export type * from './{}';\n",
            name.trim_end_matches(".ts")
        ));
    }
    out
}

#[test]
fn the_web_clients_protocol_types_match_the_rust_types() {
    let dir = std::env::temp_dir().join(format!("engawa-ts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // JSON numbers: ids, seqs and times are well inside 2^53.
    let cfg = Config::new().with_out_dir(&dir).with_large_int("number");
    export_protocol(&cfg);
    let mut generated = files(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        generated.contains_key("ClientMsg.ts") && generated.contains_key("ServerEvent.ts"),
        "ts-rs wrote {:?}",
        generated.keys()
    );
    let index = index(&generated);
    generated.insert("index.ts".into(), index);

    let committed_dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../client-web/src/protocol");
    if std::env::var_os("UPDATE_TYPES").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).expect("create client-web/src/protocol");
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).expect("write a type file");
        }
    }
    let committed = files(&committed_dir);
    let stale: Vec<&String> = generated
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(committed.keys().filter(|n| !generated.contains_key(*n)))
        .collect();
    assert!(
        stale.is_empty(),
        "client-web/src/protocol is stale ({stale:?} differ from the Rust types): \
         run UPDATE_TYPES=1 cargo test -p engawa --test typescript_types, then `npm run check` in client-web"
    );
}
