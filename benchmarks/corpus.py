"""A generator of realistic synthetic news pages: stories told by several outlets over days.

Each story is a fictional event (who, where, what, numbers) retold by a few outlets, each with its
own site chrome (menus, donation widgets, share bars, comment forms) and voice: some attribute the
claim to its speaker, some assert it in their headline. Deterministic for a given seed. Used by the
ingest, resilience and scale benchmarks; everything in it is invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = ["Tomas", "Ines", "Paul", "Marta", "Rui", "Nora", "Lena", "Georg", "Ada", "Ivan", "Olga", "Karim",
         "Sofia", "Emil", "Yara", "Dmitri", "Leila", "Anton", "Hana", "Viktor"]
LAST = ["Ferrant", "Dovic", "Brandt", "Keller", "Osman", "Lind", "Marsh", "Petrov", "Halloran", "Quist",
        "Nazari", "Varga", "Okafor", "Sato", "Moreau", "Kovacs", "Lindqvist", "Rahimi", "Duarte", "Blom"]
PLACES = ["Velna", "Selmar", "Kestria", "Valdoria", "Orsk Pass", "the northern valley", "Port Aven",
          "Tarvik", "the Mirel river", "Dunmore", "Castelo", "Harrow Bay"]
ORGS = ["the Interior Ministry", "the Defence Ministry", "the Crimson Banner group", "the Harbour Authority",
        "the National Grid Company", "the Farmers' Union", "the Border Guard Service", "the Central Bank",
        "the Red Crescent", "the Selmar City Council"]
ROLES = ["Deputy Interior Minister", "spokesman for", "head of", "director of", "chairwoman of",
         "senior adviser to"]
EVENTS = [
    ("fighters gathering near {place}", "{n} fighters had gathered near {place}"),
    ("floods closing roads around {place}", "floods had closed {n} roads around {place}"),
    ("a strike at the port of {place}", "{n} dock workers had stopped work at the port of {place}"),
    ("power cuts in {place}", "{n} homes in {place} had lost power overnight"),
    ("a new bridge for {place}", "the new bridge at {place} would cost {n} million euros"),
    ("refugees arriving in {place}", "{n} refugees had arrived in {place} since Monday"),
]
CUES = ["said", "warned", "told reporters", "claimed", "noted", "announced"]
OUTLETS = [f"{name}.example" for name in
           ("borderwatch", "dailyledger", "harbourtimes", "novawire", "eastgazette", "rivernews", "citypost",
            "metrowire", "thecourier", "globalview", "pressline", "dispatch24")]
CHROME = {
    o: [f"{o.split('.')[0].title()}", "Home", "World", "Region", "Opinion", "Donate"][: 3 + i % 4]
    for i, o in enumerate(OUTLETS)
}
FILLER = [
    "Officials did not say when more information would be published.",
    "The situation has drawn criticism from opposition parties, who called for an inquiry.",
    "Residents interviewed on Tuesday said they had not been told what to expect.",
    "Similar reports last year turned out to be exaggerated, according to local journalists.",
    "The government has promised to publish a full report by the end of the month.",
    "Aid groups said they were ready to help if the situation got worse.",
]


@dataclass(frozen=True, slots=True)
class Page:
    file: str
    text: str
    url: str
    outlet: str
    published: str
    story: int


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _page(rng: random.Random, story: int, outlet: str, day: date, facts: dict[str, str], n: int) -> Page:
    speaker, role, org, cue = facts["speaker"], facts["role"], facts["org"], rng.choice(CUES)
    claim = facts["claim"]
    asserted = rng.random() < 0.3
    headline = (claim[0].upper() + claim[1:]) if asserted else f"{org.removeprefix('the ').title()} warns of {facts['topic']}"
    body = [
        f"{org[0].upper() + org[1:]} said on {day.strftime('%A')} that {claim}.",
        f"{role[0].upper() + role[1:]} {speaker} {cue} that the situation was being watched closely.",
        f"\u201cWe are ready for every possibility, and we ask people to stay calm,\u201d {speaker.split()[-1]} said.",
        f"According to {rng.choice(['him', 'officials'])}, more details would follow within days.",
        rng.choice(FILLER),
        rng.choice(FILLER),
    ]
    if rng.random() < 0.3:
        body.insert(3, "There have been numerous reports of similar incidents, but none could be confirmed.")
    lines = CHROME[outlet] + ["", headline, "", day.strftime("%B %d, %Y"), ""]
    for k, para in enumerate(body):
        lines += [para, ""]
        if k == 2 and rng.random() < 0.5:
            lines += ["- Advertisement -", ""]
    lines += ["Share this article", "Facebook", "Twitter", ""]
    if rng.random() < 0.4:
        lines += ["2 Comments", "", f"{rng.choice(FIRST)}", (day + timedelta(days=1)).strftime("%B %d, %Y"),
                  "I do not believe a word of this.", "Reply", "", "Leave a Reply", "Post Comment"]
    slug = "-".join(headline.lower().split()[:8]).replace(",", "").replace("'", "")
    return Page(
        file=f"{n:06d}-{outlet.split('.')[0]}.txt", text="\n".join(lines) + "\n",
        url=f"https://{outlet}/{day:%Y/%m/%d}/{slug}-{n}", outlet=outlet, published=day.isoformat(), story=story,
    )


def generate(n_pages: int, *, seed: int = 7, start: date = date(2023, 1, 1)) -> Iterator[Page]:
    rng = random.Random(seed)
    n = story = 0
    while n < n_pages:
        topic_tpl, claim_tpl = rng.choice(EVENTS)
        place = rng.choice(PLACES)
        facts = {
            "topic": topic_tpl.format(place=place),
            "claim": claim_tpl.format(place=place, n=rng.randint(3, 900)),
            "speaker": _person(rng),
            "role": rng.choice(ROLES[:1]) if rng.random() < 0.5 else f"{rng.choice(ROLES[1:])} {rng.choice(ORGS)}",
            "org": rng.choice(ORGS),
        }
        first_day = start + timedelta(days=story // 20)
        for outlet in rng.sample(OUTLETS, rng.randint(1, 5)):
            if n >= n_pages:
                break
            yield _page(rng, story, outlet, first_day + timedelta(days=rng.randint(0, 2)), facts, n)
            n += 1
        story += 1
