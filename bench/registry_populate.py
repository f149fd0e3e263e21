#!/usr/bin/env python3
"""Fills a plain-HTTP registry (docker-registry on loopback) with a realistic population of images, pushed with the
OCI distribution API (HEAD, cross-repository mount, POST + PUT upload, PUT manifest); Python standard library only.

Usage: registry_populate.py --registry 127.0.0.1:PORT --testdata DIR --images N [--per-repo K] [--repo-prefix P]
                            [--app-kib MIN:MAX] [--workers W] [--seed S] [--list OUT.tsv]

Every image has four layers, bottom to top:
  base     a real Alpine root file system from the shared test data: the official minirootfs tarballs 3.6 … 3.11
           (pushed byte for byte: they are gzip'd tars) and the layers of the two real `docker save` archives
           (alpine 3.10.4, 3.11.5; gzip'd here); releases the shared Alpine secdb covers, so scans find real
           OS packages and vulnerabilities. Repository r uses base r mod 8: many repositories share each base.
  runtime  shared by every fourth repository (a "language runtime" layer, 1-3 MiB): Python dist-info of real PyPI
           packages at versions the shared PyPA OSV data lists as affected, plus text and binary filler.
  deps     shared by the first and by the second half of a repository's tags (0.3-1.5 MiB): more dist-info, filler.
  app      unique per image, APP-KIB compressed (log-uniform in MIN:MAX, default 200:3072): text files
           (compressible) and random binaries (incompressible) in a ratio that varies per image.
Repositories are named P-000, P-001, … with tags v1 … vK; odd repositories use OCI manifests, even ones Docker
schema 2. Content is a pure function of (seed, prefix, repository, tag): re-running pushes identical images.

--list writes one line per image: reference (repo:tag), manifest digest, config digest, layer digests (comma-separated),
compressed size of all blobs in bytes. The summary goes to stderr.
"""
import argparse
import concurrent.futures
import gzip
import hashlib
import io
import json
import math
import os
import random
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

MTIME = 1704067200
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
MINIROOTFS = ["3.6.5", "3.7.3", "3.8.5", "3.9.6", "3.10.9", "3.11.13"]
ARCHIVES = ["trivy-fanal-alpine-310.tar.gz", "trivy-fanal-alpine-311.tar.gz"]
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
         "romeo sierra tango uniform victor whiskey xray yankee zulu config value enabled disabled server client "
         "request response timeout retry cache layer image package version import return class def self none true "
         "false for while if else elif try except finally with as lambda yield async await from").split()


class Blob:
    __slots__ = ("data", "digest", "diff_id", "size")

    def __init__(self, data, diff_id=None):
        self.data = data
        self.digest = "sha256:" + hashlib.sha256(data).hexdigest()
        self.size = len(data)
        self.diff_id = diff_id


def layer_blob(tar_bytes):
    return Blob(gzip.compress(tar_bytes, compresslevel=1, mtime=0), "sha256:" + hashlib.sha256(tar_bytes).hexdigest())


class LayerBuilder:
    def __init__(self):
        self.buf = io.BytesIO()
        self.tar = tarfile.open(fileobj=self.buf, mode="w", format=tarfile.PAX_FORMAT)
        self.dirs = set()

    def _info(self, name, kind, size=0, mode=0o644):
        info = tarfile.TarInfo(name)
        info.type, info.size, info.mode, info.mtime = kind, size, mode, MTIME
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    def add(self, name, data, mode=0o644):
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in self.dirs:
                self.dirs.add(d)
                self.tar.addfile(self._info(d, tarfile.DIRTYPE, mode=0o755))
        self.tar.addfile(self._info(name, tarfile.REGTYPE, len(data), mode), io.BytesIO(data))

    def blob(self):
        self.tar.close()
        return layer_blob(self.buf.getvalue())


