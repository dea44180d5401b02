#!/usr/bin/env python3
"""Renders the benchmark charts from the JSON files the bench writes.

    target/bench/venv/bin/python bench/plot.py [RESULTS_DIR] [OUT_DIR]

RESULTS_DIR defaults to target/bench/results and OUT_DIR to docs/benchmarks. Each chart whose input
is missing is skipped with a note; one line is printed per PNG written. Only the standard library and
matplotlib are used, with the Agg backend, and the output is deterministic (no timestamps).
"""

from __future__ import annotations

import json
import math
import re
import statistics
import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter, NullLocator  # noqa: E402

DPI = 110
WIDTH_IN = 900 / DPI  # 900 px wide
P99_LIMIT_MS = 100.0
DELIVERED_MIN = 0.999

# Fixed order, colour and label of each server; unknown servers come after, in grey.
SERVERS = {
    "engawa": ("#d1495b", "Engawa"),
    "bare": ("#555555", "bare baseline (Rust)"),
    "bare-sized": ("#a0a0a0", "bare baseline, Engawa's frame size"),
    "uws": ("#2e86ab", "uWebSockets (socketify)"),
    "ws": ("#3a9d5d", "Node ws"),
    "socketio": ("#8e6cc0", "Socket.IO"),
}
OTHER_COLOUR = "#999999"

# Deterministic PNGs: no "Software" version string either.
PNG_METADATA = {"Software": None}

plt.rcParams.update(
    {
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.fontsize": 9,
        "legend.framealpha": 0.9,
        "svg.hashsalt": "engawa",
    }
)


# ---------------------------------------------------------------------------------------------------
# Reading


def colour(server: str) -> str:
    return SERVERS.get(server, (OTHER_COLOUR, server))[0]


def label(server: str) -> str:
    return SERVERS.get(server, (OTHER_COLOUR, server))[1]


def server_order(servers) -> list[str]:
    known = [s for s in SERVERS if s in servers]
    return known + sorted(s for s in servers if s not in SERVERS)


