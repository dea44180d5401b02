//! Every WebSocket text frame goes through this decoder first.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = serde_json::from_slice::<engawa::protocol::ClientMsg>(data);
});
