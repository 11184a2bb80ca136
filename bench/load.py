"""Load test: N real sessions against a real Streamlit server, speaking Streamlit's own websocket protocol.

    python -m bench.load [--sessions 20] [--seconds 60] [--think 2,6] [--port 8599]

What it does:
1. builds the real data/ into a temporary warehouse and starts `streamlit run dashboard/app.py` on it
   (a server of its own, so its memory and log can be read);
2. warm-up: every page x filter combination once, each in a new session of its own (a session keeps its filters
   and language between views, so one session walking them all would see only its first views in Dutch and
   with a single filter: after its second view it stays in English, and the filters pile up);
3. load: N sessions for T seconds, arriving spread over the first pause, each cycling through the same
   combinations (in its own order) with a pause of `--think` seconds (uniform) between page views, as a
   person reading the page would; every session's page views are recorded in order;
4. closes every session and waits until the server's memory settles; stops the server;
5. baseline: a fresh server on the same warehouse, the same warm-up, then the load's recorded page views
   replayed one session at a time, each session's views back to back -> single-session P50. The same views
   in the same sessions, so the same filter states and the same first views of a state (which build its
   charts), only without anyone else on the server. Sessions keep their filters between pages (a view whose
   URL omits a filter keeps the session's earlier choice), so what a view costs depends on the views before
   it in its session; an earlier baseline (one session cycling 20 s through its own order) reached the state
   with every filter set within its first six views, a state that selects no municipality, and spent the rest of its
   views on empty pages. Pauses do not change a view's time on its own (a view after 1-2 s idle against the
   same view right after it: median ratio 1,01), and without pauses the client's delayed acknowledgement
   would add 40 ms per view if the server left Nagle's algorithm on (dashboard/runtime/tcp.py switches it off).

A page view = one BackMsg rerun_script (page, query string: filters, language, page parameters) until the
ForwardMsg script_finished; its latency is measured from send to finish. Counted as errors: an exception
element, an error alert, a "page not found", a script that did not finish successfully, a run that took longer
than 30 s. Dropped connections: websockets closed by anything but us (the client pings every 20 s and gives up
after 20 s without pong, as browsers' usual keepalive does). The server's log is scanned for tracebacks.
Server memory (RSS of the server process, from /proc) is reported at start, before the load, at its peak and
after the sessions closed.

Targets (README): 0 errors, 0 dropped, P95 <= 3 x single-session P50, memory after <= before + 50 MB.
Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent

# Every page with the parameters that select its variants (url path, query string). The overview is the
# default page: Streamlit serves it at the root, "" (its url_path "overzicht" is not a URL it answers).
PAGES: list[tuple[str, str]] = [
    ("", ""),
    ("", "view=cards&color=employer"),
    ("profiel", "gm=utrecht"),
    ("profiel", "gm=almelo"),
    ("vergelijken", "cmp=utrecht,leiden"),
    ("vergelijken", "cmp=almelo,enschede,groningen,amsterdam"),
    ("contrasten", "contrast=heatmap"),
    ("contrasten", "contrast=matrix"),
    ("contrasten", "contrast=scatter"),
    ("contrasten", "contrast=groups"),
    ("contrasten", "contrast=deviation"),
    ("praktijkvoorbeelden", "q=huisarts"),
    ("praktijkvoorbeelden", ""),
    ("vergelijkbare-gemeenten", ""),
    ("presentatie", ""),
    ("sql-console", ""),
    ("over-de-data", ""),
]
# Sidebar filters and language (combined with every page).
FILTERS: list[str] = [
    "",
    "lang=en",
    "prov=Utrecht,Zuid-Holland",
    "size=ge_250k",
    "bf=leren_verbeteren",
    "org.team_scope=integral_0_100,not_reported",
]
RUN_TIMEOUT_S = 30.0
PING_S = 20.0


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)  # the same latencies per page
    errors: list[str] = field(default_factory=list)
    dropped: int = 0
    runs: int = 0


def scenarios() -> list[tuple[str, str]]:
    return [(page, "&".join(p for p in (params, filt) if p)) for page, params in PAGES for filt in FILTERS]


async def open_session(url: str):
    return await websockets.connect(
        url,
        subprotocols=["streamlit"],
        max_size=None,
        ping_interval=PING_S,
        ping_timeout=PING_S,
        origin=url.replace("ws://", "http://").split("/_stcore")[0],
    )


async def page_view(ws, page: str, query: str, stats: Stats) -> None:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    start = time.perf_counter()
    await ws.send(msg.SerializeToString())
    problems = []
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout=RUN_TIMEOUT_S)
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                problems.append(
                    f"exception on {page}?{query}: {element.exception.type}: {element.exception.message[:120]}"
                )
            elif which == "alert" and element.alert.format == Alert.ERROR:
                problems.append(f"error alert on {page}?{query}: {element.alert.body[:120]}")
        elif kind == "page_not_found":
            problems.append(f"page not found: {page!r}?{query}")
        elif kind == "script_finished":
            status = fwd.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # the page asked for a rerun itself (st.rerun): wait for the next finish
            if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                problems.append(f"script finished with status {status} on {page}?{query}")
            break
    took = time.perf_counter() - start
    stats.latencies.append(took)
    stats.by_page.setdefault(page, []).append(took)
    stats.runs += 1
    stats.errors.extend(problems)


async def session(
    url: str,
    deadline: float,
    order: list[tuple[str, str]],
    think: tuple[float, float],
    stats: Stats,
    rng: random.Random,
    visited: list[tuple[str, str]],
) -> None:
    """One visitor; appends every page view it starts to `visited` (the baseline replays them)."""
    # Visitors arrive spread over one pause, not all in the same millisecond.
    await asyncio.sleep(rng.uniform(0, think[1]))
    try:
        ws = await open_session(url)
    except Exception as exc:  # noqa: BLE001 - a refused connection is a result, not a crash of the tool
        stats.errors.append(f"connect failed: {exc!r}")
        return
    try:
        i = 0
        while time.monotonic() < deadline:
            page, query = order[i % len(order)]
            i += 1
            visited.append((page, query))
            try:
                await page_view(ws, page, query, stats)
            except TimeoutError:
                stats.errors.append(f"no script_finished within {RUN_TIMEOUT_S:g} s on {page}?{query}")
                continue
            if think[1] > 0:
                await asyncio.sleep(rng.uniform(*think))
    except websockets.ConnectionClosed as exc:
        stats.dropped += 1
        stats.errors.append(f"connection dropped: {exc!r}")
    finally:
        await ws.close()


def rss_mb(pid: int) -> float:
    """Resident memory of the server process and its children (SQL workers are short-lived)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(port: int, warehouse: Path, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, "LOKALE_TEAMS_WAREHOUSE": str(warehouse), "LOKALE_TEAMS_DATA": str(ROOT / "data")}
    with log_path.open("w") as log:  # the server writes through its own copy of the descriptor
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard/app.py",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    health = f"http://127.0.0.1:{port}/_stcore/health"
    for _ in range(120):
        try:
            with urllib.request.urlopen(health, timeout=1) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit(f"server did not start; see {log_path}")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server from start_server(): SIGTERM, and SIGKILL if it has not gone after 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run_sessions(
    url: str, n: int, seconds: float, think: tuple[float, float], seed: int, pid: int
) -> tuple[Stats, float, list[list[tuple[str, str]]]]:
    """N sessions at once; (their stats, the server's peak RSS, each session's page views in order)."""
    stats = Stats()
    base = scenarios()
    deadline = time.monotonic() + seconds
    peak = rss_mb(pid)

    async def sample() -> None:
        nonlocal peak
        while time.monotonic() < deadline + 5:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)

    tasks = []
    visits: list[list[tuple[str, str]]] = []
    for k in range(n):
        rng = random.Random(seed + k)
        order = base[:]
        rng.shuffle(order)
        visits.append([])
        tasks.append(session(url, deadline, order, think, stats, rng, visits[-1]))
    sampler = asyncio.create_task(sample())
    await asyncio.gather(*tasks)
    sampler.cancel()
    return stats, peak, visits


