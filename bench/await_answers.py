#!/usr/bin/env python3
"""Waits until every given IDE answers code-server's /healthz JSON, all polled at once.

stdin: one "<url> [<host header>]" per line; with a host header the request carries the probe token
(env PROBE_TOKEN), as class-service's probes through the edge do. argv: t0 (epoch seconds the clock runs from),
timeout seconds, poll interval seconds (default 0.5). Prints the seconds from t0 until the last one first answered; exit 1 on timeout
(naming what never answered). Every target is polled by its own thread every interval, so the
measurement does not grow with the number of targets (a sequential loop of N curls would).
"""
import http.client
import os
import sys
import threading
import time
import urllib.parse

t0, timeout = float(sys.argv[1]), float(sys.argv[2])
interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
targets = [line.split() for line in sys.stdin.read().splitlines() if line.strip()]
first_ok = {}
lock = threading.Lock()
deadline = time.time() + timeout
token = os.environ.get("PROBE_TOKEN", "")


def answers(url, host):
    u = urllib.parse.urlsplit(url)
    if not u.hostname:  # a runtime that exited has no address
        return False
    conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=2)
    try:
        headers = {"Host": host, "Caas-Probe-Token": token} if host else {}
        conn.request("GET", u.path or "/", headers=headers)
        r = conn.getresponse()
        return r.status == 200 and b'"lastHeartbeat"' in r.read()
    except OSError:
        return False
    finally:
        conn.close()


def poll(i, url, host):
    while time.time() < deadline:
        if answers(url, host):
            with lock:
                first_ok[i] = time.time()
            return
        time.sleep(interval)


threads = [threading.Thread(target=poll, args=(i, t[0], t[1] if len(t) > 1 else None), daemon=True)
           for i, t in enumerate(targets)]
for t in threads:
    t.start()
for t in threads:
    t.join()
missing = [" ".join(targets[i]) for i in range(len(targets)) if i not in first_ok]
if missing:
    print(f"never answered within {timeout:.0f}s: {missing}", file=sys.stderr)
    sys.exit(1)
print(f"{max(first_ok.values()) - t0:.1f}")
