//! The `engawa` binary: configuration, logging, signals, then `engawa::run` (or an admin command).

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use engawa::config::FileConfig;
use engawa::protocol::Role;
use engawa::{Config, auth, store};
use tokio_util::sync::CancellationToken;

/// Engawa: community chat with multilingual channels and consultation queues.
///
/// Every option can also be set with the environment variable shown, or in the configuration file
/// (`engawa.toml` in the working directory, or `--config`). Flags win over the environment, which wins over the
/// file.
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    #[command(flatten)]
    options: Options,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Args)]
struct Options {
    /// Configuration file (TOML). Default: ./engawa.toml when it exists.
    #[arg(long, env = "ENGAWA_CONFIG", global = true)]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "ENGAWA_BIND", global = true)]
    bind: Option<SocketAddr>,
    /// Directory for the embedded SQLite database [default: ./data].
    #[arg(long, env = "ENGAWA_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB [default: SQLite under the data directory].
    #[arg(long, env = "ENGAWA_DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// Redis URL for presence and fan-out across nodes: redis://HOST:PORT [default: none, in-process].
    #[arg(long, env = "ENGAWA_REDIS_URL", global = true)]
    redis_url: Option<String>,
    /// Namespace of the Redis keys and channel; every node of one deployment uses the same [default: engawa].
    #[arg(long, env = "ENGAWA_REDIS_PREFIX", global = true)]
    redis_prefix: Option<String>,
    /// Origins allowed to open WebSockets besides the page's own, comma-separated and exact
    /// (e.g. https://chat.example.org).
    #[arg(
        long,
        env = "ENGAWA_ALLOWED_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    allowed_origins: Option<Vec<String>>,
    /// Log filter, in tracing's EnvFilter syntax [default: info].
    #[arg(long, env = "ENGAWA_LOG", global = true)]
    log: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a node (the default).
    Serve,
    /// Apply database migrations and exit (serve also applies them).
    Migrate,
    /// Administer accounts.
    #[command(subcommand)]
    Admin(Admin),
}

#[derive(Subcommand)]
enum Admin {
    /// Create an account. The password is read from a prompt, or from standard input when it is not a terminal.
    CreateUser {
        #[arg(long)]
        username: String,
        /// Defaults to the username.
        #[arg(long)]
        display_name: Option<String>,
        /// member, volunteer, advisor, moderator or admin.
        #[arg(long, default_value = "member", value_parser = parse_role)]
        role: Role,
        /// UI language of the account.
        #[arg(long, default_value = "en")]
        locale: String,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        format!("unknown role {s:?}: member, volunteer, advisor, moderator or admin")
    })
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let filter = cli.options.log.clone().unwrap_or_else(|| "info".to_owned());
    engawa::init_logging(&filter).context("--log / ENGAWA_LOG")?;
    let config = load_config(&cli.options)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(config).await,
            Command::Migrate => {
                store::Store::open(&config.database_url())
                    .await
                    .context("migrating the database")?;
                println!("database is up to date: {}", redact(&config.database_url()));
                Ok(())
            }
            Command::Admin(Admin::CreateUser {
                username,
                display_name,
                role,
                locale,
            }) => create_user(config, username, display_name, role, locale).await,
        }
    })
}

