"""OPML subscription lists: feeds and their folder/category tags read, DTDs refused, writing round-trips."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from wirewatch.errors import InputError
from wirewatch.producers.opml import OpmlFeed, read_opml, split_tags, unique_names, write_opml

SUBSCRIPTIONS = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="Regional Wires" title="Regional Wires">
      <outline text="East Africa">
        <outline type="rss" text="Lakeside Courier" title="Lakeside Courier (EN)"
                 xmlUrl="https://courier.example/rss" htmlUrl="https://courier.example/" language="en"/>
        <outline type="atom" title="Highland Post" xmlUrl="https://highland.example/atom.xml"
                 category="/Politics/Elections, Breaking News"/>
      </outline>
      <outline text="Untitled by host" xmlUrl="https://no-name.example/feed" title=""/>
    </outline>
    <outline xmlUrl="https://bare.example:8080/index.xml"/>
    <outline type="link" text="A web page, not a feed" url="https://page.example/"/>
    <outline type="include" text="Another list" xmlUrl="https://lists.example/more.opml"/>
    <outline text="Favourites">
      <outline type="rss" text="Lakeside again" xmlUrl="https://courier.example/rss" category="pinned"/>
    </outline>
  </body>
</opml>
"""


def test_feeds_with_folder_path_and_category_as_tags() -> None:
    feeds = read_opml(SUBSCRIPTIONS)
    assert [feed.url for feed in feeds] == [
        "https://courier.example/rss",
        "https://highland.example/atom.xml",
        "https://no-name.example/feed",
        "https://bare.example:8080/index.xml",
    ]
    courier, highland, untitled, bare = feeds
    assert courier == OpmlFeed(
        name="Lakeside Courier (EN)",  # title before text
        url="https://courier.example/rss",
        html_url="https://courier.example/",
        # listed twice: the first outline's fields, the tags of both
        tags=("regional-wires", "east-africa", "favourites", "pinned"),
        language="en",
    )
    assert highland.name == "Highland Post"
    assert highland.tags == ("regional-wires", "east-africa", "politics", "elections", "breaking-news")
    assert (highland.html_url, highland.language) == (None, None)
    assert untitled.name == "Untitled by host"  # an empty title falls back to text
    assert untitled.tags == ("regional-wires",)
    assert bare.name == "bare.example"  # neither title nor text: the URL's host
    assert bare.tags == ()


def test_opml_1_0_with_text_only_and_attribute_names_in_any_case() -> None:
    data = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>old</title></head><body>
  <outline text="Caf\xe9 Press" type="RSS" XMLURL=" https://cafe.example/rss.xml " htmlurl="https://cafe.example"/>
</body></opml>"""
    [feed] = read_opml(data)
    assert feed == OpmlFeed(name="Caf\u00e9 Press", url="https://cafe.example/rss.xml", html_url="https://cafe.example")


def test_outlines_nested_deeply_are_read_without_recursion() -> None:
    depth = 5000
    data = (
        "<opml><body>"
        + '<outline text="f">' * depth
        + '<outline text="deep" xmlUrl="https://deep.example/rss"/>'
        + "</outline>" * depth
        + "</body></opml>"
    ).encode()
    [feed] = read_opml(data)
    assert feed.tags == ("f",)


def test_a_namespaced_root_and_an_empty_body() -> None:
    assert read_opml(b'<opml xmlns="http://opml.org/spec2" version="2.0"><body/></opml>') == []


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("/World/Africa, Breaking News", ("world", "africa", "breaking-news")),
        ("Tech", ("tech",)),
        ("  a ,, b//c ,a ", ("a", "b", "c")),
        ("", ()),
        ("Sci\tFi   Weekly", ("sci-fi-weekly",)),
    ],
)
def test_split_tags(text: str, tags: tuple[str, ...]) -> None:
    assert split_tags(text) == tags


# -- refusals ---------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<opml version="2.0"><body><outline text="&lol3;" xmlUrl="https://x.example/rss"/></body></opml>"""


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml><body/></opml>',
        b"<!DOCTYPE opml><opml><body/></opml>",
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE opml><opml><body/></opml>'.encode("utf-16"),
    ],
)
def test_documents_with_a_dtd_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="DTD"):
        read_opml(data)


