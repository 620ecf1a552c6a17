#!/usr/bin/env python3
"""The abuse campaign of issue 13 against a running `passguard serve` (loopback only).

Several 127.0.0.x source addresses play several clients; every loop is bounded in count and
in time and stops by itself. Standard library only. Prints one JSON object per scenario.

usage: bench-abuse.py URL MAIL_DIR SCENARIO...   (flood | slow-headers | spray | forgot)
(`flood-attacker` is the flood's own process.)
"""

import asyncio
import email
import email.policy
import glob
import json
import os
import statistics
import sys
import time
from urllib.parse import urlparse

URL = urlparse(sys.argv[1])
HOST, PORT = URL.hostname, URL.port
MAIL_DIR = sys.argv[2]
PASSWORD = "Correct1!horse"

assert HOST.startswith("127."), "loopback only"


class Conn:
    """One keep-alive HTTP/1.1 connection from a given source address."""

    def __init__(self, source):
        self.source = source
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(
            HOST, PORT, local_addr=(self.source, 0)
        )

    async def request(self, method, path, body=None):
        if self.writer is None:
            await self.open()
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            if name.lower() == "connection" and "close" in value.lower():
                close = True
        payload = await self.reader.readexactly(length)
        if close:
            self.close()
        return status, payload

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def call(source, method, path, body=None):
    """One request on a fresh connection: (status, body, seconds)."""
    conn = Conn(source)
    start = time.perf_counter()
    try:
        status, payload = await conn.request(method, path, body)
    finally:
        conn.close()
    return status, payload, time.perf_counter() - start