def number(value) -> float | None:
    """A finite float, or None for a missing, null (NaN written by serde) or non-numeric value."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def load(results: Path, scenario: str) -> dict | None:
    path = results / f"{scenario}.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        print(f"note: cannot read {path}: {e}")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        print(f"note: {path} has no rows")
        return None
    return data


def rows_by_server(data: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in data.get("rows") or []:
        if isinstance(row, dict) and isinstance(row.get("server"), str):
            out.setdefault(row["server"], []).append(row)
    return out


def median_metric(rows: list[dict], key: str) -> float | None:
    """The median over runs of a metric, skipping runs where it is missing or empty."""
    values = [v for r in rows if (v := number((r.get("metrics") or {}).get(key))) is not None]
    return statistics.median(values) if values else None


def round_sig(x: float, digits: int = 3) -> float:
    if x == 0:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def count_label(n: int) -> str:
    return f"{n:,}"


def rate_label(x: float, _pos=None) -> str:
    """25k, 100k, 1.6M, …"""
    if x >= 1e6:
        return f"{x / 1e6:g}M"
    if x >= 1e3:
        return f"{x / 1e3:g}k"
    return f"{x:g}"


def ms_label(y: float, _pos=None) -> str:
    return f"{y:g}"


def save(fig, out: Path, name: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    fig.savefig(path, dpi=DPI, metadata=PNG_METADATA)
    plt.close(fig)
    print(f"wrote {path}")


def machine_note(*datasets: dict | None) -> str:
    """A short footnote: the machine and the number of runs, from the first file that has them."""
    for data in datasets:
        if not data:
            continue
        m = data.get("machine") or {}
        runs = max((r.get("run", 0) for r in data.get("rows") or [] if isinstance(r, dict)), default=0)
        parts = []
        if m.get("cpu"):
            cores = m.get("cores")
            parts.append(f"{m['cpu']}" + (f", {cores} core{'s' if cores != 1 else ''}" if cores else ""))
        if m.get("pinned") is not None:
            parts.append("pinned" if m["pinned"] else "not pinned")
        if runs:
            parts.append(f"median of {runs} run{'s' if runs != 1 else ''}")
        return "; ".join(parts)
    return ""


def legend_below(fig, ax, handles) -> None:
    """The legend in rows under the x axis label, where it cannot hide data; three columns when there are more
    entries than two rows of four hold, so that long labels stay within the figure."""
    ncol = min(len(handles), 4 if len(handles) <= 8 else 3)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=ncol, frameon=False)


def footnote(fig, text: str) -> None:
    if text:
        fig.text(0.99, 0.01, text, ha="right", va="bottom", fontsize=7.5, color="#666666")


# ---------------------------------------------------------------------------------------------------
# 1. Latency against offered load (hot channel)


def ladder(rows: list[dict]) -> list[tuple[float, float | None, float | None, bool]]:
    """(rate, median p99, median p50, failed) per offered rate of a server's runs, sorted by rate.

    Steps are grouped by the offered delivery rate rounded to 3 significant digits; rates that appear
    in fewer than half the runs, or in only one of several runs (the per-run refine steps), are dropped. A rate counts as failed when
    the median delivered fraction is under 99.9 %.
    """
    runs = len(rows)
    # "At least half the runs", but with two or more runs a rate seen in one run only is a refine step.
    need = max(math.ceil(runs / 2), min(runs, 2))
    groups: dict[float, dict] = {}
    for run_index, row in enumerate(rows):
        for step in row.get("steps") or []:
            rate = number(step.get("offered_deliveries_per_s"))
            if rate is None or rate <= 0:
                continue
            g = groups.setdefault(round_sig(rate), {"runs": set(), "p99": [], "p50": [], "frac": []})
            g["runs"].add(run_index)
            for key in ("p99", "p50"):
                v = number(step.get(f"{key}_ms"))
                if v is not None and v > 0:
                    g[key].append(v)
            expected, received = number(step.get("expected")), number(step.get("received"))
            if expected is not None and received is not None:
                g["frac"].append(received / expected if expected > 0 else 1.0)
    out = []
    for rate in sorted(groups):
        g = groups[rate]
        if len(g["runs"]) < need:
            continue
        p99 = statistics.median(g["p99"]) if g["p99"] else None
        p50 = statistics.median(g["p50"]) if g["p50"] else None
        failed = bool(g["frac"]) and statistics.median(g["frac"]) < DELIVERED_MIN
        out.append((rate, p99, p50, failed))
    return out


def plot_hot(results: Path, out: Path, scenario: str) -> None:
    data = load(results, scenario)
    name = f"{scenario}-latency.png"
    if data is None:
        print(f"skipped {name}: no {results / (scenario + '.json')}")
        return
    match = re.search(r"(\d+)$", scenario)
    n = count_label(int(match.group(1))) if match else "N"
    by_server = rows_by_server(data)

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 5.4))
    xs_all: list[float] = []
    ys_all: list[float] = []
    handles = []
    any_failed = False
    for server in server_order(by_server):
        points = ladder(by_server[server])
        if not points:
            continue
        c = colour(server)
        thick = server == "engawa"
        lw = 2.8 if thick else 1.6
        ms = 7 if thick else 5.5
        z = 5 if thick else 3
        rates = [p[0] for p in points]
        p99 = [p[1] if p[1] is not None else math.nan for p in points]
        p50 = [p[2] if p[2] is not None else math.nan for p in points]
        if all(math.isnan(v) for v in p99):
            continue
        ax.plot(rates, p99, color=c, lw=lw, zorder=z)
        ax.plot(rates, p50, color=c, lw=1.0, ls="--", alpha=0.8, zorder=z - 1)
        # Markers: filled where (nearly) everything arrived, open where deliveries were lost.
        ok = [(r, v) for (r, _, _, f), v in zip(points, p99) if not f and not math.isnan(v)]
        bad = [(r, v) for (r, _, _, f), v in zip(points, p99) if f and not math.isnan(v)]
        if ok:
            ax.plot(*zip(*ok), ls="none", marker="o", ms=ms, color=c, zorder=z + 1)
        if bad:
            any_failed = True
            ax.plot(*zip(*bad), ls="none", marker="o", ms=ms, mfc="white", mec=c, mew=1.8, zorder=z + 1)
        handles.append(Line2D([], [], color=c, lw=lw, marker="o", ms=ms, label=label(server)))
        xs_all += rates
        ys_all += [v for v in p99 + p50 if not math.isnan(v)]

    if not handles:
        plt.close(fig)
        print(f"skipped {name}: no steps in {scenario}.json")
        return

    ax.axhline(P99_LIMIT_MS, color="#333333", ls=":", lw=1.4, zorder=1)
    ax.set_xscale("log")
    ax.set_yscale("log")

    # x ticks: 25k · 2^k; the axis runs from the tick at or below the lowest rate to the tick at or
    # above the highest, so there are always labelled ticks at both ends.
    lo, hi = min(xs_all), max(xs_all)
    ticks = [25e3 * 2**k for k in range(-10, 16)]
    t_lo = max([t for t in ticks if t <= lo * 1.001] or [ticks[0]])
    t_hi = min([t for t in ticks if t >= hi * 0.999] or [ticks[-1]])
    shown = [t for t in ticks if t_lo <= t <= t_hi]
    ax.set_xlim(t_lo / 1.12, t_hi * 1.12)
    ax.xaxis.set_major_locator(FixedLocator(shown))
    ax.xaxis.set_major_formatter(FuncFormatter(rate_label))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_formatter(NullFormatter())

    # y ticks: 1-2-5 series, covering the data and the 100 ms limit.
    ylo = min(min(ys_all), P99_LIMIT_MS)
    yhi = max(max(ys_all), P99_LIMIT_MS)
    ax.set_ylim(ylo / 1.4, yhi * 1.4)
    yticks = [m * 10**e for e in range(-2, 6) for m in (1, 2, 5)]
    ax.yaxis.set_major_locator(FixedLocator([t for t in yticks if ylo / 1.4 <= t <= yhi * 1.4]))
    ax.yaxis.set_major_formatter(FuncFormatter(ms_label))
    ax.yaxis.set_minor_formatter(NullFormatter())

    ax.text(
        t_lo / 1.1, P99_LIMIT_MS * 1.06, "p99 limit", color="#333333", fontsize=9, va="bottom", ha="left"
    )
    ax.grid(True, which="major", color="#e4e4e4", lw=0.8, zorder=0)
    ax.set_xlabel("offered deliveries per second (log scale)")
    ax.set_ylabel("end-to-end latency, ms (log scale)")
    ax.set_title(f"One channel, {n} subscribers: latency against offered load")

    grey = "#666666"
    handles.append(Line2D([], [], color=grey, lw=1.6, label="p99 (solid)"))
    handles.append(Line2D([], [], color=grey, lw=1.0, ls="--", label="p50 (dashed)"))
    if any_failed:
        handles.append(
            Line2D([], [], ls="none", marker="o", ms=6, mfc="white", mec=grey, mew=1.6,
                   label="open marker: < 99.9 % delivered")
        )
    legend_below(fig, ax, handles)
    footnote(fig, machine_note(data))
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    save(fig, out, name)


# ---------------------------------------------------------------------------------------------------
# Grouped bars (memory, capacity)


def grouped_bars(
    ax,
    groups: list[tuple[str, dict[str, float]]],
    scale: float,
    decimals: int,
) -> list[str]:
    """Draws one cluster per server with one bar per group (solid, then hatched and lighter).

    `groups` is [(group label, {server: value})]; values are divided by `scale`. Returns the servers
    drawn, in order.
    """
    servers = server_order({s for _, values in groups for s in values})
    n = len(groups)
    width = 0.8 / max(n, 2)
    styles = [dict(alpha=1.0, hatch=None), dict(alpha=0.55, hatch="//"), dict(alpha=0.35, hatch="..")]
    top = max((v / scale for _, values in groups for v in values.values()), default=0.0)
    for i, server in enumerate(servers):
        for j, (_, values) in enumerate(groups):
            x = i - width * n / 2 + width * (j + 0.5)
            if server not in values:
                ax.text(x, top * 0.012, "n/a", ha="center", va="bottom", fontsize=8, color="#888888")
                continue
            v = values[server] / scale
            style = styles[j % len(styles)]
            ax.bar(
                x, v, width * 0.92, color=colour(server), alpha=style["alpha"], hatch=style["hatch"],
                edgecolor="white" if style["hatch"] else colour(server),
                lw=0, zorder=3,
            )
            ax.text(
                x, v + top * 0.012, f"{v:.{decimals}f}", ha="center", va="bottom", fontsize=8.5,
                fontweight="bold" if server == "engawa" else "normal", zorder=4,
            )
    ax.set_xticks(range(len(servers)))
    ax.set_xticklabels([textwrap.fill(label(s), 14) for s in servers])
    for tick, s in zip(ax.get_xticklabels(), servers):
        if s == "engawa":
            tick.set_fontweight("bold")
    pad = max(0.0, (3 - len(servers)) / 2)  # one or two servers: keep the bars a sensible width
    ax.set_xlim(-0.6 - pad, len(servers) - 0.4 + pad)
    ax.grid(True, axis="y", color="#e4e4e4", lw=0.8, zorder=0)
    return servers


def group_legend_handles(groups: list[tuple[str, dict[str, float]]]) -> list:
    styles = [dict(alpha=1.0, hatch=None), dict(alpha=0.55, hatch="//"), dict(alpha=0.35, hatch="..")]
    out = []
    for j, (name, _) in enumerate(groups):
        s = styles[j % len(styles)]
        out.append(Patch(facecolor="#777777", alpha=s["alpha"], hatch=s["hatch"], edgecolor="white",
                         label=name))
    return out


def medians(data: dict, key: str) -> dict[str, float]:
    out = {}
    for server, rows in rows_by_server(data).items():
        v = median_metric(rows, key)
        if v is not None:
            out[server] = v
    return out


# 2. Memory per idle connection


def bar_groups(results: Path, name: str, prefix: str, counts, metric: str, label):
    """The files `<prefix>-<n>.json` that exist, and for each a (label, {server: median of metric}) group."""
    datasets = []
    groups = []
    for n in counts:
        data = load(results, f"{prefix}-{n}")
        if data is None:
            print(f"note: {name}: no {results / f'{prefix}-{n}.json'}")
            continue
        values = medians(data, metric)
        if values:
            datasets.append(data)
            groups.append((label(n), values))
    return datasets, groups


def plot_memory(results: Path, out: Path) -> None:
    name = "memory-per-connection.png"
    datasets, groups = bar_groups(
        results, name, "idle", (10000, 19000), "bytes_per_conn",
        lambda n: f"{count_label(n)} idle connections",
    )
    if not groups:
        print(f"skipped {name}: no idle results")
        return

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 5.0))
    grouped_bars(ax, groups, scale=1024.0, decimals=1)
    top = max(v / 1024.0 for _, values in groups for v in values.values())
    ax.set_ylim(0, max(top, 6.0) * 1.1)
    for y, ls, lw, text in ((6.0, "--", 1.2, "target 6 KiB"), (3.0, ":", 1.5, "stretch 3 KiB")):
        ax.axhline(y, color="#222222", ls=ls, lw=lw, zorder=5)
        ax.annotate(
            text, xy=(1.0, y), xycoords=("axes fraction", "data"), xytext=(4, 0),
            textcoords="offset points", ha="left", va="center", fontsize=9, color="#222222",
        )
    ax.set_ylabel("KiB per connection (RSS growth ÷ connections)")
    ax.set_title("Memory per idle connection")
    legend_below(fig, ax, group_legend_handles(groups))
    footnote(fig, machine_note(*datasets))
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    save(fig, out, name)


# 3. Capacity


def plot_capacity(results: Path, out: Path) -> None:
    name = "capacity.png"
    datasets, groups = bar_groups(
        results, name, "hot", (1000, 10000), "capacity",
        lambda n: f"one channel, {count_label(n)} subscribers",
    )
    if not groups:
        print(f"skipped {name}: no hot results")
        return

    fig, ax = plt.subplots(figsize=(WIDTH_IN, 5.0))
    grouped_bars(ax, groups, scale=1e6, decimals=2)
    top = max(v / 1e6 for _, values in groups for v in values.values())
    ax.set_ylim(0, (top or 1.0) * 1.1)
    ax.set_ylabel("deliveries per second, millions (median)")
    ax.set_title("Highest delivery rate with p99 < 100 ms")
    legend_below(fig, ax, group_legend_handles(groups))
    footnote(fig, machine_note(*datasets))
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    save(fig, out, name)


# ---------------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if len(argv) > 3 or any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__.strip())
        return 0 if len(argv) <= 3 else 2
    results = Path(argv[1]) if len(argv) > 1 else Path("target/bench/results")
    out = Path(argv[2]) if len(argv) > 2 else Path("docs/benchmarks")
    if not results.is_dir():
        print(f"note: {results} is not a directory; nothing to plot")
        return 0
    for scenario in ("hot-1000", "hot-10000"):
        plot_hot(results, out, scenario)
    plot_memory(results, out)
    plot_capacity(results, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
