"""Write the catalogue's pages into the site during ``mkdocs build`` (mkdocs-gen-files).

Every data page comes from :func:`kashmirref.site.pages` over the shipped catalogue, and
every standalone figure from :func:`kashmirref.site.figures`, so the site never drifts
from the data. Each section gets a ``SUMMARY.md`` that mkdocs-literate-nav reads to
order its navigation.
"""

from collections import defaultdict

import mkdocs_gen_files

import kashmirref as kr
from kashmirref.site import figures, pages

catalog = kr.load()
sections: defaultdict[str, list[str]] = defaultdict(list)
for page in pages(catalog):
    with mkdocs_gen_files.open(page.path, "w") as handle:
        handle.write(page.text)
    if page.section is not None:
        name = page.path.removeprefix(f"{page.section}/")
        sections[page.section].append(f"* [{page.title}]({name})")

for section, entries in sections.items():
    with mkdocs_gen_files.open(f"{section}/SUMMARY.md", "w") as handle:
        handle.write("\n".join(entries) + "\n")

for path, markup in figures(catalog).items():
    with mkdocs_gen_files.open(path, "w") as handle:
        handle.write(markup)