async def legitimate_logins(source, seconds, username):
    """A real user signing in once a second: (successes, attempts, latencies)."""
    ok, latencies, attempts = 0, [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        attempts += 1
        try:
            status, _, took = await call(
                source, "POST", "/api/login", {"username": username, "password": PASSWORD}
            )
            if status == 200:
                ok += 1
                latencies.append(took)
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            pass
        await asyncio.sleep(1)
    return ok, attempts, latencies


async def flood_worker(source, end, counts):
    conn = Conn(source)
    while time.monotonic() < end:
        try:
            status, _ = await conn.request(
                "POST", "/api/login", {"username": "mallory-guess", "password": "Wrong1!guess"}
            )
            counts[status] = counts.get(status, 0) + 1
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            counts["closed"] = counts.get("closed", 0) + 1
            conn.close()
            await asyncio.sleep(0.01)
    conn.close()


async def flood_attacker():
    """The flood alone, in its own process: 300 connections for 20 s. Prints its answers."""
    end = time.monotonic() + 20
    counts = {}
    await asyncio.gather(*[flood_worker("127.0.0.2", end, counts) for _ in range(300)])
    return counts


async def flood():
    """A flood from 127.0.0.2 while 127.0.0.3 signs in once a second. The attacker runs in
    its own process, at `nice` BENCH_ATTACKER_NICE (0 by default): on a real attack its
    CPU is another machine's, here it shares the server's two cores."""
    idle = await legitimate_logins("127.0.0.3", 10, "bench")
    nice = os.environ.get("BENCH_ATTACKER_NICE", "0")
    attacker = await asyncio.create_subprocess_exec(
        "nice", "-n", nice, sys.executable, __file__, sys.argv[1], MAIL_DIR, "flood-attacker",
        stdout=asyncio.subprocess.PIPE,
    )
    await asyncio.sleep(1)
    ok, attempts, latencies = await legitimate_logins("127.0.0.3", 18, "bench")
    out, _ = await attacker.communicate()
    return {
        "scenario": "flood: 300 connections of wrong logins from 127.0.0.2 for 20 s; "
        f"127.0.0.3 signs in once a second (attacker at nice {nice})",
        "idle_median_ms": round(statistics.median(idle[2]) * 1000, 1),
        "legitimate_success": f"{ok}/{attempts}",
        "under_flood_median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "flood_answers": json.loads(out.decode().strip().splitlines()[-1]),
    }


async def slow_connection(source, end, outcome):
    """Opens a connection and drips a request head one byte a second until closed."""
    try:
        reader, writer = await asyncio.open_connection(HOST, PORT, local_addr=(source, 0))
    except OSError:
        outcome["connect_failed"] += 1
        return
    opened = time.monotonic()
    head = b"GET /api/site HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
    try:
        for byte in head:
            if time.monotonic() > end:
                outcome["still_open_at_end"] += 1
                return
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                data = await asyncio.wait_for(reader.read(1), 1.0)
                if data == b"":
                    kind = "refused_at_once" if time.monotonic() - opened < 0.5 else "closed_by_timeout"
                    outcome[kind] += 1
                    return
            except asyncio.TimeoutError:
                pass
        outcome["still_open_at_end"] += 1
    except (OSError, ConnectionError):
        kind = "refused_at_once" if time.monotonic() - opened < 0.5 else "closed_by_timeout"
        outcome[kind] += 1
    finally:
        writer.close()


async def probe(source, end, results):
    while time.monotonic() < end:
        try:
            status, _, took = await call(source, "GET", "/api/site")
            results.append((status, took))
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            results.append((None, None))
        await asyncio.sleep(0.5)


async def slow_headers():
    end = time.monotonic() + 30
    outcome = {"refused_at_once": 0, "closed_by_timeout": 0, "still_open_at_end": 0, "connect_failed": 0}
    normal, other = [], []
    slow = []
    for i in range(2000):
        slow.append(asyncio.create_task(slow_connection("127.0.0.2", end, outcome)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.gather(probe("127.0.0.3", end, normal), probe("127.0.0.4", end, other), *slow)
    answered = [took for status, took in normal if status == 200]
    return {
        "scenario": "2 000 connections from 127.0.0.2 dripping a head one byte a second for 30 s",
        "slow_connections": outcome,
        "normal_client_127.0.0.3": f"{len(answered)}/{len(normal)} answered, "
        f"median {round(statistics.median(answered) * 1000, 1) if answered else None} ms",
        "other_address_127.0.0.4": f"{sum(1 for s, _ in other if s == 200)}/{len(other)} answered",
    }


async def spray():
    accounts = [f"spray{i}" for i in range(50)]
    per_minute = []
    statuses = {}
    start = time.monotonic()
    conn = Conn("127.0.0.5")
    minute, allowed = 0, 0
    i = 0
    while time.monotonic() - start < 120:
        name = accounts[i % len(accounts)]
        i += 1
        try:
            status, _ = await conn.request(
                "POST", "/api/login", {"username": name, "password": "Wrong1!guess"}
            )
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            conn.close()
            continue
        statuses[status] = statuses.get(status, 0) + 1
        if int((time.monotonic() - start) // 60) != minute:
            per_minute.append(allowed)
            minute, allowed = minute + 1, 0
        if status == 401:
            allowed += 1
        if status == 429:
            await asyncio.sleep(0.05)
    per_minute.append(allowed)
    conn.close()
    return {
        "scenario": "one address (127.0.0.5) spraying wrong passwords over 50 accounts for 2 minutes",
        "attempts_reaching_an_account_per_minute": per_minute,
        "answers": statuses,
    }


def reset_tokens(address):
    """The reset links e-mailed to `address`, oldest first."""
    tokens = []
    for path in sorted(glob.glob(os.path.join(MAIL_DIR, "*.eml")), key=os.path.getmtime):
        with open(path, "rb") as file:
            message = email.message_from_binary_file(file, policy=email.policy.default)
        if address not in str(message["To"]):
            continue
        text = message.get_body(("plain",)).get_content()
        marker = "/reset?token="
        at = text.find(marker)
        if at >= 0:
            tokens.append(text[at + len(marker):].split()[0])
    return tokens


async def forgot():
    victim = "victim@localhost"
    before = len(reset_tokens(victim))
    results = {}
    # From one address, then from 100 different ones.
    for label, sources in [
        ("one_address", ["127.0.0.6"] * 100),
        ("100_addresses", [f"127.0.1.{i + 1}" for i in range(100)]),
    ]:
        statuses = {}
        for source in sources:
            status, _, _ = await call(source, "POST", "/api/password/forgot", {"username": "victim"})
            statuses[status] = statuses.get(status, 0) + 1
        results[label] = statuses
    await asyncio.sleep(2)
    tokens = reset_tokens(victim)[before:]
    first_works = None
    if tokens:
        status, _, _ = await call("127.0.0.7", "GET", f"/api/password/reset/{tokens[0]}")
        first_works = status == 200
    return {
        "scenario": "forgot-password x100 for one account from one address, then x100 from 100 addresses",
        "answers": results,
        "e_mails_sent": len(tokens),
        "first_link_still_works": first_works,
    }


async def main():
    for scenario in sys.argv[3:]:
        result = await {
            "flood": flood,
            "flood-attacker": flood_attacker,
            "slow-headers": slow_headers,
            "spray": spray,
            "forgot": forgot,
        }[scenario]()
        print(json.dumps(result), flush=True)


asyncio.run(main())