class Content:
    """Deterministic generated content: a text pool sliced into files, random binaries, PyPI dist-info."""

    def __init__(self, testdata, seed):
        rnd = random.Random(seed)
        lines = []
        size = 0
        while size < 4 << 20:
            line = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 14)))
            lines.append(line)
            size += len(line) + 1
        self.text = ("\n".join(lines) + "\n").encode()
        self.pypi = self._pypi_affected(testdata)

    @staticmethod
    def _pypi_affected(testdata):
        """(name, version) pairs the shared PyPA records list as affected, one per package, sorted by name."""
        path = os.path.join(testdata, "osv", "pypa.zip")
        out = {}
        if not os.path.exists(path):
            return []
        with zipfile.ZipFile(path) as z:
            for n in sorted(z.namelist()):
                if not n.endswith(".json"):
                    continue
                try:
                    rec = json.loads(z.read(n))
                except ValueError:
                    continue
                if rec.get("withdrawn"):
                    continue
                for aff in rec.get("affected") or []:
                    pkg = (aff.get("package") or {}).get("name")
                    versions = aff.get("versions") or []
                    if pkg and versions and pkg not in out:
                        out[pkg] = versions[len(versions) // 2]
        return sorted(out.items())

    def text_files(self, layer, rnd, prefix, nbytes):
        i = 0
        while nbytes > 0:
            n = min(nbytes, rnd.randint(512, 24 << 10))
            start = rnd.randrange(0, len(self.text) - n)
            layer.add(f"{prefix}/m{i // 200:02d}/f{i:05d}.py", self.text[start:start + n])
            nbytes -= n
            i += 1

    @staticmethod
    def binaries(layer, rnd, prefix, nbytes):
        i = 0
        while nbytes > 0:
            n = min(nbytes, rnd.randint(16 << 10, 1 << 20))
            layer.add(f"{prefix}/bin{i:03d}.so", rnd.randbytes(n), 0o755)
            nbytes -= n
            i += 1

    def dist_info(self, layer, rnd, site, count):
        if not self.pypi:
            return
        for name, version in rnd.sample(self.pypi, min(count, len(self.pypi))):
            norm = name.replace("-", "_")
            meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {name}\n\n".encode()
            layer.add(f"{site}/{norm}-{version}.dist-info/METADATA", meta)
            layer.add(f"{site}/{norm}-{version}.dist-info/RECORD", f"{norm}/__init__.py,,\n".encode())
            layer.add(f"{site}/{norm}/__init__.py", self.text[:rnd.randint(200, 4000)])

    def mixed_layer(self, rnd, compressed_target, site=None, packages=0, prefix="srv/app"):
        """A layer of roughly COMPRESSED_TARGET bytes gzip'd: random binaries plus text (compresses ~3.5:1)."""
        layer = LayerBuilder()
        if site:
            self.dist_info(layer, rnd, site, packages)
        binary_share = rnd.uniform(0.2, 0.8)
        self.binaries(layer, rnd, prefix + "/lib", int(compressed_target * binary_share))
        self.text_files(layer, rnd, prefix + "/src", int(compressed_target * (1 - binary_share) * 3.5))
        return layer.blob()


def load_bases(testdata):
    bases = []
    for release in MINIROOTFS:
        path = os.path.join(testdata, "rootfs", "alpine", f"alpine-minirootfs-{release}-x86_64.tar.gz")
        data = open(path, "rb").read()
        bases.append((f"alpine {release} (minirootfs)", Blob(data, "sha256:" + hashlib.sha256(gzip.decompress(data)).hexdigest())))
    for name in ARCHIVES:
        with tarfile.open(os.path.join(testdata, "images", name), "r:gz") as tar:
            manifest = json.load(tar.extractfile("manifest.json"))[0]
            for layer in manifest["Layers"]:
                bases.append((f"{name} layer", layer_blob(tar.extractfile(layer).read())))
    return bases


class Registry:
    def __init__(self, host):
        self.base = f"http://{host}"
        self.lock = threading.Lock()
        self.known = {}  # blob digest -> a repository holding it
        self.blob_locks = {}  # blob digest -> lock: one push of a blob at a time, later ones HEAD or mount it
        self.stats = {"uploaded": 0, "uploaded_bytes": 0, "mounted": 0, "present": 0}

    def request(self, method, url, data=None, headers=None, ok=(200, 201, 202, 204)):
        if not url.startswith("http"):
            url = self.base + url
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        for attempt in range(5):
            try:
                with urllib.request.urlopen(req, timeout=120) as resp:
                    resp.read()
                    return resp.status, resp.headers
            except urllib.error.HTTPError as e:
                body = e.read()
                if e.code in ok:
                    return e.code, e.headers
                if e.code == 404 and method == "HEAD":
                    return 404, e.headers
                if e.code >= 500 and attempt < 4:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise RuntimeError(f"{method} {url}: HTTP {e.code} {body[:300]!r}") from None
            except (ConnectionError, urllib.error.URLError) as e:
                if attempt < 4:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise RuntimeError(f"{method} {url}: {e}") from None

    def push_blob(self, repo, blob):
        with self.lock:
            blob_lock = self.blob_locks.setdefault(blob.digest, threading.Lock())
        with blob_lock:
            self._push_blob(repo, blob)

    def _push_blob(self, repo, blob):
        status, _ = self.request("HEAD", f"/v2/{repo}/blobs/{blob.digest}")
        if status == 200:
            with self.lock:
                self.stats["present"] += 1
                self.known.setdefault(blob.digest, repo)
            return
        with self.lock:
            source = self.known.get(blob.digest)
        if source and source != repo:
            q = urllib.parse.urlencode({"mount": blob.digest, "from": source})
            status, _ = self.request("POST", f"/v2/{repo}/blobs/uploads/?{q}", data=b"")
            if status == 201:
                with self.lock:
                    self.stats["mounted"] += 1
                return
        _, headers = self.request("POST", f"/v2/{repo}/blobs/uploads/", data=b"")
        location = headers["Location"]
        if location.startswith("/"):
            location = self.base + location
        sep = "&" if "?" in location else "?"
        self.request("PUT", f"{location}{sep}digest={urllib.parse.quote(blob.digest)}", data=blob.data,
                     headers={"Content-Type": "application/octet-stream", "Content-Length": str(blob.size)})
        with self.lock:
            self.stats["uploaded"] += 1
            self.stats["uploaded_bytes"] += blob.size
            self.known.setdefault(blob.digest, repo)

    def push_manifest(self, repo, tag, media_type, data):
        self.request("PUT", f"/v2/{repo}/manifests/{tag}", data=data, headers={"Content-Type": media_type})


def log_uniform(rnd, lo, hi):
    return int(math.exp(rnd.uniform(math.log(lo), math.log(hi))))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--registry", required=True)
    ap.add_argument("--testdata", required=True)
    ap.add_argument("--images", type=int, required=True)
    ap.add_argument("--per-repo", type=int, default=10)
    ap.add_argument("--repo-prefix", default="app")
    ap.add_argument("--app-kib", default="200:3072")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument("--list")
    args = ap.parse_args()
    app_lo, app_hi = (int(x) << 10 for x in args.app_kib.split(":"))
    started = time.monotonic()

    content = Content(args.testdata, args.seed)
    bases = load_bases(args.testdata)
    repos = math.ceil(args.images / args.per_repo)
    runtimes_n = max(2, math.ceil(repos / 4))
    reg = Registry(args.registry)
    cache = {}
    cache_lock = threading.Lock()

    def shared(key, make):
        with cache_lock:
            if key not in cache:
                cache[key] = make()
            return cache[key]

    def runtime(i):
        rnd = random.Random(f"{args.seed}/{args.repo_prefix}/runtime/{i}")
        return content.mixed_layer(rnd, log_uniform(rnd, 1 << 20, 3 << 20), f"usr/lib/python3.{8 + i % 4}/site-packages",
                                   12, prefix=f"opt/runtime{i}")

    def deps(repo, half):
        rnd = random.Random(f"{args.seed}/{args.repo_prefix}/{repo}/deps/{half}")
        return content.mixed_layer(rnd, log_uniform(rnd, 300 << 10, 1536 << 10), "srv/venv/lib/python3/site-packages",
                                   6, prefix="srv/venv")

    def build_and_push(index):
        r, t = divmod(index, args.per_repo)
        repo = f"{args.repo_prefix}-{r:03d}"
        tag = f"v{t + 1}"
        rnd = random.Random(f"{args.seed}/{args.repo_prefix}/{repo}/{tag}")
        base_name, base = bases[r % len(bases)]
        rt = shared(("runtime", r % runtimes_n), lambda: runtime(r % runtimes_n))
        dp = shared(("deps", r, t * 2 // args.per_repo), lambda: deps(repo, t * 2 // args.per_repo))
        app = content.mixed_layer(rnd, log_uniform(rnd, app_lo, app_hi), prefix=f"srv/{repo}")
        layers = [base, rt, dp, app]
        oci = r % 2 == 1
        config = {
            "architecture": "amd64", "os": "linux", "created": "2024-01-01T00:00:00Z",
            "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                       "Cmd": ["/srv/app/run"], "Labels": {"org.opencontainers.image.title": f"{repo}:{tag}",
                                                           "bench.base": base_name}},
            "rootfs": {"type": "layers", "diff_ids": [l.diff_id for l in layers]},
            "history": [{"created": "2024-01-01T00:00:00Z", "created_by": f"bench {what}"}
                        for what in ("base", "runtime", "deps", "app")],
        }
        cfg = Blob(json.dumps(config, separators=(",", ":"), sort_keys=True).encode())
        for blob in layers + [cfg]:
            reg.push_blob(repo, blob)
        manifest = {
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST if oci else DOCKER_MANIFEST,
            "config": {"mediaType": OCI_CONFIG if oci else DOCKER_CONFIG, "size": cfg.size, "digest": cfg.digest},
            "layers": [{"mediaType": OCI_LAYER if oci else DOCKER_LAYER, "size": l.size, "digest": l.digest}
                       for l in layers],
        }
        mbytes = json.dumps(manifest, indent=3).encode()
        reg.push_manifest(repo, tag, manifest["mediaType"], mbytes)
        return (f"{repo}:{tag}", "sha256:" + hashlib.sha256(mbytes).hexdigest(), cfg.digest,
                ",".join(l.digest for l in layers), sum(l.size for l in layers) + cfg.size)

    rows = []
    with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
        futures = [pool.submit(build_and_push, i) for i in range(args.images)]
        for f in futures:
            rows.append(f.result())
    if args.list:
        with open(args.list, "w") as out:
            for row in rows:
                out.write("\t".join(map(str, row)) + "\n")
    total = sum(r[4] for r in rows)
    s = reg.stats
    print(f"registry_populate: {args.images} images in {repos} repositories ({args.repo_prefix}-*) in "
          f"{time.monotonic() - started:.1f} s; {total / 2**20:.0f} MiB of blobs referenced, "
          f"{s['uploaded']} blobs uploaded ({s['uploaded_bytes'] / 2**20:.0f} MiB), {s['mounted']} mounted, "
          f"{s['present']} already present", file=sys.stderr)


if __name__ == "__main__":
    main()
