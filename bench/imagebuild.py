#!/usr/bin/env python3
"""Writes a docker save archive (manifest.json, image config with rootfs.diff_ids, gzip'd layer blobs under
blobs/sha256/, as Docker 25+ lays them out) from layers assembled out of real files and generated bulk.

Usage: imagebuild.py OUT.tar [--gzip-level N] --layer SOURCE... [--layer SOURCE...]...
Sources (each belongs to the layer opened by the last --layer):
  --tar PATH               the entries of an existing tar / tar.gz (e.g. an Alpine minirootfs)
  --dir SRC=DEST           the tree under SRC, placed under DEST ("" for the root)
  --file SRC=DEST          one file
  --glob SRC=DEST:PATTERN  the files under SRC whose name matches PATTERN (fnmatch), tree kept, under DEST
  --text-files N:DEST      N generated text files (0.5-4 KiB of words each), 1,000 per directory, under DEST
  --fill-random MIB:DEST   incompressible random files of 64 MiB each under DEST until the image holds
                           MIB MiB of uncompressed layer content in total
  --whiteout PATH          an AUFS whiteout deleting PATH of a lower layer (DIR/ + ".wh..wh..opq" when PATH ends in /)
Python standard library only. Entries are owned by root and dated 2024-01-01 so the content is reproducible
(apart from --fill-random, which is random by design).
"""
import fnmatch
import gzip
import hashlib
import io
import json
import os
import random
import sys
import tarfile
import tempfile

MTIME = 1704067200  # 2024-01-01T00:00:00Z
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
         "quebec romeo sierra tango uniform victor whiskey xray yankee zulu config value enabled disabled "
         "server client request response timeout retry cache layer image package version").split()
BLOB = 64 << 20


class HashingWriter(io.RawIOBase):
    """Passes bytes on to a sink while hashing and counting them: on the uncompressed tar it gives the layer's
    DiffID, on the compressed blob the blob's digest."""

    def __init__(self, sink):
        self.sink = sink
        self.sha = hashlib.sha256()
        self.size = 0

    def writable(self):
        return True

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        self.sink.write(b)
        return len(b)


class Layer:
    def __init__(self, workdir, level):
        fd, self.path = tempfile.mkstemp(dir=workdir, suffix=".layer")
        self.file = os.fdopen(fd, "wb")
        self.blob = HashingWriter(self.file)
        self.gz = gzip.GzipFile(fileobj=self.blob, mode="wb", compresslevel=level, mtime=0)
        self.plain = HashingWriter(self.gz)
        self.tar = tarfile.open(fileobj=self.plain, mode="w|", format=tarfile.PAX_FORMAT, bufsize=1 << 20)
        self.dirs = set()
        self.files = 0

    def _info(self, name, kind, size=0, mode=0o644):
        info = tarfile.TarInfo(name)
        info.type = kind
        info.size = size
        info.mode = mode
        info.mtime = MTIME
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    def ensure_parents(self, name):
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d and d not in self.dirs:
                self.dirs.add(d)
                self.tar.addfile(self._info(d, tarfile.DIRTYPE, mode=0o755))

    def add_bytes(self, name, data, mode=0o644):
        self.ensure_parents(name)
        self.tar.addfile(self._info(name, tarfile.REGTYPE, len(data), mode), io.BytesIO(data))
        self.files += 1

    def add_path(self, src, name):
        st = os.lstat(src)
        self.ensure_parents(name)
        if os.path.islink(src):
            info = self._info(name, tarfile.SYMTYPE, mode=0o777)
            info.linkname = os.readlink(src)
            self.tar.addfile(info)
        elif os.path.isdir(src):
            if name not in self.dirs:
                self.dirs.add(name)
                self.tar.addfile(self._info(name, tarfile.DIRTYPE, mode=st.st_mode & 0o7777))
        elif os.path.isfile(src):
            with open(src, "rb") as f:
                self.tar.addfile(self._info(name, tarfile.REGTYPE, st.st_size, st.st_mode & 0o7777), f)
            self.files += 1

    def add_tar(self, path):
        with tarfile.open(path, "r:*") as src:
            for member in src:
                name = member.name
                while name.startswith("./"):
                    name = name[2:]
                name = name.lstrip("/")
                if not name or name == ".":
                    continue
                member.name = name
                if member.isdir():
                    self.dirs.add(name.rstrip("/"))
                data = src.extractfile(member) if member.isreg() else None
                self.tar.addfile(member, data)
                if member.isreg():
                    self.files += 1

    def close(self):
        self.tar.close()
        self.gz.close()
        self.file.close()
        return self.path, "sha256:" + self.blob.sha.hexdigest(), self.blob.size, \
            "sha256:" + self.plain.sha.hexdigest(), self.plain.size


def rel_join(dest, rel):
    return (dest.strip("/") + "/" + rel).strip("/") if dest.strip("/") else rel


