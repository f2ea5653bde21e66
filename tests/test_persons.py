"""Which names the sentence says are people (``align.names.persons``)."""

from __future__ import annotations

import pytest

from align.names.extract import extract_entities
from align.names.persons import is_person


def _first(text: str) -> bool:
    return is_person(text, extract_entities(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "We welcome Dawn Cobb to the board.",
        "We hired Walnut as our new CFO.",
        "Yesterday Dawn Cobb told reporters the plan.",
        "We spoke with Dawn Cobb, our chief financial officer, about it.",
        "We thank Mr. Walnut.",
        "The board appointed Dawn Cobb in May.",
    ],
)
def test_people_by_what_the_sentence_says(text: str) -> None:
    assert _first(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday Miami Herald said revenue rose.",  # firms say things too
        "We thanked Miami Herald for the support.",
        "Customers like Major League Baseball, who presented at our Investor Day.",
        "Sales in Fort Nelson grew.",
        "According to Miami Herald, margins rose.",
    ],
)
def test_no_person_without_a_cue_firms_share(text: str) -> None:
    assert not _first(text)
