"""Held-out pages: stories, original speakers and overstating headlines on pages written blind.

The corpus (`benchmarks/heldout/`, 44 pages, gold in `gold.jsonl`) is fictional: six events of
2023-2024 written for this project as scraped news pages flattened to text (menus, page-header
dates that are not the publication date, repeated headlines, share bars, "Read also" lines with
other headlines, newsletter and donation boxes, reader comments, captcha text, footers), in wire,
tabloid, blog, state-media and regional styles, in 13 languages (ar, de, en, es, fr, id, it, pl,
ro, ru, tr, uk, uz):
- A: Uzbekistan's SGB (first deputy chairman Anvar Rakhimov) says British instructors train IMU
  militants in Afghanistan's Balkh province near Termez (9 pages);
- B, a near miss of A: the same official, same border region, ten days later, announces the arrest
  of seven arms smugglers linked to the IMU (6 pages; some mention A in passing);
- C: Russia's defence ministry spokesman (Oleg Sedykh) says a Ukrainian drone struck a fuel depot in
  Sevsk, Bryansk region (9 pages; casualty and fuel figures vary slightly);
- D, a near miss of C: four days later a drone hits a petrol station in Rylsk, Kursk region,
  announced by the regional governor (Arkady Bulavin) (5 pages; some mention C in passing);
- E: officials familiar with the matter say Kyrgyzstan will block WhatsApp; two days later the
  digital development minister (Talant Mamyrov) confirms it (8 pages);
- F: a social-media rumour that the Karkidon dam in the Fergana Valley burst, denied by the emergency
  ministry's spokesman (Jasur Ergashev) (7 pages).

Gold, per page: `event`; for English pages, `speakers` (alternative lower-case substrings naming the
original speaker of the event's central claim; null where no one is quoted: for F, the only named
speaker, the ministry whose denial every page relays; for E, the anonymous officials where the page
predates the minister, the minister where it reports him) and `overstates` (the headline asserts as
fact what the body only attributes: 9 true, 12 false; the negatives include headlines with "says",
"claims", "according to", "- Agency", "X: ...", questions, and bodies that assert in their own voice).

The pages and their gold were written without reading the extractor or its tests (only the public
API used here), so the figures below are a held-out measure of how the pipeline generalises, and stay
one only until someone mends the code while reading these pages' misses; from then on they are a
development measure like `benchmarks/multilingual.py` and `benchmarks/relays.py`. Measured blind
once, when the pages were written: stories F1 1.000 (pages together and one at a time), original
speaker 20 / 20, headline_overstates P 0.833 R 0.556 F1 0.667. The flattened-text headline finder was
then mended while reading its misses here (five headlines were other lines: a deck, a byline, a
weather widget, a search box, a date), so later figures are development ones.

Figures:
- stories: B-cubed precision, recall, F1 of the stored stories (pages ingested together into a fresh
  store) against `event`, beside the TF-IDF + agglomerative baseline of `benchmarks.clustering`
  (threshold tuned on these pages), and F1 with the pages ingested one at a time in two shuffled
  orders; a rejected page counts as a story of its own;
- speakers: share of English pages with `speakers` where some statement's speaker or role (or an
  unnamed source's words) holds one of them (`benchmarks.relays.found`, no content words), from
  `analyze_text` (an HTML page: `analyze` on its file, the reader that decodes and cleans HTML);
- headline_overstates: precision, recall, F1 of the signal on English pages with `overstates`.

`--pages DIR` measures another folder of pages (`*.txt` and `*.html`, in name order) with its own
`gold.jsonl` in the same schema instead.
The second corpus, `benchmarks/heldout_relays/` (48 pages, English only), was written the same way,
blind, to measure how the original speaker and headline_overstates generalise to English relays of a
claim: eight fictional events of 2021-2025 (a security service accusing a foreign state, a ministry's
casualty figures, a regulator's case against a company, a health official on an outbreak's origin, a
military spokesman claiming a village, an opposition leader alleging vote fraud, a UN agency's
displacement figures, a police chief blaming a named group for a bombing), six outlets each, with
speakers introduced in many ways and headlines that assert, attribute or hedge (20 overstate, 4 of
them over anonymous sourcing only, where `speakers` names the anonymous description). Measured blind
once: stories F1 1.000 together and 0.964 one at a time (the TF-IDF baseline 1.000 here too),
original speaker 43 / 48, headline_overstates P 1.000 R 0.550 F1 0.710.

The third corpus, `benchmarks/heldout_html/` (36 pages), was written the same way, blind, as a crawler
saves pages: HTML as eleven kinds of CMS produce it (WordPress with a comment list, a React tabloid whose
`h1` is its logo and whose headline is a `div`, a wire service, Drupal, Ghost, Joomla with the headline in
an `h2`, Next.js with the body again in `__NEXT_DATA__`, a table layout with no metadata, Blogger,
DataLife Engine, a news portal), with cookie banners, menus, breadcrumbs, header dates that are not the
publication date, JSON-LD missing, partial (a `dateModified` only) or wrong (a 2020 `datePublished`),
share bars, ads, "Read more" boxes inside the body, captions, most-read lists, newsletter boxes and
reader comments; four pages in a legacy charset (windows-1251, windows-1254, ISO-8859-1, ISO-8859-15).
Six fictional events of 2022-2025, six outlets each, four in English and two in de, es, fr, id, pl,
pt, ru or tr:
- H1: Moldova's SIS (director Viorel Grosu) says a Moscow-registered foundation paid people to join a
  rally outside parliament;
- H2: the Philippine Coast Guard (Commodore Rafael Tinio) says Chinese coast guard ships fired water
  cannon at a supply boat near Second Thomas Shoal;
- H3, a near miss of H2: the same spokesman, four days later, says a Chinese ship rammed a coast guard
  patrol vessel near Sabina Shoal (some pages mention H2);
- H4: the Bundeskartellamt fines three Rhine barge operators over coordinated low-water surcharges;
- H5: Kenyan police (county commander Benson Ndolo) say students set fire to a school dormitory;
- H6: officials familiar with the matter say the European Commission will open Digital Services Act
  proceedings against a marketplace.
All 24 English pages have `speakers`; 10 headlines overstate, 14 do not. A text page is analysed by
`analyze_text`, an HTML page by `analyze` on its file, and the TF-IDF baseline reads an HTML page's
visible text (`page_text`). Measured blind once: stories F1 0.889 together (H2 and H3 one story, and
the page whose JSON-LD says 2020 a story of its own: with that date mended it joins H6) and 0.929 /
0.889 one at a time (the TF-IDF baseline 0.609), original speaker 24 / 24, headline_overstates
P 0.800 R 0.400 F1 0.533.

Two more corpora were written the same way, blind, in session 21:
- `benchmarks/heldout_wires/` (46 flattened pages, 29 English and 17 in ar, de, es, fa, fr, id, kk,
  pl, ro, ru, tr, uk): seven events away from security news (cholera cases in an Indonesian regency, a
  disputed count in a Moldovan runoff, a methane blast at a Kazakh coal mine and, a near miss of it,
  an ammonia leak at a fertiliser plant in the same region six days later, an Iranian ban on Turkish
  appliances first reported from anonymous officials, two expulsions of Bolivian diplomats five days
  apart, a near-miss pair); 12 headlines overstate, 17 do not. Measured blind once: stories F1 0.937
  (the import ban split in five: the anonymous-officials pages, the minister's, three languages) and
  0.901 one at a time (baseline 0.618), original speaker 28 / 29, headline_overstates P 0.875 R 0.583
  F1 0.700;
- `benchmarks/heldout_pages/` (42 HTML pages from some thirty kinds of site build: WordPress themes,
  Drupal 7 to 10 with its "Tue, 02/11/2025 - 16:32" dates, Arc, Next.js, Nuxt, Gatsby, Ghost, Hugo,
  Medium, Substack, Blogger, Wix, Joomla, TYPO3, a table-and-font portal, AMP, a live blog, wire pages
  with datelines; six `<title>`s that are only the site's name, a stale 2019 JSON-LD date; ru in
  windows-1251, es in ISO-8859-1, tr in windows-1254): seven events (Kazakh flood deaths, a Romanian
  mayor charged with bribery, a salmonella outbreak traced to a chorizo plant, a Chadian army spokesman
  on drones shot down and, four days later, drones jammed: a near-miss pair, forced labour at an
  Indonesian nickel mine, an opposition MP on a central bank's hidden loss), 35 English pages (14
  overstate) and 7 others. Measured blind once (with that session's uncommitted flattened-headline
  change in the tree): stories F1 0.906 (the near-miss pair one story; the stale-dated page alone)
  and 0.923 / 0.960 one at a time (baseline 0.817), original speaker 35 / 35, headline_overstates
  P 0.818 R 0.643 F1 0.720.

Two more were written the same way, blind, in session 22:
- `benchmarks/heldout_chains/` (45 flattened pages, 28 English and 17 in ar, de, es, fr, id, pl, ro,
  ru, tr, uk): seven events told as one official's claim relayed within days by wire services, state
  media, aggregators and blogs, through one or two agencies ("the ministry said, as cited by X, which
  quoted Y"), with denials by the accused; two near-miss pairs (one FSB border department six days
  apart; one defence ministry and region six days apart); 14 headlines overstate, 14 do not. Measured
  blind once: stories F1 0.947 (one event split by language) and 0.967 / 0.947 one at a time
  (baseline 0.547), original speaker 25 / 27, headline_overstates P 1.000 R 0.500 F1 0.667;
- `benchmarks/heldout_services/` (40 HTML pages from some twenty kinds of site: broadcasters' language
  services, Telegram channel previews, AMP, syndication, a press-release portal, table-and-font
  papers, aggregators, a live blog, newsletters, an article only in JSON-LD, stale meta dates, consent
  walls, paywall teasers; 30 English, 10 in de, es, fr, id, pl and, in legacy charsets, ru, ja, ro, ar,
  zh): six events, one near-miss pair (two bank hacks announced by one spokesman six days apart), one
  first told by anonymous people then confirmed by a ministry; 13 headlines overstate, 17 do not.
  Measured blind once: stories F1 0.836 (the anonymous and the confirmed pages apart, the Japanese and
  Chinese pages and a stale-dated one alone, one page of the near-miss pair with the other) and
  0.833 / 0.828 one at a time (baseline 0.812), original speaker 29 / 30, headline_overstates
  P 1.000 R 0.538 F1 0.700.
Their misses were then read and mended (session 22), so both are development sets now: chains
stories 0.947, speaker 26 / 27, headline_overstates F1 0.880; services stories 0.889, speaker 30 / 30,
headline_overstates F1 0.917.

    .venv/bin/python benchmarks/heldout.py [--pages DIR] [--show] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.clustering import Doc, baseline, bcubed  # noqa: E402
from benchmarks.relays import found  # noqa: E402
from wirewatch import Article, analyze, analyze_text  # noqa: E402
from wirewatch.clean.html_tree import parse_html, visible_text  # noqa: E402
from wirewatch.ingest.decode import decode  # noqa: E402
from wirewatch.pipeline.run import ingest  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

PAGES = Path(__file__).parent / "heldout"


def page_text(f: Path) -> str:
    """A page as the TF-IDF baseline reads it: a text page as it is; an HTML page decoded and reduced
    to its visible text as wirewatch reads it before cleaning (boilerplate kept)."""
    if f.suffix != ".html":
        return f.read_text(encoding="utf-8")
    tree = parse_html(decode(f.read_bytes(), f.name).text)
    return visible_text(tree) if tree is not None else ""


def analyse(f: Path) -> Article | None:
    """One page analysed on its own as far as assess: a text page with `analyze_text`, an HTML page
    through `analyze` on its file (the HTML reader: charset, markup, metadata); None if it is rejected."""
    if f.suffix == ".html":
        outcome = next(iter(analyze([str(f)], until="assess")), None)
        return outcome if isinstance(outcome, Article) else None
    return analyze_text(f.read_text(encoding="utf-8"), until="assess")


def load_gold(pages: Path = PAGES) -> dict[str, dict]:
    rows = [json.loads(line) for line in (pages / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return {r["file"]: r for r in rows}


def stories(files: list[Path], batches: list[list[Path]]) -> dict[str, str]:
    """Each page's stored story after ingesting `batches` in turn into a fresh store; a page that is not
    stored (rejected) gets a story of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        for batch in batches:
            ingest([str(f) for f in batch], db=db, workers=1)
        with Store(db, read_only=True) as store:
            rows = store.con.execute("SELECT i.name, a.story FROM articles a JOIN inputs i USING (id)").fetchall()
    story = {Path(name).name: s for name, s in rows}
    return {f.name: story.get(f.name, f"unstored:{f.name}") for f in files}


