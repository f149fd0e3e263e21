#!/usr/bin/env python3
"""Compares the package sets of a stella CycloneDX SBOM and a Trivy JSON report of the same input.

Usage: compare_packages.py LABEL STELLA_CYCLONEDX.json TRIVY.json [--limit N] [--summary-only] [--summary-tsv FILE]
  --limit N        print at most N lines of each kind of difference (default 40; 0: all)
  --summary-only   print the counts only

A package is keyed by (ecosystem, name, version): the ecosystem is the purl type (apk, deb, rpm, maven, npm,
pypi, golang, cargo, gem, ...), Maven names are group:artifact, PyPI names are normalised as PEP 503 does,
OS versions are [epoch:]version[-release]. Prints the counts, then every difference:
  only-stella / only-trivy   a key one tool reports and the other does not report at all under that name
  version-differs            both report the name (same ecosystem), with different versions
  count-differs              both report the key, a different number of times (e.g. one entry per file)
Standard library only.
"""
import collections
import json
import re
import sys
import urllib.parse

TRIVY_TYPES = {
    "alpine": "apk", "wolfi": "apk", "chainguard": "apk",
    "debian": "deb", "ubuntu": "deb",
    "redhat": "rpm", "centos": "rpm", "rocky": "rpm", "alma": "rpm", "amazon": "rpm", "oracle": "rpm",
    "fedora": "rpm", "photon": "rpm", "cbl-mariner": "rpm", "suse linux enterprise server": "rpm",
    "opensuse.leap": "rpm", "opensuse.tumbleweed": "rpm",
    "jar": "maven", "pom": "maven", "gradle": "maven",
    "node-pkg": "npm", "npm": "npm", "yarn": "npm", "pnpm": "npm",
    "python-pkg": "pypi", "pip": "pypi", "pipenv": "pypi", "poetry": "pypi",
    "gobinary": "golang", "gomod": "golang",
    "rustbinary": "cargo", "cargo": "cargo",
    "gemspec": "gem", "bundler": "gem",
    "conda-pkg": "conda", "composer": "composer", "nuget": "nuget", "dotnet-core": "nuget",
}
STELLA_TYPES = {"go": "golang", "python": "pypi", "java": "maven", "jar": "maven", "dpkg": "deb", "rust": "cargo"}


def norm_name(eco, name):
    if eco == "pypi":
        return re.sub(r"[-_.]+", "-", name).lower()
    return name


def os_version(version, release, epoch):
    v = version or ""
    if release:
        v += "-" + release
    if epoch:
        v = f"{epoch}:{v}"
    return v


def stella_packages(path):
    with open(path) as f:
        bom = json.load(f)
    out = []
    for c in bom.get("components", []):
        if c.get("type") == "operating-system":
            continue
        props = {p["name"]: p.get("value") for p in c.get("properties", [])}
        purl = c.get("purl")
        eco = None
        if purl and purl.startswith("pkg:"):
            eco = purl[4:].split("/", 1)[0].lower()
        if not eco:
            t = (props.get("stella:package:type") or c.get("type") or "?").lower()
            eco = STELLA_TYPES.get(t, t)
        group, name = c.get("group"), c.get("name", "")
        if eco == "maven":
            name = f"{group}:{name}" if group else name
        elif group and eco in ("golang", "npm"):
            name = f"{group}/{name}"
        out.append((eco, norm_name(eco, name), c.get("version") or "", props.get("stella:file-path") or ""))
    return out


def trivy_packages(path):
    with open(path) as f:
        report = json.load(f)
    out = []
    for r in report.get("Results") or []:
        rtype = (r.get("Type") or "").lower()
        eco = TRIVY_TYPES.get(rtype, rtype)
        for p in r.get("Packages") or []:
            if r.get("Class") == "os-pkgs":
                version = os_version(p.get("Version"), p.get("Release"), p.get("Epoch"))
            else:
                version = p.get("Version") or ""
            where = p.get("FilePath") or (r.get("Target") if r.get("Class") == "lang-pkgs" else "") or ""
            out.append((eco, norm_name(eco, p.get("Name", "")), version, where))
    return out


