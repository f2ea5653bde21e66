"""Build ``align/data/idioms_oewn.tsv``: English idioms from Open English WordNet.

    pip install pyyaml
    python scripts/build_idioms.py PATH/TO/english-wordnet [--edition 2025-edition]

Reads the synset files (``src/yaml/{noun,verb,adj,adv}.*.yaml``) of an Open English WordNet
checkout (https://github.com/globalwordnet/english-wordnet, CC BY 4.0) and keeps the
multiword lemmas that are *not compositional*: at least two of their content words (the
*figurative* words) occur in none of the synset's definitions. `red tape` ("needless
bureaucratic routine"), `kick the bucket` ("die"), `shot in the arm` are kept; `ice cream`
("frozen dessert containing cream …") is not, nor is `rock lobster`, whose only figurative
word is `rock`. Light verbs (take, make, give …) never count as figurative: their literal
Chinese cannot be told from an idiomatic one. Kinds of things (plants, animals, foods,
substances, body parts, natural objects, places, artefacts) are left out: their multiword
names are conventional compounds that are translated word for word correctly.

Output columns: expression, figurative words (space-separated), meaning (the first
definition), synset id. Rule M101 reads it at run time; nothing here runs at run time.

It also writes ``align/data/concrete_words.txt``: single words most of whose noun senses are
kinds of things (the same lexicographer files as above). An idiom is only judged on its
literal signature if one of its figurative words is concrete (arm, bullet, tape, boat):
that is the image a word-for-word translation shows and an idiomatic one does not. Abstract
pairs (cash equivalent, new deal) read the same either way.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from align.lang.en import STOPWORDS, lemma

SKIPPED_LEXFILES = {
    "noun.plant", "noun.animal", "noun.food", "noun.substance", "noun.body", "noun.object",
    "noun.location", "noun.artifact", "noun.Tops", "noun.shape", "noun.quantity",
}  # fmt: skip
LIGHT_VERBS = {
    "take", "make", "give", "get", "have", "put", "set", "go", "come", "do", "keep", "let",
    "bring", "turn", "run", "hold", "show", "call", "pull", "cut", "play", "lay", "see",
}  # fmt: skip
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_EXPRESSION = re.compile(r"^[a-z]+(?:['-][a-z]+)*(?: [a-z]+(?:['-][a-z]+)*){1,5}$")


def content_lemmas(text: str) -> set[str]:
    return {lemma(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2}


def figurative_words(expression: str, definitions: list[str], members: list[str]) -> list[str]:
    """The expression's content words that no definition and no other member of the synset
    uses (compared as lemmas), light verbs aside."""
    explained = set().union(*(content_lemmas(d) for d in definitions))
    explained |= set().union(*(content_lemmas(m) for m in members if m != expression))
    words: list[str] = []
    for word in expression.split():
        base = lemma(word)
        if word in STOPWORDS or len(word) < 3 or base in LIGHT_VERBS or word in LIGHT_VERBS:
            continue
        if base not in explained and all(lemma(w) != base for w in words):
            words.append(word)
    return words


CONCRETE_SHARE = 0.5  # of a word's noun senses: at least half


def build(checkout: Path, edition: str) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    files = subprocess.run(
        ["git", "-C", str(checkout), "ls-tree", "--name-only", edition, "src/yaml/"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    rows: dict[str, tuple[str, str, str, str]] = {}
    # Per single word: (noun senses in a lexicographer file of kinds of things, noun senses).
    nouns: dict[str, list[int]] = {}
    for name in sorted(files):
        lexfile = Path(name).stem
        if lexfile.startswith(("entries", "frames")):
            continue
        text = subprocess.run(["git", "-C", str(checkout), "show", f"{edition}:{name}"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        for synset_id, synset in yaml.load(text, Loader=yaml.CSafeLoader).items():
            definitions = [str(d) for d in synset.get("definition", [])]
            members = [str(m) for m in synset.get("members", [])]
            if lexfile.startswith("noun."):
                for member in members:
                    if member.isalpha() and member.islower():
                        counts = nouns.setdefault(member, [0, 0])
                        counts[0] += lexfile in SKIPPED_LEXFILES - {"noun.Tops", "noun.quantity"}
                        counts[1] += 1
            if lexfile in SKIPPED_LEXFILES:
                continue
            for member in members:
                if not _EXPRESSION.match(member) or member in rows:
                    continue
                words = figurative_words(member, definitions, members)
                if len(words) >= 2:
                    meaning = definitions[0] if definitions else ""
                    rows[member] = (member, " ".join(words), meaning, synset_id)
    concrete = sorted(w for w, (n, total) in nouns.items()
                      if len(w) > 2 and n >= CONCRETE_SHARE * total)  # fmt: skip
    return sorted(rows.values()), concrete


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--edition", default="2025-edition")
    default = Path(__file__).resolve().parents[1] / "align" / "data" / "idioms_oewn.tsv"
    parser.add_argument("-o", "--output", type=Path, default=default)
    args = parser.parse_args()
    rows, concrete = build(args.checkout, args.edition)
    commit = subprocess.run(["git", "-C", str(args.checkout), "rev-parse", args.edition],
                            capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    with args.output.open("w", encoding="utf-8") as out:
        out.write("# English idioms from Open English WordNet (CC BY 4.0; see NOTICE), built by\n"
                  f"# scripts/build_idioms.py from {args.edition} ({commit}).\n"
                  "# expression\tfigurative words\tmeaning\tsynset\n")  # fmt: skip
        for row in rows:
            out.write("\t".join(field.replace("\t", " ") for field in row) + "\n")
    words = args.output.with_name("concrete_words.txt")
    with words.open("w", encoding="utf-8") as out:
        out.write("# Words most of whose noun senses in Open English WordNet are kinds of\n")
        out.write(f"# things (CC BY 4.0; see NOTICE); scripts/build_idioms.py, {args.edition}.\n")
        out.write("\n".join(concrete) + "\n")
    print(f"{len(rows)} idioms written to {args.output}, {len(concrete)} concrete words to "
          f"{words}", file=sys.stderr)  # fmt: skip


if __name__ == "__main__":
    main()
