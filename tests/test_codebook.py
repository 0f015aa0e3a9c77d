"""The codebook page documents every table and column of the export, from the same spec."""

import re

import kashmirref as kr
from kashmirref.export import TABLES, rows
from kashmirref.site import pages
from kashmirref.site.codebook import TYPES, codebook_page, example
from kashmirref.site.markdown import escape

SHIPPED_ROW = re.compile(r"^\| `(\w+)` \| (\w+) \| (.*) \| (.*) \| (.*) \|$")


def _sections(text: str) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r"^## (\w+) \{#", line)
        if heading:
            current = found.setdefault(heading[1], [])
        elif current is not None and (row := SHIPPED_ROW.match(line)):
            current.append(row.groups())
    return found


def test_every_table_and_column_is_documented_in_order(catalog: kr.Catalog) -> None:
    sections = _sections(codebook_page(catalog))
    assert list(sections) == [t.name for t in TABLES]
    for spec in TABLES:
        documented = sections[spec.name]
        assert [r[0] for r in documented] == [c.name for c in spec.columns], spec.name
        for (_, kind, meaning, values, _), column in zip(documented, spec.columns, strict=True):
            assert kind == column.type and kind in TYPES
            assert meaning == escape(column.meaning)
            assert values == ", ".join(f"`{v}`" for v in column.values)


def test_examples_come_from_the_catalogue(catalog: kr.Catalog) -> None:
    text = codebook_page(catalog)
    statements = next(t for t in TABLES if t.name == "statements")
    first = next(rows(catalog, "statements"))
    assert example(catalog, statements, statements.columns[0]) == first["id"]
    assert f"| `id` | string | The statement's id. |  | {escape(str(first['id']))} |" in text
    for spec in TABLES:
        for column in spec.columns:
            value = example(catalog, spec, column)
            if value is not None and column.type == "category":
                assert str(value) in column.values


def test_the_codebook_is_a_site_page_in_the_navigation(catalog: kr.Catalog) -> None:
    site = {page.path: page for page in pages(catalog)}
    assert site["codebook.md"].title == "Codebook"
    assert "(codebook.md)" in (
        __import__("pathlib").Path(__file__).parent.parent / "docs" / "SUMMARY.md"
    ).read_text(encoding="utf-8")


def test_examples_are_escaped(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "mine.toml",
        '[[actor]]\nid = "aaa-hostile"\nname = "<script>alert(1)</script> | *x*"\n'
        'kind = "group"\n',
    )
    text = codebook_page(kr.load(paths=[path], include_shipped=False))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*" in text