def test_a_doctype_mentioned_in_a_comment_is_harmless() -> None:
    data = b'<opml><!-- no <!DOCTYPE> here --><body><outline text="a" xmlUrl="https://a.example/rss"/></body></opml>'
    assert [feed.name for feed in read_opml(data)] == ["a"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"just some words", "malformed XML"),
        (b"<opml><body><outline text='x'></body></opml>", "malformed XML"),
        (b"<opml><body>", "malformed XML"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "root element is <rss>"),
        (b"<html><body><p>hello</p></body></html>", "root element is <html>"),
        (b"<opml version='2.0'><head><title>t</title></head></opml>", "no <body>"),
        (b'<opml><body><outline text="&nbsp;"/></body></opml>', "malformed XML"),
    ],
)
def test_non_opml_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_opml(data)


# -- writing ------------------------------------------------------------------------------


def test_write_escapes_and_reads_back() -> None:
    data = write_opml(
        [
            ("Fish & <Chips> Daily", "https://fish.example/rss?a=1&b=2", ["food", "uk"]),
            ('Quotes "and" apostrophes\'', "https://quotes.example/atom", ["food"], "atom"),
            ("Loose feed", "https://loose.example/feed.json", [], "json"),
        ],
        title="Desk <export> & more",
    )
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b"Fish &amp; &lt;Chips&gt; Daily" in data
    assert b"https://fish.example/rss?a=1&amp;b=2" in data
    root = ET.fromstring(data)
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "Desk <export> & more"
    body = root.find("body")
    assert body is not None
    folder, loose = list(body)
    assert folder.get("text") == "food"
    assert [outline.get("type") for outline in folder] == ["rss", "atom"]
    assert folder[0].get("category") == "uk"
    assert loose.get("type") == "json" and loose.get("category") is None
    assert [(feed.name, feed.url, feed.tags) for feed in read_opml(data)] == [
        ("Fish & <Chips> Daily", "https://fish.example/rss?a=1&b=2", ("food", "uk")),
        ('Quotes "and" apostrophes\'', "https://quotes.example/atom", ("food",)),
        ("Loose feed", "https://loose.example/feed.json", ()),
    ]


def test_read_write_read_round_trip_keeps_everything() -> None:
    first = read_opml(SUBSCRIPTIONS)
    again = read_opml(write_opml(first, title="round trip"))
    assert again == first


def test_tags_read_back_as_slugs() -> None:
    data = write_opml([("A", "https://a.example/rss", ["World News", "Hot Topics"])], title="t")
    assert read_opml(data)[0].tags == ("world-news", "hot-topics")


def test_write_drops_characters_xml_cannot_carry() -> None:
    data = write_opml([("Bell\x07 and null\x00", "https://a.example/rss", ["x\x1b"])], title="t\x0c")
    feed = read_opml(data)[0]
    assert (feed.name, feed.tags) == ("Bell and null", ("x",))


def test_a_single_string_tag_is_one_tag_not_letters() -> None:
    data = write_opml([("A", "https://a.example/rss", "politics")], title="t")  # a str is a sequence of letters
    assert read_opml(data)[0].tags == ("politics",)


def test_write_refuses_an_unknown_feed_type() -> None:
    with pytest.raises(ValueError, match="unknown OPML feed type 'http'"):
        write_opml([("A", "https://a.example/rss", [], "http")], title="t")


def test_write_of_nothing_is_an_empty_list() -> None:
    assert read_opml(write_opml([], title="empty")) == []


# -- unique names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "taken", "expected"),
    [
        (["A", "B"], [], ["A", "B"]),
        (["A", "A", "A"], [], ["A", "A (2)", "A (3)"]),
        (["A", "A", "A (2)"], [], ["A", "A (3)", "A (2)"]),  # a suffix never takes a name given later
        (["A", "B"], ["A"], ["A (2)", "B"]),
        (["A", "A"], ["A", "A (2)"], ["A (3)", "A (4)"]),
        ([], ["A"], []),
        (["a", "A"], [], ["a", "A"]),  # feed names are case-sensitive
    ],
)
def test_unique_names(names: list[str], taken: list[str], expected: list[str]) -> None:
    assert unique_names(names, taken) == expected
