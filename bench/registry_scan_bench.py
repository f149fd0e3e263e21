#!/usr/bin/env python3
"""Helpers of bench/registry-scan-bench (Python standard library only).

  registry_scan_bench.py port                         a free loopback TCP port
  registry_scan_bench.py sample LIST.tsv N            N references spread evenly over a registry_populate list
                                                      (N = 0 or >= the list: all of them)
  registry_scan_bench.py db-change OUT.json           an OSV record that changes the database: a made-up CRITICAL
                                                      advisory for musl in Alpine v3.6 … v3.11 (every bench image)
  registry_scan_bench.py requests SLICE.log LIST.tsv… what the registry served in a slice of its log: blob GETs
                                                      (layers / configs), manifest GETs, bytes (JSON on stdout)
  registry_scan_bench.py record KEY=VALUE…            one measurement as a JSON line (see Record below)
  registry_scan_bench.py table RESULTS.jsonl [--markdown OUT.md] [--meta KEY=VALUE…]
                                                      the table, ratios and targets (and the Markdown file)
"""
import datetime
import json
import os
import re
import socket
import sys

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN")
# docker-registry (distribution 2.8) writes an Apache combined access-log line for every request it answered:
# 127.0.0.1 - - [01/Dec/2026:23:29:22 +0000] "GET /v2/app-001/blobs/sha256:66b3… HTTP/1.1" 200 378620 "" "skopeo/1.9.3"
ACCESS = re.compile(r'^\S+ - \S+ \[[^\]]+\] "(?P<method>[A-Z]+) (?P<uri>\S+) HTTP/[\d.]+" (?P<status>\d{3}) (?P<bytes>\d+|-)')


def cmd_port(_):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def read_list(path):
    rows = []
    with open(path) as f:
        for line in f:
            ref, manifest, config, layers, size = line.rstrip("\n").split("\t")
            rows.append({"ref": ref, "manifest": manifest, "config": config, "layers": layers.split(","),
                         "size": int(size)})
    return rows


