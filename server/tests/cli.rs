//! The `engawa` binary as an operator uses it: `--help`, `admin create-user` with the password on standard
//! input, `serve` printing its address, and a clean exit on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn engawa() -> Command {
    Command::new(env!("CARGO_BIN_EXE_engawa"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("engawa-cli-{}-{name}", std::process::id()));
    // A leftover from an earlier run would make `create-user` find the name taken.
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn help_documents_every_subcommand_and_option() {
    let out = engawa().arg("--help").output().expect("runs");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "serve",
        "migrate",
        "admin",
        "--bind",
        "ENGAWA_BIND",
        "--data-dir",
        "ENGAWA_DATA_DIR",
        "--database-url",
        "ENGAWA_DATABASE_URL",
        "--redis-url",
        "ENGAWA_REDIS_URL",
        "--allowed-origins",
        "ENGAWA_ALLOWED_ORIGINS",
    ] {
        assert!(help.contains(needle), "--help mentions {needle}:\n{help}");
    }
    let admin = engawa()
        .args(["admin", "create-user", "--help"])
        .output()
        .expect("runs");
    let admin = String::from_utf8_lossy(&admin.stdout);
    assert!(
        admin.contains("--username") && admin.contains("--role"),
        "{admin}"
    );
    assert!(
        !admin.contains("--password"),
        "passwords never come from a flag"
    );
}

fn http(addr: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.write_all(request.as_bytes()).expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    response
}

#[test]
fn a_fresh_install_gets_its_first_admin_and_serves() {
    let dir = temp_dir("serve");
    let mut create = engawa()
        .args(["--data-dir"])
        .arg(&dir)
        .args([
            "admin",
            "create-user",
            "--username",
            "root",
            "--role",
            "admin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    create
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"a long admin passphrase\n")
        .expect("write password");
    let out = create.wait_with_output().expect("finishes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("created root (admin)"));

    let mut server = engawa()
        .args(["--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("prints its address");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("an address in {line:?}"))
        .to_owned();
    let body = r#"{"username":"root","password":"a long admin passphrase"}"#;
    let response = http(
        &addr,
        &format!(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"role\":\"admin\""), "{response}");
    assert!(
        response
            .to_lowercase()
            .contains("set-cookie: engawa_session="),
        "{response}"
    );

    let pid = server.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill")
            .success()
    );
    // Bounded, so that a shutdown that hangs fails the test instead of stalling the suite.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = server.kill();
            panic!("the server did not exit within 20 s of SIGTERM");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "a clean exit on SIGTERM: {status:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_redis_url_without_a_shared_database_is_refused_with_an_explanation() {
    let out = engawa()
        .args([
            "--redis-url",
            "redis://127.0.0.1:6379",
            "migrate",
            "--data-dir",
        ])
        .arg(temp_dir("redis"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("one shared database"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