/// Flags and environment (clap merged those), then the file, then defaults.
fn load_config(options: &Options) -> Result<Config> {
    let path = options.config.clone().or_else(|| {
        let default = PathBuf::from("engawa.toml");
        default.exists().then_some(default)
    });
    let file: FileConfig = match &path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?
        }
        None => FileConfig::default(),
    };
    let mut config = Config::default();
    config.bind = options.bind.or(file.bind).unwrap_or(config.bind);
    config.data_dir = options
        .data_dir
        .clone()
        .or(file.data_dir)
        .unwrap_or(config.data_dir);
    config.database_url = options.database_url.clone().or(file.database_url);
    config.redis_url = options.redis_url.clone().or(file.redis_url);
    config.redis_prefix = options
        .redis_prefix
        .clone()
        .or(file.redis_prefix)
        .unwrap_or(config.redis_prefix);
    if config.redis_url.is_some() && config.database_url().starts_with("sqlite") {
        bail!(
            "a Redis URL is set with the embedded SQLite database: several nodes need one shared database \
             (--database-url postgres://…); a single node needs no Redis"
        );
    }
    config.allowed_origins = options
        .allowed_origins
        .clone()
        .or(file.allowed_origins)
        .unwrap_or_default()
        .into_iter()
        .map(|o| o.trim().to_owned())
        .filter(|o| !o.is_empty())
        .collect();
    let limits = file.limits;
    let l = &mut config.limits;
    l.max_body_chars = limits.max_body_chars.unwrap_or(l.max_body_chars);
    l.send_per_second = limits.send_per_second.unwrap_or(l.send_per_second);
    l.send_burst = limits.send_burst.unwrap_or(l.send_burst);
    l.resume_cap = limits.resume_cap.unwrap_or(l.resume_cap);
    l.history_page_max = limits.history_page_max.unwrap_or(l.history_page_max);
    config.outbox = limits.outbox.unwrap_or(config.outbox);
    config.register_per_hour = limits.register_per_hour.unwrap_or(config.register_per_hour);
    file.consultations.apply(&mut config.consultations);
    Ok(config)
}

async fn serve(config: Config) -> Result<()> {
    let listener = engawa::listen(config.bind).with_context(|| {
        format!(
            "binding {} (is another server running there? use --bind)",
            config.bind
        )
    })?;
    let addr = listener.local_addr()?;
    println!(
        "Engawa is serving http://{addr}/  (database: {})",
        redact(&config.database_url())
    );
    let shutdown = CancellationToken::new();
    let signal = shutdown.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("shutting down");
        signal.cancel();
    });
    engawa::run(config, listener, shutdown).await?;
    Ok(())
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(
            tokio::signal::unix::SignalKind::terminate(),
        ) {
            Ok(term) => term,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM; only Ctrl-C stops the server");
                if ctrl_c.await.is_err() {
                    std::future::pending::<()>().await;
                }
                return;
            }
        };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    if ctrl_c.await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn create_user(
    config: Config,
    username: String,
    display_name: Option<String>,
    role: Role,
    locale: String,
) -> Result<()> {
    let (username, key) = auth::normalize_username(&username)
        .map_err(|_| anyhow::anyhow!("invalid username {username:?}"))?;
    let password = read_password()?;
    auth::check_password(&password).map_err(|_| {
        anyhow::anyhow!(
            "the password needs {} to {} characters",
            auth::MIN_PASSWORD_CHARS,
            auth::MAX_PASSWORD_CHARS
        )
    })?;
    let store = store::Store::open(&config.database_url())
        .await
        .context("opening the database")?;
    let hash = auth::Hasher::new(1)
        .hash(password)
        .await
        .map_err(|code| anyhow::anyhow!("hashing the password failed: {code:?}"))?;
    let display_name = display_name.unwrap_or_else(|| username.clone());
    let row = store
        .insert_user(&store::NewUser {
            username: &username,
            username_key: &key,
            display_name: &display_name,
            password_hash: &hash,
            role,
            locale: &locale,
            languages_spoken: &[],
            languages_learning: &[],
            now: engawa::now_ms(),
        })
        .await
        .context("creating the account")?;
    match row {
        Some(row) => {
            println!(
                "created {} ({}) with id {}",
                row.profile.username,
                role.as_str(),
                row.profile.id
            );
            Ok(())
        }
        None => bail!("the username {username:?} is taken"),
    }
}

/// From a terminal prompt (twice, to catch typos), or the first line of standard input.
fn read_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").context("reading the password")?;
        let second =
            rpassword::prompt_password("Repeat password: ").context("reading the password")?;
        if first != second {
            bail!("the passwords differ");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from standard input")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// A database URL without its password, for printing.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}