def cmd_sample(args):
    rows = read_list(args[0])
    n = int(args[1])
    if n <= 0 or n >= len(rows):
        picked = rows
    else:
        picked = [rows[i * len(rows) // n] for i in range(n)]
    for r in picked:
        print(r["ref"])


def cmd_db_change(args):
    record = {
        "schema_version": "1.6.0", "id": "OSV-2099-0001", "modified": "2024-06-01T00:00:00Z",
        "published": "2024-06-01T00:00:00Z", "aliases": ["CVE-2099-0001"],
        "summary": "registry-scan-bench: a made-up advisory, imported so that the database changes",
        "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
        "affected": [{"package": {"ecosystem": f"Alpine:v3.{v}", "name": "musl"},
                      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]} for v in range(6, 12)],
    }
    with open(args[0], "w") as f:
        json.dump(record, f, indent=1)


def cmd_requests(args):
    configs = set()
    for path in args[1:]:
        if os.path.exists(path):
            configs.update(r["config"] for r in read_list(path))
    out = {"requests": 0, "blob_gets": 0, "layer_gets": 0, "config_gets": 0, "blob_bytes": 0, "manifest_gets": 0,
           "manifest_heads": 0, "blob_heads": 0, "errors": 0}
    with open(args[0], encoding="latin-1") as f:
        for line in f:
            m = ACCESS.match(line)
            if not m:
                continue
            out["requests"] += 1
            method, uri, status = m.group("method"), m.group("uri"), int(m.group("status"))
            if status >= 400:
                out["errors"] += 1
            if "/blobs/" in uri and "/blobs/uploads" not in uri:
                if method == "GET":
                    out["blob_gets"] += 1
                    digest = uri.rsplit("/", 1)[1].split("?", 1)[0]
                    out["config_gets" if digest in configs else "layer_gets"] += 1
                    out["blob_bytes"] += int(m.group("bytes")) if m.group("bytes") != "-" else 0
                elif method == "HEAD":
                    out["blob_heads"] += 1
            elif "/manifests/" in uri:
                if method == "GET":
                    out["manifest_gets"] += 1
                elif method == "HEAD":
                    out["manifest_heads"] += 1
    print(json.dumps(out))


def gnu_time(path):
    """(wall seconds, peak RSS MiB, cpu seconds) from GNU time -v output."""
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + \
        float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    return secs, rss, cpu


def severity_counts(obj, depth=0):
    """The first dict below OBJ whose keys are severity names with integer values (any case)."""
    if depth > 4:
        return None
    if isinstance(obj, dict):
        upper = {str(k).upper(): v for k, v in obj.items()}
        hits = {k: upper[k] for k in SEVERITIES if isinstance(upper.get(k), int)}
        if len(hits) >= 2:
            return hits
        for v in obj.values():
            found = severity_counts(v, depth + 1)
            if found:
                return found
    return None


def report_images(doc):
    if isinstance(doc, dict):
        for key in ("images", "results", "scans", "items"):
            if isinstance(doc.get(key), list):
                return doc[key]
    return doc if isinstance(doc, list) else []


def parse_report(path, log):
    """stella's scan-registry JSON report: summary counts and per-image severity counts, keyed by digest/reference.
    Falls back on the 'Total: N = Success: X + Failed: Y + Skipped: Z' line of the log."""
    out = {}
    if path and os.path.exists(path) and os.path.getsize(path) > 0:
        try:
            doc = json.load(open(path))
        except ValueError as e:
            out["report_error"] = f"unreadable JSON report: {e}"
            doc = None
        if doc is not None:
            summary = doc.get("summary") if isinstance(doc, dict) else None
            if isinstance(summary, dict):
                for k in ("total", "success", "failed", "skipped"):
                    if isinstance(summary.get(k), int):
                        out[k] = summary[k]
            per_image = {}
            findings = dict.fromkeys(SEVERITIES, 0)
            for img in report_images(doc):
                if not isinstance(img, dict):
                    continue
                key = img.get("digest") or img.get("reference") or img.get("image")
                counts = severity_counts(img) or {}
                for k, v in counts.items():
                    findings[k] += v
                if key:
                    per_image[str(key)] = counts
            out["findings"] = findings
            out["per_image"] = per_image
    if "total" not in out and log and os.path.exists(log):
        m = None
        for m in re.finditer(r"Total: (\d+) = Success: (\d+) \+ Failed: (\d+) \+ Skipped: (\d+)",
                             open(log, encoding="utf-8", errors="replace").read()):
            pass
        if m:
            out.update(total=int(m.group(1)), success=int(m.group(2)), failed=int(m.group(3)),
                       skipped=int(m.group(4)))
    return out


def trivy_outputs(directory):
    """Packages and OS detected per Trivy JSON output in DIRECTORY."""
    images = pkgs = os_found = 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        try:
            doc = json.load(open(os.path.join(directory, name)))
        except ValueError:
            continue
        images += 1
        os_found += 1 if (doc.get("Metadata") or {}).get("OS") else 0
        pkgs += sum(len(r.get("Packages") or []) for r in doc.get("Results") or [])
    return {"outputs": images, "packages": pkgs, "os_detected": os_found}


def cmd_record(args):
    """KEY=VALUE…: key, label, images, time (GNU time file), rc, requests (JSON file from `requests`), report,
    log, measured (images actually run when extrapolating), trivy_dir, note, skipped (why it did not run),
    startup_time (GNU time file of the tool's bare start-up), compare_report (a previous report: count
    images whose CRITICAL count rose)."""
    kv = dict(a.split("=", 1) for a in args)
    rec = {"key": kv["key"], "label": kv["label"], "images": int(kv["images"]), "rc": int(kv.get("rc", 0))}
    if kv.get("time") and os.path.exists(kv["time"]):
        rec["wall"], rec["rss"], rec["cpu"] = gnu_time(kv["time"])
    if kv.get("requests") and os.path.exists(kv["requests"]):
        rec["requests"] = json.load(open(kv["requests"]))
    if kv.get("measured"):
        rec["measured"] = int(kv["measured"])
    if kv.get("note"):
        rec["note"] = kv["note"]
    if kv.get("skipped"):
        rec["skipped"] = kv["skipped"]
    if kv.get("startup_time") and os.path.exists(kv["startup_time"]):
        rec["startup"] = gnu_time(kv["startup_time"])[0]
    if kv.get("report") or kv.get("log"):
        rep = parse_report(kv.get("report"), kv.get("log"))
        per_image = rep.pop("per_image", {})
        rec["report"] = rep
        if kv.get("compare_report"):
            before = parse_report(kv["compare_report"], None).get("per_image", {})
            rose = sum(1 for k, c in per_image.items() if c.get("CRITICAL", 0) > (before.get(k) or {}).get("CRITICAL", 0))
            rec["db_change_seen"] = {"images_with_more_critical": rose, "images_compared": len(per_image)}
    if kv.get("trivy_dir") and os.path.isdir(kv["trivy_dir"]):
        rec["trivy"] = trivy_outputs(kv["trivy_dir"])
    print(json.dumps(rec))


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def cmd_table(args):
    path = args[0]
    md_path = None
    meta = {}
    i = 1
    while i < len(args):
        if args[i] == "--markdown":
            md_path = args[i + 1]
            i += 2
        elif args[i] == "--meta":
            k, v = args[i + 1].split("=", 1)
            meta[k] = v
            i += 2
        else:
            raise SystemExit("table: unknown argument " + args[i])
    recs = {}
    order = []
    for line in open(path):
        if line.strip():
            r = json.loads(line)
            recs.setdefault(r["key"], []).append(r)
            if r["key"] not in order:
                order.append(r["key"])

    def median(vals):
        vals = sorted(v for v in vals if v is not None)
        if not vals:
            return None
        n = len(vals)
        return vals[n // 2] if n % 2 else (vals[n // 2 - 1] + vals[n // 2]) / 2

    rows = []
    summary = {}
    for key in order:
        runs = recs[key]
        last = runs[-1]
        ok = [r for r in runs if "wall" in r]
        wall = median([r["wall"] for r in ok])
        images = last["images"]
        measured = last.get("measured", images)
        per_image = wall / measured * 1000 if wall is not None and measured else None
        total_wall = per_image * images / 1000 if per_image is not None else None
        req = last.get("requests") or {}
        rep = last.get("report") or {}
        result = []
        if rep.get("total") is not None:
            result.append(f"{rep.get('success', '?')} ok / {rep.get('failed', '?')} failed / {rep.get('skipped', '?')} skipped")
        if rep.get("findings"):
            f = rep["findings"]
            result.append(f"findings C{f['CRITICAL']} H{f['HIGH']} M{f['MEDIUM']} L{f['LOW']} U{f['UNKNOWN']}")
        if last.get("trivy"):
            t = last["trivy"]
            result.append(f"{t['outputs']} reports, {t['packages']} packages, OS in {t['os_detected']}")
        if last.get("db_change_seen"):
            d = last["db_change_seen"]
            result.append(f"DB change seen in {d['images_with_more_critical']}/{d['images_compared']} images")
        bad = [r["rc"] for r in runs if r["rc"] != 0 and not r.get("skipped")]
        if bad:
            result.append(f"EXIT {bad[0]}")
        if last.get("startup") is not None:
            result.append(f"start-up alone (trivy --version): {last['startup']:.1f} s per run")
        if last.get("note"):
            result.append(last["note"])
        if last.get("skipped"):
            result.append("NOT RUN: " + last["skipped"])
        label = last["label"]
        if measured != images:
            label += f" [{measured} run, extrapolated]"
        if len(runs) > 1:
            label += f" [median of {len(ok)}]"
        rows.append({
            "scenario": label, "images": images,
            "wall": total_wall if measured != images else wall,
            "per_image": per_image,
            "gets": req.get("blob_gets"), "layer_gets": req.get("layer_gets"), "config_gets": req.get("config_gets"),
            "mib": req["blob_bytes"] / 2**20 if "blob_bytes" in req else None,
            "manifest_gets": req.get("manifest_gets"),
            "rss": median([r.get("rss") for r in ok]), "result": "; ".join(result),
        })
        summary[key] = {"wall": rows[-1]["wall"], "images": images, "gets": req.get("blob_gets"),
                        "ok": not bad and wall is not None, "skipped": last.get("skipped")}

    head = ["scenario", "images", "wall s", "ms/image", "blob GETs (layer+config)", "MiB pulled", "manifest GETs",
            "peak RSS MiB (largest process)", "result"]
    body = []
    for r in rows:
        gets = "-" if r["gets"] is None else f"{r['gets']} ({r['layer_gets']}+{r['config_gets']})"
        body.append([r["scenario"], str(r["images"]), fmt(r["wall"], ".2f"), fmt(r["per_image"], ".1f"), gets,
                     fmt(r["mib"], ".0f"), fmt(r["manifest_gets"], "d"), fmt(r["rss"], ".0f"), r["result"]])

    def why(*scenarios):
        for sc in scenarios:
            if not sc:
                return "not run"
            if sc["skipped"]:
                return sc["skipped"]
            if not sc["ok"]:
                return "a run failed"
        return "?"

    lines = []
    a, b, c, d = (summary.get(k) for k in ("a", "b", "c", "d"))
    if a and b and a["ok"] and b["ok"]:
        ratio = a["wall"] / b["wall"]
        lines.append(f"(a)/(b) stella cold / transfer floor = {ratio:.2f}  (target <= 1.5: {'MET' if ratio <= 1.5 else 'MISSED'})")
    else:
        lines.append("(a)/(b) stella cold / transfer floor: n/a (" + why(a, b) + ")")
    if a and c and a["ok"] and c["ok"]:
        ratio = c["wall"] / a["wall"]
        lines.append(f"(c)/(a) trivy per image / stella cold = {ratio:.1f}x  (target >= 20x: {'MET' if ratio >= 20 else 'MISSED'})")
    else:
        lines.append("(c)/(a) trivy per image / stella cold: n/a (" + why(a, c) + ")")
    if d and d["ok"]:
        size_ok = d["images"] >= 1000
        met = d["wall"] < 10 and d["gets"] == 0 and size_ok
        lines.append(f"(d) rescan of {d['images']} known images after a DB change: {d['wall']:.2f} s, {d['gets']} blob GETs  "
                     f"(target < 10 s with 0 blob GETs for 1,000 images: "
                     f"{('MET' if met else 'MISSED') if size_ok else 'n/a, fewer than 1,000 images'})")
    else:
        lines.append("(d) rescan after a DB change: n/a (" + why(d) + ")")

    widths = [max(len(head[i]), *(len(row[i]) for row in body)) if body else len(head[i]) for i in range(len(head))]
    out = []
    for k, v in meta.items():
        out.append(f"{k}: {v}")
    out.append("")
    out.append("  ".join(h.ljust(widths[i]) if i in (0, 8) else h.rjust(widths[i]) for i, h in enumerate(head)).rstrip())
    for row in body:
        out.append("  ".join(c.ljust(widths[i]) if i in (0, 8) else c.rjust(widths[i]) for i, c in enumerate(row)).rstrip())
    out.append("")
    out.extend(lines)
    print("\n".join(out))

    if md_path:
        md = [f"# Registry-scan benchmark, {datetime.date.today().isoformat()}", ""]
        md += [f"- {k}: {v}" for k, v in meta.items()]
        md += ["", "| " + " | ".join(head) + " |", "|" + "|".join("---" if i in (0, 8) else "---:" for i in range(len(head))) + "|"]
        md += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in body]
        md += [""] + [f"- {l}" for l in lines] + [""]
        os.makedirs(os.path.dirname(os.path.abspath(md_path)), exist_ok=True)
        with open(md_path, "w") as f:
            f.write("\n".join(md))


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd = {"port": cmd_port, "sample": cmd_sample, "db-change": cmd_db_change, "requests": cmd_requests,
           "record": cmd_record, "table": cmd_table}.get(sys.argv[1])
    if not cmd:
        print(__doc__, file=sys.stderr)
        return 2
    cmd(sys.argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
