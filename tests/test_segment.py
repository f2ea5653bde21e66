import pytest

from align.segment import split_chinese, split_english, split_sentences


def texts(text, spans):
    return [s.slice(text) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President George H.W. Bush spoke. He left.",
            ["President George H.W. Bush spoke.", "He left."],
        ),
        ("We sold in the U.S. We grew 2.5% too.", ["We sold in the U.S.", "We grew 2.5% too."]),
        (
            "It closed at 5 p.m. on Friday. Then we met.",
            ["It closed at 5 p.m. on Friday.", "Then we met."],
        ),
        ("Mr. Smith of Acme Inc. said hello. Bye!", ["Mr. Smith of Acme Inc. said hello.", "Bye!"]),
        (
            'He said "Yes." Then he left... And so on.',
            ['He said "Yes."', "Then he left...", "And so on."],
        ),
        ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
        ("Thanks, Todd.Todd McKinnon -- CEO Yep.", ["Thanks, Todd.", "Todd McKinnon -- CEO Yep."]),
        ("See Fool.com for more.", ["See Fool.com for more."]),
        ("Revenue was $105.6 million, up 40%.", ["Revenue was $105.6 million, up 40%."]),
    ],
)
def test_english(text, expected):
    assert texts(text, split_english(text)) == expected


def test_chinese_full_and_half_width_ends():
    text = "歡迎參加 Okta 會議。今天的會議正在錄製中!真的嗎?是的；好。「結束。」尾巴"
    assert texts(text, split_chinese(text)) == [
        "歡迎參加 Okta 會議。",
        "今天的會議正在錄製中!",
        "真的嗎?",
        "是的；",
        "好。",
        "「結束。」",
        "尾巴",
    ]


def test_spans_point_into_original_text_without_whitespace():
    text = "  One.   Two.  "
    spans = split_english(text)
    assert [(s.start, s.end) for s in spans] == [(2, 6), (9, 13)]


def test_split_sentences_picks_language():
    assert len(split_sentences("好。好。")) == 2
    assert len(split_sentences("Good. Fine.")) == 2


def test_empty_text_has_no_sentences():
    assert split_english("") == [] and split_chinese("   ") == []
