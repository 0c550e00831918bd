#!/usr/bin/env python3
"""Writes the table FuzzTest checks the Java token_sort_ratio against.

Python fuzzywuzzy without python-Levenshtein scores with difflib.SequenceMatcher; this script
repeats that pure-Python path (fuzzywuzzy 0.18: utils.full_process, fuzz._token_sort, fuzz.ratio)
on the standard library alone, so it runs wherever python3 does:

    python3 demo/scripts/token_sort_ratio_table.py > \
        demo/src/test/resources/io/jasyncio/demo/token_sort_ratio.tsv

Columns: s1, s2, token_sort_ratio(s1, s2), repr(SequenceMatcher(None, s1, s2).ratio()).
Re-run it only to add cases; the table is data, reviewed like code.
"""
import random
import re
from difflib import SequenceMatcher

_BAD_CHARS = {c: None for c in range(128, 256)}   # fuzzywuzzy's asciidammit
_NON_WORD = re.compile(r"(?ui)\W")


def full_process(s):
    s = s.translate(_BAD_CHARS)
    return _NON_WORD.sub(" ", s).lower().strip()


def process_and_sort(s):
    return " ".join(sorted(full_process(s).split())).strip()


def ratio(s1, s2):
    if s1 == s2:
        return 100
    if len(s1) == 0 or len(s2) == 0:
        return 0
    return int(round(100 * SequenceMatcher(None, s1, s2).ratio()))


def token_sort_ratio(s1, s2):
    return ratio(process_and_sort(s1), process_and_sort(s2))


def cases():
    list1 = ["football is famous", "tajmahal is famous", "tajmahal in india"]
    list2 = ["messi plays football", "messi is famous", "india is in aisa"]
    for a in list1 + list2:
        for b in list1 + list2:
            yield a, b
    yield "", ""
    yield "", "abc"
    yield "New York Mets vs Atlanta Braves", "Atlanta Braves vs New York Mets"
    yield "Déjà vu, café!", "deja vu cafe"
    yield "under_score and-dash", "dash and under score"
    yield "ÜBER straße 42", "uber STRASSE 42"
    yield "Ωmega ελληνικά 3", "ελληνικά omega"
    rng = random.Random(20200503)
    words = ["football", "is", "famous", "tajmahal", "in", "india", "messi", "plays",
             "aisa", "the", "of", "cricket", "agra", "goal", "a"]
    for _ in range(150):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        b = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        yield a, b
    # Long strings: 200 characters or more turn on difflib's "popular element" heuristic.
    for n in (199, 200, 250, 400):
        a = "".join(rng.choice("aab cde") for _ in range(n))
        b = "".join(rng.choice("abcdde ") for _ in range(n + rng.randint(-20, 20)))
        yield a, b
    yield "a" * 300 + "b", "b" + "a" * 300
    yield "ab " * 120, "ba " * 110


def main():
    for a, b in cases():
        print("\t".join([a, b, str(token_sort_ratio(a, b)),
                         repr(SequenceMatcher(None, a, b).ratio())]))


if __name__ == "__main__":
    main()
