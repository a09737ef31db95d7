"""Runs every benchmark of docs/performance.md in one go and prints one table.

Read pages: `wrk -t2 -c64` against a release `fanout serve` on the standard
demo (seed 7), each route's req/s as a ratio to the unknown-route 404 of the
same run (the same binary's storage-free path). Fan-out: a mass message to
--fans active subscribers through the running server (POST, then poll until
isDone), as a ratio to the plainest bulk insert of as many rows measured in
the same run (FanOutBenchmark baseline). Then a second fan-out while wrk
loads a chat page and direct messages are sent. Memory: the server's peak
RSS (VmHWM, reset before each phase). Then the same on PostgreSQL (a
throwaway cluster from scripts/postgres-cluster, over its Unix socket); its
read runs alternate with SQLite's, route by route: the read pages, each also
as a ratio to its SQLite figure, and the fan-out against a same-run bulk
insert into a table shaped like mass_delivery (FanOutBenchmark
postgres-baseline). Standard library only.
"""
import argparse
import http.client
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROUTES = [
    # name, path, needs auth, expected status, target ratio to the 404 route
    ("unknown route → 404 JSON (no storage; the baseline)", "/nope", False, 404, None),
    ("`/health` (one storage read)", "/health", False, 200, None),
    ("auth + `GET /v2/access/mass-messages/999999999` (404)", "/v2/access/mass-messages/999999999", True, 404, None),
    ("`GET /v2/access/chats/:userId/messages?limit=10`", "CHAT_PAGE", True, 200, 0.2),
    ("`GET /v2/access/chats?limit=10`", "/v2/access/chats?limit=10", True, 200, 0.2),
    ("`GET /v2/access/mass-messages?limit=10&type=sent`", "/v2/access/mass-messages?limit=10&type=sent", True, 200, 0.1),
    ("`GET /v2/access/analytics/mass-messages/purchased?limit=20`", "/v2/access/analytics/mass-messages/purchased?limit=20", True, 200, 0.2),
]
P99_TARGET_MS = 20.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release")
    parser.add_argument("--fans", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds of one wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs of every route, interleaved; medians are reported")
    parser.add_argument("--reads-only", action="store_true", help="skip the fan-out runs (while tuning reads)")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL column")
    parser.add_argument("--postgres-only", action="store_true", help="only the PostgreSQL column (its SQLite ratios left out)")
    parser.add_argument("--postgres-tcp", action="store_true",
                        help="reach PostgreSQL over TCP, not its Unix socket (binaries older than socket URLs)")
    # --fans 0 also works with binaries older than `demo --fans` (for before/after runs).
    args = parser.parse_args()
    args.reads_only = args.reads_only or args.fans == 0
    work = tempfile.mkdtemp(prefix="fanout-bench-")
    say(f"machine: {machine()}")
    sqlite, postgres = None, None
    try:
        # Both servers up before the reads, whose rounds alternate between
        # them route by route: this machine's throughput drifts by 10-25%
        # over minutes, and a backend read minutes after the other would
        # carry that drift into their ratio.
        if not args.postgres_only:
            sqlite = sqlite_side(args, work)
        if not args.no_postgres:
            postgres = postgres_side(args)
        sides = [side for side in (sqlite, postgres) if side]
        reads = read_pages(sides, args)
        results = []
        if sqlite:
            results += reads["SQLite"]["rows"]
            if not args.reads_only:
                results += sqlite_fan_outs(args, sqlite)
        if postgres:
            results += reads["PostgreSQL"]["rows"]
            for name, path, auth, status, target in ROUTES:
                if target is not None and sqlite:
                    pg, lite = reads["PostgreSQL"]["medians"][name], reads["SQLite"]["medians"][name]
                    results.append((f"PostgreSQL vs SQLite: {name}", f"{pg:,.0f} vs {lite:,.0f} req/s", "",
                                    f"{pg / lite:.2f}×", "≥ 0.5× SQLite's", pg / lite >= 0.5))
            if not args.reads_only:
                results += postgres_fan_out(args, postgres)
    finally:
        for side in (sqlite, postgres):
            if side:
                side["server"].terminate()
                side["server"].wait(timeout=30)
        if postgres:
            subprocess.run(["scripts/postgres-cluster", "stop", postgres["cluster_dir"]])
        subprocess.run(["rm", "-rf", work])
    sys.exit(print_table(results))


def sqlite_side(args, work):
    """The demo in an SQLite file and a server on it."""
    database = os.path.join(work, "bench.sqlite")
    demo_seconds, reader, sender = make_demo(args, database, args.fans)
    port, server = start_server(args, database, open(os.path.join(work, "server.log"), "w"))
    return {"backend": "SQLite", "port": port, "server": server, "reader": reader, "sender": sender,
            "demo_seconds": demo_seconds, "chat_page": pick_chat_page(port, reader)}


def postgres_side(args):
    """A throwaway PostgreSQL cluster, the demo in a database of it, and a
    server on it; Fanout and the baseline reach it as a one-machine
    deployment would, through its Unix socket in the cluster's folder."""
    exports = subprocess.run(["scripts/postgres-cluster", "start"], check=True, capture_output=True, text=True).stdout
    cluster = dict(re.findall(r"(FANOUT_TEST_POSTGRES_\w+)=(\S+)", exports))
    server_url, cluster_dir = cluster["FANOUT_TEST_POSTGRES_URL"], cluster["FANOUT_TEST_POSTGRES_DIR"]
    tcp = urllib.parse.urlsplit(server_url)
    over_socket = lambda name: (server_url.replace("/postgres?", f"/{name}?") if args.postgres_tcp
                                else f"postgres://{tcp.username}@/{name}?host={cluster_dir}&port={tcp.port}")
    side = {"backend": "PostgreSQL", "cluster_dir": cluster_dir, "baseline_url": over_socket("postgres")}
    try:
        subprocess.run(["psql", "-q", server_url, "-c", "CREATE DATABASE fanout_bench"], check=True)
        database = over_socket("fanout_bench")
        # The same demo as SQLite's: the two read the same data (`--fans 0`: the standard demo for both).
        side["demo_seconds"], side["reader"], side["sender"] = make_demo(args, database, args.fans)
        side["port"], side["server"] = start_server(args, database, subprocess.DEVNULL)
        side["chat_page"] = pick_chat_page(side["port"], side["reader"])
        return side
    except BaseException:
        if "server" in side:
            side["server"].kill()
        subprocess.run(["scripts/postgres-cluster", "stop", cluster_dir])
        raise


def sqlite_fan_outs(args, side):
    """The fan-out alone against its bulk-insert baseline, then again under load."""
    port, server, sender, reader = side["port"], side["server"], side["sender"], side["reader"]
    results = []
    baseline = json.loads(subprocess.run(
        [f"{args.bin}/FanOutBenchmark", "baseline", str(args.fans)], check=True, capture_output=True, text=True).stdout)
    results.append((f"baseline: bulk insert of {args.fans:,} rows (one prepared statement, raw binds, one transaction)",
                    f"{baseline['seconds']:.2f} s", "", "1×", "baseline", None))
    say(f"bulk insert baseline: {baseline['seconds']:.2f} s")
    reset_peak_rss(server.pid)
    seconds, message = fan_out(port, sender, args.fans, "Fan-out benchmark")
    fan_rss = peak_rss_mib(server.pid)
    check_delivered(port, sender, message, args.fans)
    ratio = seconds / baseline["seconds"]
    results.append((f"fan-out to {args.fans:,} active subscribers (POST → isDone, in every chat)",
                    f"{seconds:.2f} s", "", f"{ratio:.2f}×", "≤ 4× the baseline's time", ratio <= 4))
    results.append(("server RSS, peak during that fan-out", f"{fan_rss:.0f} MiB", "", "", "≤ 150 MiB", fan_rss <= 150))
    say(f"fan-out: {seconds:.2f} s = {ratio:.2f}× the baseline; RSS peak {fan_rss:.0f} MiB")

    # A second fan-out to the same fans while the API is in use.
    loaded = fan_out_under_load(port, sender, reader, side["chat_page"], args.fans, max(3, int(seconds)))
    results.append((f"fan-out to the same {args.fans:,} again while wrk -c64 reads a chat page",
                    f"{loaded['seconds']:.2f} s", "", "", "completes, counts right", True))
    results.append(("chat page during that fan-out", f"{loaded['rps']:,.0f} req/s", f"{loaded['p99']:.1f} ms", "",
                    "p99 < 100 ms", loaded["p99"] < 100))
    results.append((f"direct messages during that fan-out ({loaded['dms']} sent, one each 100 ms)",
                    f"max {loaded['dm_max']:.1f} ms", f"{loaded['dm_p99']:.1f} ms", "", "each < 100 ms", loaded["dm_max"] < 100))
    results.append((f"`fanout demo --seed 7 --fans {args.fans:,}`", f"{side['demo_seconds']:.1f} s", "", "", "well under a minute",
                    side["demo_seconds"] < 60))
    return results


def postgres_fan_out(args, side):
    """The 1M fan-out on PostgreSQL against an unnest bulk insert."""
    port, server, sender = side["port"], side["server"], side["sender"]
    results = []
    baseline = json.loads(subprocess.run(
        [f"{args.bin}/FanOutBenchmark", "postgres-baseline", side["baseline_url"], str(args.fans)],
        check=True, capture_output=True, text=True).stdout)
    results.append((f"PostgreSQL baseline: unnest insert of {args.fans:,} rows into a table like mass_delivery (one transaction)",
                    f"{baseline['seconds']:.2f} s", "", "1×", "baseline", None))
    say(f"PostgreSQL bulk insert baseline: {baseline['seconds']:.2f} s")
    reset_peak_rss(server.pid)
    seconds, message = fan_out(port, sender, args.fans, "Fan-out benchmark")
    check_delivered(port, sender, message, args.fans)
    ratio = seconds / baseline["seconds"]
    results.append((f"PostgreSQL: fan-out to {args.fans:,} active subscribers (POST → isDone, in every chat)",
                    f"{seconds:.2f} s", "", f"{ratio:.2f}×", "≤ 3× the baseline's time", ratio <= 3))
    fan_rss = peak_rss_mib(server.pid)
    results.append(("PostgreSQL: server RSS, peak during that fan-out", f"{fan_rss:.0f} MiB", "", "", "≤ 150 MiB", fan_rss <= 150))
    say(f"PostgreSQL fan-out: {seconds:.2f} s = {ratio:.2f}× the baseline")
    results.append((f"PostgreSQL: `fanout demo --seed 7 --fans {args.fans:,}`", f"{side['demo_seconds']:.1f} s", "", "", "well under a minute",
                    side["demo_seconds"] < 60))
    return results


def make_demo(args, database, fans):
    """`fanout demo --seed 7` (and `--fans`) into `database`: its seconds,
    and the headers of a standard creator (reader) and of the creator with
    the large audience (sender)."""
    say(f"fanout demo --seed 7 --fans {fans} into {database.split('?')[0]} …")
    start = time.monotonic()
    fans_flag = ["--fans", str(fans)] if fans > 0 else []
    demo = json.loads(subprocess.run(
        [f"{args.bin}/fanout", "demo", "--database", database, "--seed", "7"] + fans_flag,
        check=True, capture_output=True, text=True).stdout)
    standard, studio = demo["organizations"][0], demo["organizations"][-1]
    return (time.monotonic() - start,
            {"apiKey": standard["apiKey"], "x-connection-id": standard["connections"][0]["id"]},
            {"apiKey": studio["apiKey"], "x-connection-id": studio["connections"][0]["id"]})


def start_server(args, database, log):
    """A healthy `fanout serve` on `database`: its port and process. No rate
    limit: wrk sends thousands of requests a second on one connection (set by
    environment, which binaries older than the flag ignore)."""
    port = free_port()
    server = subprocess.Popen(
        [f"{args.bin}/fanout", "serve", "--database", database, "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "FANOUT_RATE_LIMIT": "off"}, stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_healthy(port)
    except SystemExit:
        server.kill()
        raise
    return port, server


def read_pages(sides, args):
    """Every route in turn on every side (backend), several rounds, each
    route run on one side right after the other; medians compared with the
    same side's 404 route. Per side: its table rows and each route's median
    req/s."""
    for side in sides:
        reset_peak_rss(side["server"].pid)
    runs = {side["backend"]: {name: [] for name, *_ in ROUTES} for side in sides}
    for round in range(args.rounds):
        for name, path, auth, status, target in ROUTES:
            for side in sides:
                url = f"http://127.0.0.1:{side['port']}" + (side["chat_page"] if path == "CHAT_PAGE" else path)
                headers = side["reader"] if auth else {}
                if round == 0:
                    wrk(url, headers, 2, 64)  # warm-up
                run = wrk(url, headers, args.duration, 64)
                if status == 200 and run["non2xx"]:
                    sys.exit(f"{url}: {run['non2xx']} responses were not 2xx")
                runs[side["backend"]][name].append(run)
                say(f"{side['backend']} round {round + 1}: {name}: {run['rps']:,.0f} req/s, p99 {run['p99']:.1f} ms")
    reads = {}
    for side in sides:
        backend, by_route = side["backend"], runs[side["backend"]]
        baseline = median([run["rps"] for run in by_route[ROUTES[0][0]]])
        rows, medians = [], {}
        for name, path, auth, status, target in ROUTES:
            rps = median([run["rps"] for run in by_route[name]])
            p99 = median([run["p99"] for run in by_route[name]])
            ratio = rps / baseline
            medians[name] = rps
            met = None if target is None else (ratio >= target and p99 < P99_TARGET_MS)
            goal = "baseline" if target is None else f"≥ {target}×, p99 < {P99_TARGET_MS:.0f} ms"
            rows.append((f"{backend}: {name}", f"{rps:,.0f} req/s", f"{p99:.1f} ms", f"{ratio:.3f}×", goal, met))
        read_rss = peak_rss_mib(side["server"].pid)
        rows.append((f"{backend}: server RSS, peak over all read runs (64 connections)", f"{read_rss:.0f} MiB", "", "", "≤ 100 MiB",
                     read_rss <= 100))
        reads[backend] = {"rows": rows, "medians": medians}
    return reads


def print_table(results):
    """Prints the table; an exit message when a target was missed."""
    print()
    print(f"Machine: {machine()}")
    print()
    print("| what | figure | p99 | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for name, figure, p99, ratio, goal, met in results:
        mark = "" if met is None else ("yes" if met else "**no**")
        print(f"| {name} | {figure} | {p99} | {ratio} | {goal} | {mark} |")
    return "Some targets were not met." if any(row[5] is False for row in results) else None


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def say(text):
    print(text, file=sys.stderr, flush=True)


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
    version = re.search(r"version ([0-9.]+)", swift)
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Swift {version.group(1) if version else '?'}, wrk and server on the same cores")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, headers, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body).encode() if body is not None else None
    all_headers = dict(headers)
    if data is not None:
        all_headers["Content-Type"] = "application/json"
    start = time.monotonic()
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    elapsed = time.monotonic() - start
    connection.close()
    return response.status, (json.loads(payload) if payload else None), elapsed


def wait_healthy(port):
    for _ in range(600):
        try:
            if request(port, "GET", "/health", {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("the server did not become healthy")


def pick_chat_page(port, headers):
    """A chat with more than one full page of messages."""
    status, chats, _ = request(port, "GET", "/v2/access/chats?limit=20", headers)
    assert status == 200, chats
    for chat in chats["list"]:
        path = f"/v2/access/chats/{chat['withUser']['id']}/messages?limit=10"
        status, page, _ = request(port, "GET", path, headers)
        if status == 200 and len(page["list"]) == 10 and page["hasMore"]:
            return path
    sys.exit("no chat with more than 10 messages in the demo")


def wrk(url, headers, duration, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))
    p99 = re.search(r"99%\s+([0-9.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    if errors:
        say(f"  wrk socket errors on {url}: {errors.group(1)}")
    return {"rps": rps, "p99": float(p99.group(1)) * scale, "non2xx": int(non2xx.group(1)) if non2xx else 0}


def reset_peak_rss(pid):
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


def peak_rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fan_out(port, headers, fans, text):
    """POSTs a mass message to every subscriber; seconds until isDone."""
    start = time.monotonic()
    status, created, _ = request(port, "POST", "/v2/access/mass-messages", headers, {"text": text})
    assert status == 200 and created["total"] == fans, created
    while True:
        status, item, _ = request(port, "GET", f"/v2/access/mass-messages/{created['id']}", headers)
        if item["isDone"]:
            return time.monotonic() - start, item
        time.sleep(0.02)


def check_delivered(port, headers, item, fans, newest=True):
    """Counts right, and the message is the newest in sample recipients' chats
    (with `newest`, also the chat list's first chat's last message)."""
    assert item["sentCount"] == fans and item["pending"] == 0 and item["total"] == fans, item
    samples = (10_000_000 + fans // 2, 10_000_000 + fans - 1) + ((10_000_000,) if newest else ())
    for fan in samples:
        status, page, _ = request(port, "GET", f"/v2/access/chats/{fan}/messages?limit=1", headers)
        assert status == 200 and page["list"][0]["queueId"] == item["id"], (fan, page)
    if newest:
        status, chats, _ = request(port, "GET", "/v2/access/chats?limit=1", headers)
        assert chats["list"][0]["lastMessage"]["queueId"] == item["id"], chats


def fan_out_under_load(port, sender, reader, chat_page, fans, duration):
    latencies = []
    done = threading.Event()

    def send_direct_messages():
        fan = 10_000_000
        while not done.is_set():
            status, _, elapsed = request(port, "POST", f"/v2/access/chats/{fan}/messages", sender, {"text": "Still here?"})
            assert status == 200
            latencies.append(elapsed * 1000)
            fan += 1
            time.sleep(0.1)

    result = {}

    def run_fan_out():
        result["seconds"], result["item"] = fan_out(port, sender, fans, "Fan-out under load")
        done.set()

    # Direct messages start first, so that some wait on the POST itself
    # (which resolves the recipients) as well as on the delivery batches.
    fan_out_thread = threading.Thread(target=run_fan_out)
    dm_thread = threading.Thread(target=send_direct_messages)
    dm_thread.start()
    time.sleep(0.05)
    fan_out_thread.start()
    load = wrk(f"http://127.0.0.1:{port}{chat_page}", reader, duration, 64)
    fan_out_thread.join()
    dm_thread.join()
    check_delivered(port, sender, result["item"], fans, newest=False)
    latencies.sort()
    return {"seconds": result["seconds"], "rps": load["rps"], "p99": load["p99"], "dms": len(latencies),
            "dm_max": latencies[-1], "dm_p99": latencies[int(len(latencies) * 0.99) - 1 if len(latencies) > 1 else 0]}


if __name__ == "__main__":
    main()
