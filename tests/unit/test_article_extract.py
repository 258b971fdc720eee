"""wirewatch.producers.article: main text, metadata, decoding and limits, on small hand-written pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from wirewatch.producers.article import Extraction, ExtractionError, extract_article
from wirewatch.producers.article.dates import parse_date
from wirewatch.producers.article.decoding import decode_html
from wirewatch.producers.article.language import normalise_language

PARAGRAPHS = [
    "The harbour authority closed the northern ferry terminal on Monday after engineers found cracks in two of "
    "the concrete piers that carry the loading ramps.",
    "Passengers were redirected to the southern terminal, where queues stretched past the car park for most of "
    "the afternoon and several evening crossings were cancelled.",
    "An inspection report seen by local councillors says the damage was first noticed in the spring but was "
    "judged too minor at the time to justify a closure.",
    "The authority said repairs would take at least six weeks and that it would publish a revised timetable "
    "for the summer season by the end of the month.",
]

NAV = "<nav><ul>" + "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(10)) + "</ul></nav>"
COOKIE_BANNER = (
    '<div id="cookie-consent" class="cmp-banner"><p>We use cookies to improve your experience and to measure '
    'how our pages are used by our readers.</p><button>Accept all</button><a href="/privacy">Settings</a></div>'
)
SHARE_BAR = '<div class="share-tools"><a href="/fb">Facebook</a> <a href="/x">X</a> <a href="/mail">Email</a></div>'
RELATED = (
    '<section class="related-articles"><h2>More on this story</h2><ul>'
    '<li><a href="/a">Council approves new budget for coastal defences after long debate</a></li>'
    '<li><a href="/b">Fishing fleet stays in port as storm warning is extended</a></li></ul></section>'
)
COMMENTS = (
    '<div id="comments" class="comments-area"><h3>12 comments</h3><ol class="comment-list">'
    '<li class="comment"><p class="who">seagull88</p><p>Those piers were built in a hurry forty years ago and '
    "everyone who works on the quay knew they would not last forever.</p></li>"
    '<li class="comment"><p class="who">marta_v</p><p>Six weeks sounds optimistic to me, they said the same '
    "about the bridge and it took most of a year to reopen.</p></li></ol></div>"
)


def page(body: str, head: str = "", html_attributes: str = 'lang="en"') -> str:
    return f"<!doctype html><html {html_attributes}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def paragraphs(items: list[str] = PARAGRAPHS) -> str:
    return "".join(f"<p>{text}</p>" for text in items)


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def lines(extraction: Extraction) -> list[str]:
    return extraction.text.split("\n") if extraction.text else []


# --- main text ---------------------------------------------------------------------------------------------------


def test_keeps_the_article_and_drops_the_boilerplate_around_it() -> None:
    html = page(
        f"{COOKIE_BANNER}<header><a href='/'>The Quay Gazette</a>{NAV}</header>"
        f"<main><article><h1>Ferry terminal closed after cracks found in piers</h1>"
        f"<div class='entry-content'>{paragraphs()}{SHARE_BAR}</div></article>{RELATED}{COMMENTS}</main>"
        "<footer><p>Copyright The Quay Gazette. All rights reserved.</p></footer>"
    )
    assert lines(extract_article(html)) == PARAGRAPHS


def test_keeps_subheadings_between_paragraphs_but_not_the_heading_of_a_link_list() -> None:
    body = (
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><h2>Warnings in the spring</h2><p>{PARAGRAPHS[2]}</p>"
        f"<p>{PARAGRAPHS[3]}</p><h3>Read more</h3><ul><li><a href='/x'>Another story about the port</a></li>"
        "<li><a href='/y'>A second story about the port</a></li></ul>"
    )
    extracted = lines(extract_article(page(f"<article>{body}</article>")))
    assert extracted == [*PARAGRAPHS[:2], "Warnings in the spring", *PARAGRAPHS[2:]]


def test_text_separated_by_line_breaks_comes_out_one_paragraph_a_line() -> None:
    body = f"<div id='nota'><div class='cuerpo'>{'<br><br>'.join(PARAGRAPHS)}</div></div>"
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_inline_markup_keeps_the_words_apart_and_the_sentence_whole() -> None:
    sentence = "The <b>harbour</b> <i>authority</i> said the <a href='/r'>inspection report</a> was accurate."
    html = page(f"<article><p>{sentence} {PARAGRAPHS[0]}</p>{paragraphs(PARAGRAPHS[1:])}</article>")
    first = lines(extract_article(html))[0]
    assert first.startswith("The harbour authority said the inspection report was accurate. The harbour")


def test_an_article_of_one_line_paragraphs_is_kept_whole() -> None:
    short = ["The terminal is closed.", "Nobody was hurt.", "Repairs start on Monday.", "Ferries use the south quay."]
    html = page(f"{NAV}<div class='story'>{paragraphs(short)}</div><div class='x'><a href='/a'>Weather</a></div>")
    assert lines(extract_article(html)) == short


def test_keeps_every_post_of_a_live_blog() -> None:
    posts = "".join(
        f"<article class='live-post'><time datetime='2025-06-02T1{i}:00:00Z'>1{i}:00</time><p>{text}</p></article>"
        for i, text in enumerate(PARAGRAPHS)
    )
    html = page(f"{NAV}<main><h1>Live: ferry closure</h1><div class='live-feed'>{posts}</div>{RELATED}</main>")
    assert lines(extract_article(html)) == PARAGRAPHS


def test_an_article_tagged_with_a_boilerplate_word_is_not_boilerplate() -> None:
    body = f"<article class='post type-post category-social-affairs tag-cookies'>{paragraphs()}</article>"
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_an_article_split_by_an_ad_is_kept_whole() -> None:
    body = (
        f"<div class='layout has-sidebar'><div class='article-body'>{paragraphs(PARAGRAPHS[:2])}</div>"
        "<div class='ad-slot'><span>Advertisement</span></div>"
        f"<div class='article-body'>{paragraphs(PARAGRAPHS[2:])}</div>"
        "<div class='sidebar'><h3>Most read</h3><ol><li><a href='/1'>A popular story about something</a></li>"
        "<li><a href='/2'>Another popular story about something</a></li></ol></div></div>"
    )
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_teasers_of_other_stories_are_not_taken_for_the_article() -> None:
    teasers = "".join(
        f"<div class='item'><a href='/t{i}'><h3>Another headline about a different story, number {i}</h3></a>"
        f"<p>A teaser sentence describing that other story in roughly as many words as a short paragraph {i}.</p></div>"
        for i in range(6)
    )
    body = f"<article><h1>Ferry terminal closed</h1>{paragraphs(PARAGRAPHS[:2])}</article><div>{teasers}</div>"
    assert lines(extract_article(page(body))) == PARAGRAPHS[:2]


def test_an_unmarked_article_cut_by_a_block_of_links_is_kept_whole() -> None:
    links = "<ul>" + "".join(
        f"<li><a href='/r{i}'>A related headline about the port, number {i}</a></li>" for i in range(8)
    )
    body = (
        f"<div><div><div>{paragraphs(PARAGRAPHS[:2])}</div>{links}</ul><div>{paragraphs(PARAGRAPHS[2:])}</div></div>"
        f"<div>{links}</ul></div></div>"
    )
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_cookie_notices_and_newsletter_pitches_without_telltale_classes_are_dropped() -> None:
    notice = (
        "<div class='x9'><p>We and our partners use cookies to store and read information on your device. You can "
        "accept them all or choose your preferences at any time.</p></div>"
    )
    pitch = "<div class='x7'><p>Get the morning briefing in your inbox: sign up for our free newsletter.</p></div>"
    body = f"{notice}<div><div>{paragraphs(PARAGRAPHS[:2])}{pitch}{paragraphs(PARAGRAPHS[2:])}</div></div>"
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_kicker_headline_and_date_above_the_first_paragraph_are_not_text() -> None:
    body = (
        "<div><a href='/transport'>Transport</a><div><b>Northern ferry terminal shut for repairs</b></div>"
        f"<div>Monday 2 June 2025, 09:30</div>{paragraphs()}</div>"
    )
    html = page(body, head='<meta property="og:title" content="Ferry terminal closed after cracks found">')
    assert lines(extract_article(html)) == PARAGRAPHS


def test_a_page_hidden_from_screen_readers_behind_a_consent_dialog_is_still_read() -> None:
    body = f"<div class='consent-dialog'><p>Accept?</p></div><div id='page' aria-hidden='true'><article>{paragraphs()}</article></div>"
    assert lines(extract_article(page(body))) == PARAGRAPHS


def test_title_byline_and_labels_are_not_part_of_the_text() -> None:
    body = (
        "<article><h1>Ferry terminal closed after cracks found in piers</h1><p>By Ana Ruiz, harbour reporter</p>"
        f"<p>{PARAGRAPHS[0]}</p><div><span>Advertisement</span></div><p>{PARAGRAPHS[1]}</p><p>10:42</p></article>"
    )
    assert lines(extract_article(page(body))) == PARAGRAPHS[:2]


def test_content_hidden_from_readers_is_not_text() -> None:
    body = f"<article>{paragraphs(PARAGRAPHS[:2])}<div style='display: none'><p>{PARAGRAPHS[2]}</p></div></article>"
    assert lines(extract_article(page(body))) == PARAGRAPHS[:2]


def test_an_old_table_layout_gives_its_text_cell() -> None:
    menu = "<br>".join(f"<a href='/m{i}'>Menu entry {i}</a>" for i in range(8))
    body = (
        f"<table><tr><td valign='top' width='150'>{menu}</td><td valign='top'><font size='4'><b>Ferry terminal "
        f"closed</b></font><br><i>By Ana Ruiz</i><p>{'<p>'.join(PARAGRAPHS)}</td></tr></table>"
    )
    extraction = extract_article(page(body, head="<title>Ferry terminal closed</title>"))
    assert lines(extraction) == PARAGRAPHS


def test_author_and_date_from_a_visible_byline_when_nothing_is_declared() -> None:
    body = f"<table><tr><td><font size='2'><i>By Ana Ruiz, harbour reporter - 2 June 2025</i></font>{paragraphs()}</td></tr></table>"
    extraction = extract_article(page(body))
    assert extraction.author == "Ana Ruiz"
    assert extraction.published is not None and extraction.published.date().isoformat() == "2025-06-02"


# --- metadata ----------------------------------------------------------------------------------------------------


def test_metadata_from_meta_tags() -> None:
    head = (
        "<title>Ferry terminal closed | The Quay Gazette</title>"
        '<meta property="og:title" content="Ferry terminal closed after cracks found">'
        '<meta name="author" content="Ana Ruiz">'
        '<meta property="article:published_time" content="2025-06-02T09:30:00+02:00">'
    )
    extraction = extract_article(page(f"<article>{paragraphs()}</article>", head=head))
    assert extraction.title == "Ferry terminal closed after cracks found"
    assert extraction.author == "Ana Ruiz"
    assert extraction.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="date" content="2025-06-02T07:30:00Z">',
        '<meta name="DC.date.issued" content="2025-06-02T07:30:00Z">',
        '<meta name="dcterms.created" content="Mon, 02 Jun 2025 07:30:00 GMT">',
        '<meta itemprop="datePublished" content="2025-06-02T08:30:00+01:00">',
    ],
)
def test_publication_date_from_other_meta_tags(meta: str) -> None:
    extraction = extract_article(page(f"<article>{paragraphs()}</article>", head=meta))
    assert extraction.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)


def test_dublin_core_creator_and_title() -> None:
    head = '<meta name="DC.creator" content="Ana Ruiz"><meta name="DC.title" content="Ferry terminal closed">'
    extraction = extract_article(page(f"<article>{paragraphs()}</article>", head=head))
    assert (extraction.author, extraction.title) == ("Ana Ruiz", "Ferry terminal closed")


@pytest.mark.parametrize("kind", ["NewsArticle", "Article", "ReportageNews", "LiveBlogPosting", ["NewsArticle"]])
def test_metadata_from_json_ld(kind: object) -> None:
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": "Ferry terminal closed after cracks found",
        "datePublished": "2025-06-02T09:30:00+02:00",
        "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Berg"}],
        "inLanguage": "pt-BR",
    }
    head = '<meta property="og:title" content="Something else">' + json_ld(data)
    extraction = extract_article(page(f"<article>{paragraphs()}</article>", head=head, html_attributes=""))
    assert extraction.title == "Ferry terminal closed after cracks found"
    assert extraction.author == "Ana Ruiz, Tom Berg"
    assert extraction.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    assert extraction.language == "pt"


def test_json_ld_in_a_graph_with_an_author_reference_next_to_other_objects() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Quay Gazette"},
            {"@type": "Person", "@id": "#ana", "name": "Ana Ruiz"},
            {"@type": "NewsArticle", "headline": "Ferry terminal closed", "author": {"@id": "#ana"},
             "datePublished": "2025-06-02"},
        ],
    }  # fmt: skip
    breadcrumbs = json_ld([{"@type": "BreadcrumbList", "itemListElement": []}])
    extraction = extract_article(page(f"<article>{paragraphs()}</article>", head=breadcrumbs + json_ld(graph)))
    assert (extraction.title, extraction.author) == ("Ferry terminal closed", "Ana Ruiz")
    assert extraction.published is not None and extraction.published.date().isoformat() == "2025-06-02"


def test_broken_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    head += '<meta property="og:title" content="Ferry terminal closed">'
    assert extract_article(page(f"<article>{paragraphs()}</article>", head=head)).title == "Ferry terminal closed"


def test_date_and_author_from_the_byline() -> None:
    body = (
        "<header><time datetime='2031-01-01'>today</time></header><article><h1>Ferry terminal closed</h1>"
        "<div class='byline'>By <a href='/authors/ana' rel='author'>Ana Ruiz</a> · "
        "<time datetime='2025-06-02T09:30:00+02:00'>2 June 2025</time></div>"
        f"{paragraphs()}</article>"
    )
    extraction = extract_article(page(body))
    assert extraction.author == "Ana Ruiz"
    assert extraction.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)


def test_a_site_name_in_the_author_tag_gives_way_to_the_byline() -> None:
    head = '<meta name="author" content="The Quay Gazette"><meta property="og:site_name" content="The Quay Gazette">'
    body = f"<div class='datos'><span class='autor'>Por Ana Ruiz</span></div><div>{paragraphs()}</div>"
    assert extract_article(page(body, head=head)).author == "Ana Ruiz"


def test_title_falls_back_to_the_title_tag_without_the_site_name() -> None:
    html = page(f"<div>{paragraphs()}</div>", head="<title>Ferry terminal closed | The Quay Gazette</title>")
    assert extract_article(html).title == "Ferry terminal closed"


def test_no_metadata_at_all() -> None:
    extraction = extract_article(page(f"<div>{paragraphs()}</div>", html_attributes=""))
    assert (extraction.title, extraction.author, extraction.published, extraction.language) == (None,) * 4
    assert not extraction.paywalled


@pytest.mark.parametrize(
    ("html_attributes", "head", "expected"),
    [
        ('lang="pt-BR"', "", "pt"),
        ('lang="EN_gb"', "", "en"),
        ('xml:lang="de"', "", "de"),
        ("", '<meta property="og:locale" content="fr_FR">', "fr"),
        ("", '<meta http-equiv="content-language" content="es-MX, en">', "es"),
        ("", json_ld({"@type": "NewsArticle", "inLanguage": "ru"}), "ru"),
        ('lang=""', '<meta property="og:locale" content="it_IT">', "it"),
        ('lang="x-unknown-tag"', "", None),
    ],
)
def test_language_from_the_declarations(html_attributes: str, head: str, expected: str | None) -> None:
    extraction = extract_article(page(f"<div>{paragraphs()}</div>", head=head, html_attributes=html_attributes))
    assert extraction.language == expected


@pytest.mark.parametrize(
    ("tag", "expected"), [("pt-BR", "pt"), ("zh-Hant-TW", "zh"), ("fra", "fr"), ("ger", "de"), ("", None), ("12", None)]
)
def test_normalise_language(tag: str, expected: str | None) -> None:
    assert normalise_language(tag) == expected


@pytest.mark.parametrize(
    "declaration",
    [
        json_ld({"@type": "NewsArticle", "isAccessibleForFree": False}),
        json_ld({"@type": "NewsArticle", "isAccessibleForFree": "False"}),
        json_ld({"@type": "NewsArticle", "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False}}),
        '<meta property="article:content_tier" content="locked">',
    ],
)
def test_paywall_declared_in_metadata(declaration: str) -> None:
    assert extract_article(page(f"<article>{paragraphs(PARAGRAPHS[:2])}</article>", head=declaration)).paywalled


def test_paywall_box_on_the_page_is_flagged_and_left_out_of_the_text() -> None:
    box = "<div class='paywall-offer'><h2>Keep reading</h2><p>Subscribe to read the rest of this article.</p></div>"
    extraction = extract_article(page(f"<article>{paragraphs(PARAGRAPHS[:2])}{box}</article>"))
    assert extraction.paywalled
    assert lines(extraction) == PARAGRAPHS[:2]


def test_free_pages_are_not_flagged_even_with_an_empty_paywall_hook() -> None:
    free = json_ld({"@type": "NewsArticle", "isAccessibleForFree": True})
    body = f"<article>{paragraphs()}</article><div id='paywall-root'></div>"
    assert not extract_article(page(body, head=free)).paywalled


# --- dates -------------------------------------------------------------------------------------------------------

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-02T09:30:00+02:00", datetime(2025, 6, 2, 7, 30)),
        ("2025-06-02T07:30:00.123Z", datetime(2025, 6, 2, 7, 30, 0, 123000)),
        ("2025-06-02 07:30", datetime(2025, 6, 2, 7, 30)),
        ("Mon, 02 Jun 2025 09:30:00 +0200", datetime(2025, 6, 2, 7, 30)),
        ("June 2, 2025 3:30 PM EST", datetime(2025, 6, 2, 20, 30)),
        ("2 juin 2025 à 09h30", datetime(2025, 6, 2, 9, 30)),
        ("2 de junio de 2025, 09:30", datetime(2025, 6, 2, 9, 30)),
        ("2 июня 2025, 09:30 МСК", datetime(2025, 6, 2, 6, 30)),
        ("02.06.2025 09:30", datetime(2025, 6, 2, 9, 30)),
        ("1748856600", datetime(2025, 6, 2, 9, 30)),
        ("الاثنين ٢ يونيو ٢٠٢٥ - 09:30", datetime(2025, 6, 2, 9, 30)),
        # a bare day is noon UTC: the same calendar day in almost every time zone
        ("2025-06-02", datetime(2025, 6, 2, 12, 0)),
        ("06/02/2025", datetime(2025, 6, 2, 12, 0)),
    ],
)
def test_parse_date(text: str, expected: datetime) -> None:
    assert parse_date(text, now=NOW) == expected.replace(tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "soon", "2026-01-03T00:00:00Z", "1970-01-01", "31/31/2025", "2025-02-30"])
def test_parse_date_refuses_nonsense_and_the_future(text: str) -> None:
    assert parse_date(text, now=NOW) is None


def test_a_future_publication_date_is_not_returned() -> None:
    head = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert extract_article(page(f"<article>{paragraphs()}</article>", head=head)).published is None


# --- bytes and encodings ----------------------------------------------------------------------------------------

RUSSIAN = "Власти города закрыли паромный терминал после того, как инженеры обнаружили трещины в опорах причала."


def test_bytes_decoded_by_their_meta_charset() -> None:
    html = f'<html lang="ru"><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    assert extract_article(html.encode("windows-1251")).text == RUSSIAN


def test_bytes_decoded_by_an_http_equiv_declaration() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>'
        f"<body><p>{RUSSIAN}</p></body></html>"
    )
    assert extract_article(html.encode("koi8-r")).text == RUSSIAN


def test_the_transport_charset_wins_over_a_missing_declaration() -> None:
    html = f"<html><body><p>{RUSSIAN}</p></body></html>".encode("windows-1251")
    assert extract_article(html, encoding="cp1251").text == RUSSIAN
    assert "\ufffd" * 6 in decode_html(html)  # undeclared: read as UTF-8, with replacement characters


def test_a_byte_order_mark_wins() -> None:
    html = f"<html><body><p>{RUSSIAN}</p></body></html>"
    assert extract_article(b"\xef\xbb\xbf" + html.encode("utf-8"), encoding="latin-1").text == RUSSIAN
    assert extract_article(html.encode("utf-16")).text == RUSSIAN


def test_a_stale_latin1_label_on_a_utf8_page_is_overruled() -> None:
    html = f"<html><head><meta charset='iso-8859-1'></head><body><p>{PARAGRAPHS[0]} Ação, café.</p></body></html>"
    assert extract_article(html.encode("utf-8")).text.endswith("Ação, café.")


# --- garbage and limits -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    ["", "   \n ", b"", b"\x00\x01\x02\xff\xfe" * 2000, bytes(range(256)) * 40, "<<<>>><</", "<div><p><span"],
)
def test_garbage_gives_an_empty_text(garbage: str | bytes) -> None:
    extraction = extract_article(garbage)
    assert extraction.text == ""
    assert not extraction.paywalled


def test_unclosed_tags_still_give_the_text() -> None:
    html = "<html><body><div><article><p>" + "<p>".join(PARAGRAPHS) + "<div><span><b>"
    assert lines(extract_article(html)) == PARAGRAPHS


def test_plain_text_is_read_as_one_block() -> None:
    assert extract_article(PARAGRAPHS[0]).text == PARAGRAPHS[0]


def test_pages_over_the_size_cap_are_refused() -> None:
    html = page(paragraphs() * 10)
    with pytest.raises(ExtractionError, match="over the 1,000-byte limit"):
        extract_article(html, max_bytes=1000)
    with pytest.raises(ExtractionError):
        extract_article(html.encode("utf-8"), max_bytes=1000)
    with pytest.raises(ValueError):  # ExtractionError is a ValueError for callers that catch those
        extract_article("x" * 5_000_001)
    assert extract_article(html, max_bytes=len(html)).text


def test_the_size_cap_counts_encoded_bytes_not_characters() -> None:
    html = "ж" * 600  # 600 characters, 1,200 bytes in UTF-8
    with pytest.raises(ExtractionError):
        extract_article(html, max_bytes=1000)


def test_five_thousand_nested_divs_do_not_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + paragraphs() + "</div>" * 5000 + "</body></html>"
    assert lines(extract_article(html)) == PARAGRAPHS


def test_absurd_nesting_is_garbage() -> None:
    html = "<html><body>" + "<div>" * 30_000 + paragraphs() + "</body></html>"
    assert extract_article(html).text == ""


def test_comparisons_in_a_large_script_are_not_taken_for_nesting() -> None:
    script = "<script>" + "for (i = 0; i < n; i++) {}" * 12_000 + "</script>"
    assert lines(extract_article(page(f"{script}<article>{paragraphs()}</article>"))) == PARAGRAPHS


def test_to_dict_is_json() -> None:
    head = '<meta property="article:published_time" content="2025-06-02T09:30:00+02:00">'
    data = extract_article(page(f"<article>{paragraphs()}</article>", head=head)).to_dict()
    assert json.loads(json.dumps(data))["published"] == "2025-06-02T07:30:00+00:00"
    assert data["text"].split("\n") == PARAGRAPHS
    assert set(data) == {"text", "title", "author", "published", "language", "paywalled"}
