"""Decoding, header finding and parsing survive what LinkedIn and Excel do to CSV files."""

from __future__ import annotations

import codecs

import ingest_fixtures as F
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_fixtures import read_export

from scoring.ingest.csvtext import (
    alias_lookup,
    decode_text,
    find_header,
    read_table,
    says_nothing_found,
)
from scoring.ingest.errors import MalformedCsvError, NotTextError
from scoring.ingest.kinds import SPECS, share_text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"Name\nSAP\n", "utf-8"),
        (codecs.BOM_UTF8 + b"Name\nSAP\n", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Name\nSAP\n".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Name\nSAP\n".encode("utf-16-be"), "utf-16-be"),
        ("Name\nSAP\n".encode("utf-16-le"), "utf-16-le"),  # no BOM
        ("Name\nMüller\n".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_and_boms_removed(data, encoding):
    decoded = decode_text(data, "Skills.csv")
    assert decoded.encoding == encoding
    assert decoded.text.splitlines()[0] == "Name"


@pytest.mark.parametrize(
    "junk",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(1, 256)) * 4,  # no NUL, not UTF-8, not Windows-1252
        b"Name\n" + b"\x01\x02\x03\x04\x05\x06" * 50,
    ],
)
def test_binary_junk_is_not_text(junk):
    with pytest.raises(NotTextError):
        decode_text(junk, "Connections.csv")


def test_header_is_found_below_the_connections_preamble():
    text = decode_text(F.CONNECTIONS, "Connections.csv").text
    lookup = SPECS["connections"].lookup
    header = find_header(text, lookup)
    assert header is not None
    assert header.line.startswith("First Name,Last Name,URL")
    assert text[header.offset :].startswith("First Name,")
    assert header.fields == {"first_name", "last_name", "url", "company", "position", "at"}


def test_tab_and_semicolon_headers_are_found():
    lookup = SPECS["search_queries"].lookup
    tab = decode_text(F.SEARCH_QUERIES_2018, "Search Queries.csv").text
    assert find_header(tab, lookup).delimiter == "\t"
    semicolon = decode_text(F.CONNECTIONS_EXCEL_DE, "Connections.csv").text
    assert find_header(semicolon, SPECS["connections"].lookup).delimiter == ";"


def test_no_conversations_found_is_recognised():
    assert says_nothing_found("No conversations found\n")
    assert says_nothing_found('"No messages found."')
    assert not says_nothing_found("Date,Link\nNo conversations found\n")


def test_a_file_cut_off_inside_a_quote_is_malformed():
    text = 'Date,Link,Message\n2025-08-01 10:00:00,x,"an unfinished comment\n'
    lookup = SPECS["comments"].lookup
    with pytest.raises(MalformedCsvError) as caught:
        read_table(text, find_header(text, lookup), lookup, file="Comments.csv")
    assert "Comments.csv" in str(caught.value)


def test_default_parser_would_missplit_backslash_escapes_but_ours_does_not():
    text = decode_text(F.COMMENTS, "Comments.csv").text
    lookup = SPECS["comments"].lookup
    header = find_header(text, lookup)
    plain = read_table(text, header, lookup, file="Comments.csv")
    escaped = read_table(text, header, lookup, file="Comments.csv", escapechar="\\")
    assert list(escaped.frame["message"]) == [F.COMMENT_1, "Agreed", F.COMMENT_3]
    assert list(plain.frame["message"]) != list(escaped.frame["message"])


# Text a person may write in a comment: quotes, commas, line breaks. (A literal
# backslash is lost: LinkedIn escapes quotes only, so it cannot be told apart.)
comment_text = (
    st.lists(st.sampled_from([*'abc XYZ,"\nä€', "\r\n"]), min_size=1, max_size=40)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(max_examples=50)  # each example reads a whole export
@given(messages=st.lists(comment_text, min_size=1, max_size=8))
def test_backslash_escaped_comments_keep_their_length(messages):
    def escape(text: str) -> str:
        return '"' + text.replace('"', '\\"') + '"'

    rows = "".join(f"2025-08-0{i % 9 + 1} 10:00:00,https://x/{i},{escape(m)}\n"
                   for i, m in enumerate(messages))  # fmt: skip
    data = read_export([("Comments.csv", ("Date,Link,Message\n" + rows).encode())])
    # The reader trims each comment's outer spaces before counting.
    assert list(data.frame("comments")["chars"]) == [len(m.strip()) for m in messages]


@given(lines=st.lists(st.text(alphabet="abc ,.!ä", max_size=20), min_size=1, max_size=6),
       newline=st.sampled_from(["\n", "\r\n"]))  # fmt: skip
def test_multiline_share_quoting_is_undone(lines, newline):
    # LinkedIn wraps every line in quotes; a blank line reads "".
    cell = newline.join(f'"{line}"' for line in lines)
    assert share_text(__import__("pandas").Series([cell])).iloc[0] == "\n".join(lines)


def test_alias_lookup_folds_header_spelling():
    lookup = alias_lookup({"shared_url": ("SharedUrl",), "at": ("Date",)})
    assert lookup == {"sharedurl": "shared_url", "date": "at"}


@pytest.mark.parametrize(
    ("rest", "blank"),
    [
        ("\n \t\r\n", True),
        ("\u3000\u00a0\n", True),  # only non-ASCII spaces: decoded to be sure
        ("\x1c\x1f\n", True),  # str.isspace counts the separators as space
        ("\n\u00e9\n", False),
        ("  x", False),
    ],
)
def test_blank_rest_is_judged_on_the_bytes_as_on_the_text(rest, blank):
    data = ("Name\n" + rest).encode("utf-8")
    decoded = decode_text(data, "Skills.csv")
    assert decoded.blank_from(len("Name\n")) is blank
    # the same question on the decoded string
    assert (decoded.text[len("Name\n") :].strip() == "") is blank


def test_a_file_read_from_its_bytes_parses_as_from_its_text():
    text = 'Name,Note\nMüller 🙂,"a, b"\nŁódź,\n'
    data = text.encode("utf-8")
    lookup = alias_lookup({"name": ("Name",), "note": ("Note",)})
    decoded = decode_text(data, "Skills.csv")
    header = find_header(decoded.head(4096), lookup)
    from_bytes = read_table(decoded, header, lookup, file="Skills.csv").frame
    from_text = read_table(text, header, lookup, file="Skills.csv").frame
    assert from_bytes.equals(from_text)
    assert list(from_bytes["name"]) == ["Müller 🙂", "Łódź"]
    assert list(from_bytes["note"]) == ["a, b", ""]
    # the header's character offset maps to its byte offset in the UTF-8 bytes
    assert decoded.byte_offset(len("Name,Note\nMüller")) == len("Name,Note\nMüller".encode())
