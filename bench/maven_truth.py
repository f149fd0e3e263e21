#!/usr/bin/env python3
"""Checks each tool's Maven coordinates against the truth a Maven repository layout gives:
every jar at PREFIX/<group as dirs>/<artifact>/<version>/<artifact>-<version>[-classifier].jar.

Usage: maven_truth.py ROOTFS PREFIX STELLA_CYCLONEDX.json TRIVY.json
Per tool and jar (the jar's own identity; entries for jars shaded inside it are counted apart):
  exact           group, artifact and version right
  no-group        artifact and version right, no group (no purl can be formed)
  wrong-group     artifact and version right, another group
  wrong-artifact  version right, another artifact name
  wrong-version   artifact right, another version
  wrong           neither (e.g. only the coordinates of jars shaded inside it)
  missing         nothing reported for the jar
Standard library only.
"""
import collections
import json
import os
import sys

CLASSES = ["exact", "no-group", "wrong-group", "wrong-artifact", "wrong-version", "wrong", "missing"]


def truth(rel, prefix):
    parts = rel[len(prefix):].strip("/").split("/")
    return ".".join(parts[:-3]), parts[-3], parts[-2]


def stella(path):
    out = []
    for c in json.load(open(path)).get("components", []):
        props = {p["name"]: p.get("value") for p in c.get("properties", [])}
        purl = c.get("purl") or ""
        if props.get("stella:package:type") == "maven" or purl.startswith("pkg:maven/"):
            out.append((c.get("group") or "", c.get("name") or "", c.get("version") or "",
                        props.get("stella:file-path") or ""))
    return out


def trivy(path):
    out = []
    for r in json.load(open(path)).get("Results") or []:
        if r.get("Type") not in ("jar", "pom", "gradle"):
            continue
        for p in r.get("Packages") or []:
            group, _, artifact = (p.get("Name") or "").rpartition(":")
            out.append((group, artifact, p.get("Version") or "", p.get("FilePath") or ""))
    return out


def classify(found, g, a, v):
    if not found:
        return "missing"
    if any(x[:3] == (g, a, v) for x in found):
        return "exact"
    if any(x[1] == a and x[2] == v for x in found):
        return "no-group" if any(not x[0] and x[1] == a and x[2] == v for x in found) else "wrong-group"
    if any(x[2] == v for x in found):
        return "wrong-artifact"
    if any(x[1] == a for x in found):
        return "wrong-version"
    return "wrong"


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    rootfs, prefix = argv[0], argv[1].strip("/")
    jars = []
    for d, _, files in os.walk(os.path.join(rootfs, prefix)):
        for f in files:
            if f.endswith(".jar"):
                jars.append(os.path.relpath(os.path.join(d, f), rootfs))
    jars.sort()
    print(f"   Maven coordinates against the repository layout ({len(jars)} jars under {prefix}/):")
    print(f"   {'tool':<8}" + "".join(f"{c:>15}" for c in CLASSES) + f"{'shaded-entries':>16}")
    examples = {}
    for tool, pkgs in (("stella", stella(argv[2])), ("trivy", trivy(argv[3]))):
        by_jar = collections.defaultdict(list)
        shaded = 0
        for p in pkgs:
            outer, nested = p[3].split("!", 1) if "!" in p[3] else (p[3], "")
            by_jar[outer].append(p)
            shaded += bool(nested)
        counts = collections.Counter()
        for jar in jars:
            g, a, v = truth(jar, prefix)
            # the jar's own identity: entries recorded at the jar itself (nested jars' entries carry "!")
            found = [p for p in by_jar.get(jar, []) if "!" not in p[3]]
            kind = classify(found, g, a, v)
            counts[kind] += 1
            if kind != "exact":
                examples.setdefault((tool, kind), []).append(
                    f"{os.path.basename(jar)}: {g}:{a}:{v} reported as "
                    + (", ".join(f"{x[0] or '-'}:{x[1]}:{x[2]}" for x in found[:3]) or "nothing"))
        print(f"   {tool:<8}" + "".join(f"{counts[c]:>15}" for c in CLASSES) + f"{shaded:>16}")
    for (tool, kind), lines in sorted(examples.items()):
        print(f"   {tool} {kind} ({len(lines)}), e.g.:")
        for line in lines[:6]:
            print(f"      {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