def index(pkgs):
    by_key = collections.defaultdict(list)
    for eco, name, version, where in pkgs:
        by_key[(eco, name, version)].append(where)
    return by_key


def paths(ws):
    ws = sorted({w for w in ws if w})
    if not ws:
        return ""
    shown = ", ".join(ws[:3]) + (f", … {len(ws) - 3} more" if len(ws) > 3 else "")
    return f"  [{shown}]"


def compare(label, stella_path, trivy_path, limit=40, summary_only=False):
    s, t = stella_packages(stella_path), trivy_packages(trivy_path)
    si, ti = index(s), index(t)
    s_names = collections.defaultdict(set)
    t_names = collections.defaultdict(set)
    for eco, name, version in si:
        s_names[(eco, name)].add(version)
    for eco, name, version in ti:
        t_names[(eco, name)].add(version)

    both = set(si) & set(ti)
    lines = []
    version_differs = 0
    for key in sorted(set(s_names) | set(t_names)):
        sv, tv = s_names.get(key, set()), t_names.get(key, set())
        if sv and tv and sv != tv:
            version_differs += 1
            so, to, common = sorted(sv - tv), sorted(tv - sv), sorted(sv & tv)
            text = (f"{key[0]} {key[1]}  stella-only {' '.join(so) or '-'}"
                    f"{paths(w for v in so for w in si[(key[0], key[1], v)])}  trivy-only {' '.join(to) or '-'}"
                    f"{paths(w for v in to for w in ti[(key[0], key[1], v)])}")
            if common:
                text += f"  both {' '.join(common)}"
            lines.append(("version-differs", text))
    only_s = [k for k in si if k not in ti and not t_names.get(k[:2])]
    only_t = [k for k in ti if k not in si and not s_names.get(k[:2])]
    for k in sorted(only_s):
        lines.append(("only-stella", f"{k[0]} {k[1]} {k[2]}{paths(si[k])}"))
    for k in sorted(only_t):
        lines.append(("only-trivy", f"{k[0]} {k[1]} {k[2]}{paths(ti[k])}"))
    count_differs = [k for k in sorted(both) if len(si[k]) != len(ti[k])]
    for k in count_differs:
        lines.append(("count-differs", f"{k[0]} {k[1]} {k[2]}  stella {len(si[k])}{paths(si[k])}  "
                                       f"trivy {len(ti[k])}{paths(ti[k])}"))

    ecos = sorted({k[0] for k in si} | {k[0] for k in ti})
    per_eco = "  ".join(f"{e} {sum(len(v) for k, v in si.items() if k[0] == e)}/"
                        f"{sum(len(v) for k, v in ti.items() if k[0] == e)}" for e in ecos)
    print(f"== {label}")
    print(f"   packages: stella {len(s)}, trivy {len(t)}; distinct (type, name, version): stella {len(si)}, "
          f"trivy {len(ti)}, in both {len(both)}")
    print(f"   per type (stella/trivy entries): {per_eco or '-'}")
    print(f"   differences: only-stella {len(only_s)}, only-trivy {len(only_t)}, version-differs {version_differs}, "
          f"count-differs {len(count_differs)}")
    if not summary_only:
        for kind in ("only-stella", "only-trivy", "version-differs", "count-differs"):
            of_kind = [text for k, text in lines if k == kind]
            shown = of_kind if limit <= 0 else of_kind[:limit]
            for text in shown:
                print(f"   {kind}: {text}")
            if len(shown) < len(of_kind):
                print(f"   {kind}: … {len(of_kind) - len(shown)} more (--limit 0 shows all)")
    return len(s), len(t), len(both), len(only_s), len(only_t), version_differs, len(count_differs)


def main(argv):
    args, limit, summary_only, tsv = [], 40, False, None
    i = 0
    while i < len(argv):
        if argv[i] == "--limit":
            limit, i = int(argv[i + 1]), i + 2
        elif argv[i] == "--summary-only":
            summary_only, i = True, i + 1
        elif argv[i] == "--summary-tsv":
            tsv, i = argv[i + 1], i + 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    result = compare(*args, limit=limit, summary_only=summary_only)
    if tsv:
        with open(tsv, "a") as f:
            f.write("\t".join([args[0]] + [str(x) for x in result]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
