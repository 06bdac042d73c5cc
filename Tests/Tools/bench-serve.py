#!/usr/bin/env python3
"""Save-to-reload latency of `blackout serve` (SPEC §10): starts serve over a site, holds one
Server-Sent Events connection open like a browser tab, appends a line to one incident's Markdown
N times, and times each save until the reload event arrives. Prints median and worst, and the
resident memory of the serve process. Not a test: `make bench` runs it.

usage: bench-serve.py BLACKOUT SITE [SAVES]"""
import os, re, socket, statistics, subprocess, sys, time, glob

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def main():
    binary, site = sys.argv[1], sys.argv[2]
    saves = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--site", site, "--port", str(port), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 600
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close(); break
            except OSError:
                if time.time() > deadline or proc.poll() is not None: sys.exit("serve did not start")
                time.sleep(0.1)
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__blackout/events HTTP/1.1\r\nHost: x\r\n\r\n")
        buffer = b""
        def wait_for(marker):
            nonlocal buffer
            while marker not in buffer:
                chunk = events.recv(65536)
                if not chunk: sys.exit("event stream closed")
                buffer += chunk
            buffer = buffer.split(marker, 1)[1]
        wait_for(b": connected")
        pages = sorted(glob.glob(os.path.join(site, "content/incidents/*.md")) + glob.glob(os.path.join(site, "content/incidents/*/index.md")))
        target = pages[len(pages) // 2]
        original = open(target, encoding="utf-8").read()
        latencies = []
        try:
            for i in range(saves):
                time.sleep(0.3)
                start = time.monotonic()
                with open(target, "w", encoding="utf-8") as f:
                    f.write(original + f"\nEdited {i}.\n")
                wait_for(b"event: reload")
                latencies.append((time.monotonic() - start) * 1000)
        finally:
            with open(target, "w", encoding="utf-8") as f: f.write(original)
        rss = re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{proc.pid}/status").read()).group(1)
        hwm = re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{proc.pid}/status").read()).group(1)
        print(f"serve, {len(pages)} incidents, {saves} saves of {os.path.relpath(target, site)}: "
              f"median {statistics.median(latencies):.0f} ms, worst {max(latencies):.0f} ms, best {min(latencies):.0f} ms; "
              f"resident {int(rss) // 1024} MB, peak {int(hwm) // 1024} MB")
    finally:
        proc.terminate(); proc.wait(timeout=30)

main()
