"""Boilerplate and duplication defects: widget lines, menus, a doubled title, a repeated paragraph.

The widget lines are written here for the benchmark (not taken from the rule packs), so a
pack is measured on phrasings it may not list word for word.
"""

from __future__ import annotations

import random

from benchmarks.corruptions import Corruption, Injected

WIDGETS = [
    "Share this article", "Leave a comment", "12 Comments", "Sign up for our newsletter",
    "Advertisement", "Related Articles", "Read more", "Tags: politics, economy",
    "5 min read", "Photo: Getty Images", "Follow us on Twitter", "Privacy Policy",
]
MENU = ["Home", "News", "World", "Business", "Sport", "Entertainment", "Contact Us"]


def _paragraph_breaks(text: str) -> list[int]:
    return [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]


def _insert_line(text: str, rng: random.Random, line: str) -> Injected | None:
    breaks = _paragraph_breaks(text)
    if len(breaks) < 2:
        return None
    at = rng.choice(breaks[1:])
    return Injected(text[:at] + line + "\n" + text[at:], at, at + len(line))


def widget_line(text: str, rng: random.Random) -> Injected | None:
    return _insert_line(text, rng, rng.choice(WIDGETS))


def menu_block(text: str, rng: random.Random) -> Injected | None:
    menu = "\n".join(rng.sample(MENU, 5)) + "\n"
    return Injected(menu + text, 0, len(menu) - 1)


def doubled_title(text: str, rng: random.Random) -> Injected | None:
    headline = "Officials Outline New Plan for the Region"
    top = f"{headline} - Example Daily News\n{headline}\n"
    return Injected(top + text, 0, len(top) - 1)


def repeated_paragraph(text: str, rng: random.Random) -> Injected | None:
    paragraphs = [p for p in text.split("\n") if len(p.split()) >= 8]
    if not paragraphs:
        return None
    copy = rng.choice(paragraphs)
    start = len(text) + (0 if text.endswith("\n") else 1)
    joined = text + ("" if text.endswith("\n") else "\n") + copy + "\n"
    return Injected(joined, start, start + len(copy))


CORRUPTIONS = [
    Corruption("boilerplate: widget line", frozenset({"boilerplate"}), widget_line),
    Corruption("boilerplate: menu block", frozenset({"boilerplate"}), menu_block),
    Corruption("duplication: doubled title", frozenset({"D101"}), doubled_title),
    Corruption("duplication: repeated paragraph", frozenset({"D102"}), repeated_paragraph),
]