def score(story: dict[str, str], gold: dict[str, dict]) -> dict[str, float]:
    names = sorted(story)
    return bcubed([story[n] for n in names], [gold[n]["event"] for n in names])


def measure_stories(files: list[Path], gold: dict[str, dict], orders: int = 2) -> dict:
    together = stories(files, [files])
    result = {"pages": len(files), "unstored": sorted(n for n, s in together.items() if s.startswith("unstored:")),
              "stories": score(together, gold), "assignment": together,
              "baseline": baseline([Doc(f.name, gold[f.name]["event"], page_text(f)) for f in files])}
    one_by_one = []
    for k in range(1, orders + 1):
        order = random.Random(k).sample(files, len(files))
        one_by_one.append(score(stories(files, [[f] for f in order]), gold)["f1"])
    result["stories_one_by_one"] = one_by_one
    return result


def measure_pages(files: list[Path], gold: dict[str, dict], show: bool) -> dict:
    """Original speaker and headline_overstates on the English pages, each analysed on its own."""
    hits = total = tp = fp = fn = n = 0
    misses: list[str] = []
    for f in files:
        case = gold[f.name]
        if case["language"] != "en" or (case["speakers"] is None and case["overstates"] is None):
            continue
        article = analyse(f)
        if article is None and show:
            print(f"REJECTED {f.name}: not analysed, counted as a miss")
        if case["speakers"] is not None:
            ok = article is not None and found(article, case["speakers"], [])
            total += 1
            hits += ok
            if not ok:
                misses.append(f.name)
                if show:
                    print(f"SPEAKER MISS {f.name} (wanted any of {case['speakers']})")
                    for s in article.extracted.statements if article and article.extracted else ():
                        print(f"    {s.speaker!r} / {s.speaker_role!r} ({s.sourcing}) {s.cue!r}: {s.content[:70]}")
        if case["overstates"] is not None:
            flagged = article is not None and any(s.kind == "headline_overstates" for s in article.signals)
            n += 1
            tp += flagged and case["overstates"]
            fp += flagged and not case["overstates"]
            fn += case["overstates"] and not flagged
            if show and flagged != case["overstates"]:
                title = article.cleaned.title if article and article.cleaned else None
                print(f"{'FALSE FLAG' if flagged else 'MISSED'} {f.name}: headline read as "
                      f"{getattr(title, 'value', None)!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"speakers": {"found": hits, "pages": total, "share": round(hits / total, 3) if total else None,
                         "misses": misses},
            "overstates": {"pages": n, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3),
                           "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every miss and the stories found")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--pages", type=Path, default=PAGES, metavar="DIR",
                    help="folder of pages and their gold.jsonl (default: benchmarks/heldout)")
    args = ap.parse_args(argv)
    gold = load_gold(args.pages)
    files = sorted([*args.pages.glob("*.txt"), *args.pages.glob("*.html")], key=lambda f: f.name)
    missing = sorted({f.name for f in files} ^ set(gold))
    if missing:
        sys.exit(f"pages and gold.jsonl disagree: {missing}")
    st = measure_stories(files, gold)
    if args.show:
        by_story: dict[str, list[str]] = {}
        for name, s in sorted(st["assignment"].items()):
            by_story.setdefault(s, []).append(name)
        print("stories found (pages together):")
        for names in sorted(by_story.values(), key=lambda v: (v[0][0], -len(v), v)):
            print(f"    {' '.join(names)}")
    pg = measure_pages(files, gold, args.show)
    s, b, sp, ov = st["stories"], st["baseline"], pg["speakers"], pg["overstates"]
    print(f"\n{st['pages']} held-out pages, {len({g['event'] for g in gold.values()})} events, "
          f"{len(st['unstored'])} not stored")
    print(f"{'figure':<34}{'P':>7}{'R':>7}{'F1':>7}  note")
    print(f"{'stories, pages together':<34}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}  "
          f"{s['clusters']} stories")
    print(f"{'stories, TF-IDF baseline':<34}{b['precision']:>7.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}  "
          f"{b['clusters']} clusters, threshold {b['threshold']} tuned on these pages")
    for k, f1 in enumerate(st["stories_one_by_one"], 1):
        print(f"{f'stories, one at a time, order {k}':<34}{'':>7}{'':>7}{f1:>7.3f}")
    print(f"{'headline_overstates (en)':<34}{ov['precision']:>7.3f}{ov['recall']:>7.3f}{ov['f1']:>7.3f}  "
          f"{ov['pages']} headlines: {ov['tp']} tp, {ov['fp']} fp, {ov['fn']} fn")
    print(f"{'original speaker found (en)':<34}{'':>7}{'':>7}{'':>7}  {sp['found']} / {sp['pages']} = {sp['share']}")
    if args.json:
        out = {k: v for k, v in st.items() if k != "assignment"}
        print(json.dumps({**out, **pg}))


if __name__ == "__main__":
    main()