def add_tree(layer, src, dest, pattern=None):
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, src)
        for fn in sorted(filenames) + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            if pattern and not fnmatch.fnmatch(fn, pattern):
                continue
            rel = fn if rel_dir == "." else rel_dir + "/" + fn
            layer.add_path(os.path.join(dirpath, fn), rel_join(dest, rel))


def add_text_files(layer, count, dest, rnd):
    for i in range(count):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(60, 560))]
        lines = [" ".join(words[j:j + 10]) for j in range(0, len(words), 10)]
        data = ("\n".join(lines) + "\n").encode()
        layer.add_bytes(f"{dest.strip('/')}/d{i // 1000:03d}/f{i:06d}.txt", data)


def fill_random(layer, target_bytes, done_bytes, dest, rnd):
    i = 0
    while done_bytes + layer.plain.size < target_bytes:
        name = f"{dest.strip('/')}/blob{i:03d}.bin"
        layer.ensure_parents(name)
        info = layer._info(name, tarfile.REGTYPE, BLOB)

        class RandomReader:
            left = BLOB

            def read(self, n=-1):
                n = self.left if n < 0 else min(n, self.left)
                self.left -= n
                return rnd.randbytes(n)

        layer.tar.addfile(info, RandomReader())
        layer.files += 1
        i += 1


def whiteout(layer, path):
    if path.endswith("/"):
        layer.add_bytes(path.strip("/") + "/.wh..wh..opq", b"")
    else:
        head, tail = os.path.split(path.strip("/"))
        layer.add_bytes(rel_join(head, ".wh." + tail), b"")


def main(argv):
    if len(argv) < 3 or argv[1] not in ("--layer", "--gzip-level"):
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[0]
    args = argv[1:]
    level = 6
    if args[0] == "--gzip-level":
        level = int(args[1])
        args = args[2:]
    workdir = os.path.dirname(os.path.abspath(out))
    rnd = random.Random(20240101)
    layers = []
    current = None
    done = 0
    try:
        i = 0
        while i < len(args):
            opt = args[i]
            if opt == "--layer":
                if current:
                    layers.append(current.close())
                    done += layers[-1][4]
                current = Layer(workdir, level)
                i += 1
                continue
            if current is None:
                raise SystemExit("imagebuild: a source before the first --layer: " + opt)
            val = args[i + 1]
            i += 2
            if opt == "--tar":
                current.add_tar(val)
            elif opt == "--dir":
                src, dest = val.split("=", 1)
                add_tree(current, src, dest)
            elif opt == "--file":
                src, dest = val.split("=", 1)
                current.add_path(src, dest.strip("/"))
            elif opt == "--glob":
                src, rest = val.split("=", 1)
                dest, pattern = rest.rsplit(":", 1)
                add_tree(current, src, dest, pattern)
            elif opt == "--text-files":
                n, dest = val.split(":", 1)
                add_text_files(current, int(n), dest, rnd)
            elif opt == "--fill-random":
                mib, dest = val.split(":", 1)
                fill_random(current, int(mib) << 20, done, dest, rnd)
            elif opt == "--whiteout":
                whiteout(current, val)
            else:
                raise SystemExit("imagebuild: unknown option " + opt)
        if current:
            layers.append(current.close())
        write_archive(out, layers)
    finally:
        for path, *_ in layers:
            if os.path.exists(path):
                os.unlink(path)
        if current and os.path.exists(current.path):
            os.unlink(current.path)
    total = sum(l[4] for l in layers)
    print(f"imagebuild: {out}: {len(layers)} layers, {total / (1 << 20):.0f} MiB uncompressed, "
          f"{os.path.getsize(out) / (1 << 20):.0f} MiB archive", file=sys.stderr)
    return 0


def write_archive(out, layers):
    diff_ids = [l[3] for l in layers]
    config = {
        "architecture": "amd64", "os": "linux", "created": "2024-01-01T00:00:00Z",
        "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["/bin/sh"]},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created": "2024-01-01T00:00:00Z", "created_by": f"stella bench layer {i}"}
                    for i in range(len(layers))],
    }
    config_bytes = json.dumps(config, separators=(",", ":")).encode()
    config_name = "blobs/sha256/" + hashlib.sha256(config_bytes).hexdigest()
    layer_names = ["blobs/sha256/" + l[1].split(":", 1)[1] for l in layers]
    manifest = [{"Config": config_name, "RepoTags": ["stella-bench/big:1"], "Layers": layer_names}]
    tmp = out + ".part"
    with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = MTIME
            tar.addfile(info, io.BytesIO(data))

        for (path, _, _, _, _), name in zip(layers, layer_names):
            info = tar.gettarinfo(path, arcname=name)
            info.mtime = MTIME
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mode = 0o644
            with open(path, "rb") as f:
                tar.addfile(info, f)
            os.unlink(path)
        add(config_name, config_bytes)
        add("manifest.json", json.dumps(manifest).encode())
    os.replace(tmp, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
