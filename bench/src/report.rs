//! Results: one row per server and run, medians and paired ratios, a table on the terminal and a JSON file.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::load::Step;
use crate::servers::Kind;

/// One server's measurements in one run.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub server: Kind,
    pub run: usize,
    pub metrics: BTreeMap<String, f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

impl Row {
    pub fn new(server: Kind, run: usize) -> Row {
        Row {
            server,
            run,
            metrics: BTreeMap::new(),
            steps: Vec::new(),
        }
    }
}

/// A column of the table: the metric's key in each row and its label (with its unit).
pub struct Metric {
    pub key: String,
    pub label: String,
    pub decimals: usize,
}

#[derive(Serialize)]
pub struct Results {
    pub scenario: String,
    pub params: serde_json::Value,
    pub machine: serde_json::Value,
    pub rows: Vec<Row>,
    pub summary: BTreeMap<String, BTreeMap<String, f64>>,
}

impl Metric {
    pub fn new(key: impl Into<String>, label: impl Into<String>, decimals: usize) -> Metric {
        Metric {
            key: key.into(),
            label: label.into(),
            decimals,
        }
    }
}

impl Results {
    /// Results of `scenario`, run with `params` (the scenario's arguments, kept in the JSON).
    pub fn new(scenario: String, params: &impl Serialize) -> serde_json::Result<Results> {
        Ok(Results {
            scenario,
            params: serde_json::to_value(params)?,
            machine: machine(),
            rows: Vec::new(),
            summary: BTreeMap::new(),
        })
    }

    fn runs_of(&self, server: Kind, key: &str) -> Vec<(usize, f64)> {
        self.rows
            .iter()
            .filter(|r| r.server == server)
            .filter_map(|r| r.metrics.get(key).map(|v| (r.run, *v)))
            .collect()
    }

    /// The median over runs of `key` for `server`.
    pub fn median(&self, server: Kind, key: &str) -> Option<f64> {
        median(
            self.runs_of(server, key)
                .into_iter()
                .map(|(_, v)| v)
                .collect(),
        )
    }

    /// The median over runs of Engawa's `key` divided by `server`'s, pairing the runs that were measured
    /// back-to-back (A B A B …).
    pub fn paired_ratio(&self, server: Kind, key: &str) -> Option<f64> {
        let ours = self.runs_of(Kind::Engawa, key);
        let theirs = self.runs_of(server, key);
        let ratios = ours
            .iter()
            .filter_map(|(run, a)| {
                let (_, b) = theirs.iter().find(|(r, _)| r == run)?;
                (*b != 0.0).then(|| a / b)
            })
            .collect();
        median(ratios)
    }

    /// Computes the summary (medians and ratios), prints the table and writes `<out>/<scenario>.json`.
    pub fn finish(&mut self, title: &str, metrics: &[Metric], out: &Path) -> anyhow::Result<()> {
        let servers: Vec<Kind> = {
            let mut seen = Vec::new();
            for r in &self.rows {
                if !seen.contains(&r.server) {
                    seen.push(r.server);
                }
            }
            seen
        };
        let runs = self.rows.iter().map(|r| r.run).max().unwrap_or(0);
        println!(
            "\n{title}  (median of {runs} run(s); ratio = Engawa ÷ server, median of paired runs)"
        );
        let mut header = format!("{:<10}", "server");
        for m in metrics {
            header.push_str(&format!(" {:>18} {:>7}", m.label, "ratio"));
        }
        println!("{header}");
        for &server in &servers {
            let mut line = format!("{:<10}", server.name());
            let mut summary = BTreeMap::new();
            for m in metrics {
                let value = self.median(server, &m.key);
                let ratio = self.paired_ratio(server, &m.key);
                line.push_str(&format!(
                    " {:>18} {:>7}",
                    value.map_or("-".into(), |v| group_digits(v, m.decimals)),
                    ratio.map_or("-".into(), |r| format!("{r:.2}")),
                ));
                if let Some(v) = value {
                    summary.insert(m.key.clone(), v);
                }
                if let Some(r) = ratio {
                    summary.insert(format!("{}_ratio", m.key), r);
                }
            }
            println!("{line}");
            self.summary.insert(server.name().to_owned(), summary);
        }
        write_json(out, &self.scenario, self)
    }
}

/// Writes `value` to `<out>/<name>.json` and says where.
pub fn write_json(out: &Path, name: &str, value: &impl serde::Serialize) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    let path = out.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(value)?)?;
    println!("written to {}", path.display());
    Ok(())
}

pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

/// `1234567.8` → `1,234,568` (with `decimals` after the point).
pub fn group_digits(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The machine the numbers come from.
fn machine() -> serde_json::Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mem_kib = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    serde_json::json!({
        "cpu": model,
        "cores": crate::servers::cores(),
        "kernel": kernel.trim(),
        "memory_gib": mem_kib.map(|k| k / 1024 / 1024),
        "pinned": crate::servers::pinning(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_digit_groups() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
        assert_eq!(group_digits(1_234_567.8, 0), "1,234,568");
        assert_eq!(group_digits(999.24, 1), "999.2");
        assert_eq!(group_digits(-1000.0, 0), "-1,000");
    }
}