async def replay(url: str, visits: list[list[tuple[str, str]]], stats: Stats) -> None:
    """The baseline: each recorded session's page views in a new session of its own, one session after
    another, each view right after the previous one."""
    for views in visits:
        ws = await open_session(url)
        try:
            for page, query in views:
                await page_view(ws, page, query, stats)
        finally:
            await ws.close()


def warm_up(url: str, stats: Stats, settle_seconds: float) -> None:
    """What both servers get before they are measured: one connect/close, then every combination once in a
    session of its own; then the closed sessions are let go (see settle())."""
    asyncio.run(_connect_once(url))
    asyncio.run(_visit_all(url, stats))
    settle(url, settle_seconds)


def settle(url: str, seconds: float) -> None:
    """Closed sessions stay for server.disconnectedSessionTTL (20 s in .streamlit/config.toml) and are dropped at
    the next connect or disconnect: wait past it, then one new visitor looks at one page."""
    time.sleep(seconds)
    asyncio.run(_visit_one(url))
    time.sleep(2)


def main() -> int:  # noqa: PLR0915 - one linear run: options, server, visitors, report
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", default="2,6", help="pause between page views in seconds: min,max")
    parser.add_argument("--port", type=int, default=8599)
    parser.add_argument("--settle-seconds", type=float, default=25.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--batches",
        type=int,
        default=1,
        help="repeat the load this many times (memory after each batch shows what sessions leave)",
    )
    args = parser.parse_args()
    think = tuple(float(x) for x in args.think.split(","))

    tmp = Path(tempfile.mkdtemp(prefix="lokale-teams-load-"))
    warehouse = tmp / "warehouse.duckdb"
    subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", "data", "--out", str(warehouse)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    log_path = tmp / "server.log"
    proc = start_server(args.port, warehouse, log_path)
    url = f"ws://127.0.0.1:{args.port}/_stcore/stream"
    visits: list[list[tuple[str, str]]] = []
    try:
        rss_start = rss_mb(proc.pid)
        warm = Stats()
        warm_up(url, warm, args.settle_seconds)
        rss_before = rss_mb(proc.pid)
        print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        load, rss_peak, elapsed, after_batches = Stats(), rss_before, 0.0, []
        cpu_before = cpu_seconds(proc.pid)
        for batch in range(args.batches):
            t0 = time.monotonic()
            stats, peak, batch_visits = asyncio.run(
                run_sessions(url, args.sessions, args.seconds, think, args.seed + batch * 1000, proc.pid)
            )
            elapsed += time.monotonic() - t0
            visits += batch_visits
            load.latencies += stats.latencies
            for page, took in stats.by_page.items():
                load.by_page.setdefault(page, []).extend(took)
            load.errors += stats.errors
            load.dropped += stats.dropped
            load.runs += stats.runs
            rss_peak = max(rss_peak, peak)
            settle(url, args.settle_seconds)
            after_batches.append(rss_mb(proc.pid))
        rss_after = after_batches[-1]
        server_cpu = cpu_seconds(proc.pid) - cpu_before
        print(f"load average after: {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        stop_server(proc)

    # The baseline: the same page views, one session at a time, on a server that starts as the first did.
    baseline_log = tmp / "server-baseline.log"
    proc = start_server(args.port, warehouse, baseline_log)
    single = Stats()
    try:
        warm_up(url, warm, args.settle_seconds)
        asyncio.run(replay(url, visits, single))
    finally:
        stop_server(proc)
    tracebacks = sum(
        path.read_text(errors="replace").count("Traceback (most recent call last)") for path in (log_path, baseline_log)
    )

    p50_single = percentile(single.latencies, 0.5)
    p50, p95 = percentile(load.latencies, 0.5), percentile(load.latencies, 0.95)
    errors = warm.errors + single.errors + load.errors
    print(f"pages x filters: {len(scenarios())} combinations; think time {think[0]:g}-{think[1]:g} s")
    print(
        f"single session (the load's page views replayed one session at a time): {single.runs} runs, "
        f"P50 {p50_single * 1000:.0f} ms, "
        f"P95 {percentile(single.latencies, 0.95) * 1000:.0f} ms"
    )
    print(
        f"{args.sessions} sessions x {args.seconds:g} s: {load.runs} runs, {load.runs / elapsed:.1f} runs/s, "
        f"P50 {p50 * 1000:.0f} ms, P95 {p95 * 1000:.0f} ms (= {p95 / p50_single:.1f} x single P50), "
        f"max {max(load.latencies, default=0) * 1000:.0f} ms"
    )
    print(
        f"server CPU during the load: {server_cpu:.0f} s = {server_cpu / max(load.runs, 1) * 1000:.0f} ms per page "
        f"view, {server_cpu / elapsed * 100:.0f}% of one core"
    )
    print("per page (single P50 / load P50 / load P95, ms), slowest load P95 first:")
    for page in sorted(load.by_page, key=lambda name: -percentile(load.by_page[name], 0.95)):
        print(
            f"  {page or '(root: overzicht)':<24} {percentile(single.by_page.get(page, [0.0]), 0.5) * 1000:6.0f} "
            f"{percentile(load.by_page[page], 0.5) * 1000:6.0f} {percentile(load.by_page[page], 0.95) * 1000:6.0f}"
        )
    print(f"errors: {len(errors)}; dropped connections: {load.dropped}; server tracebacks: {tracebacks}")
    for line in sorted(set(errors))[:20]:
        print(f"  - {line}")
    print(
        f"server RSS: start {rss_start:.0f} MB, before load {rss_before:.0f} MB, peak {rss_peak:.0f} MB, "
        f"after close {rss_after:.0f} MB ({rss_after - rss_before:+.0f} MB)"
    )
    if len(after_batches) > 1:
        print("server RSS after each batch: " + ", ".join(f"{r:.0f} MB" for r in after_batches))
    ok = not errors and load.dropped == 0 and tracebacks == 0 and p95 <= 3 * p50_single and rss_after - rss_before <= 50
    print("targets met" if ok else "TARGETS MISSED")
    if tracebacks:
        print(f"server logs: {log_path}, {baseline_log}")
    return 0 if ok else 1


async def _connect_once(url: str) -> None:
    ws = await open_session(url)
    await ws.close()


async def _visit_one(url: str) -> None:
    ws = await open_session(url)
    try:
        await page_view(ws, "over-de-data", "", Stats())
    finally:
        await ws.close()


async def _visit_all(url: str, stats: Stats) -> None:
    for page, query in scenarios():
        ws = await open_session(url)
        try:
            await page_view(ws, page, query, stats)
        finally:
            await ws.close()


if __name__ == "__main__":
    sys.exit(main())
