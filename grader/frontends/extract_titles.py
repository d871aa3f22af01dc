"""Names written in code go into the catalogue's template: ``python -m grader.frontends.extract_titles``.

A check's name is written once, in ``@check("...")``, a notebook group's title once, in
``notebook.GROUPS``. The translators' template (grader/feedback/locale/messages.pot) holds them
as the English of the entries ``check.<chapter>.<function>`` and ``notebook.group.<chapter>.<key>``;
this command rewrites those entries from the code (new ones added, renamed ones updated, removed
ones dropped) and leaves every other entry as it is.
A translation made from an old name is then stale (tests/grader/test_messages.py names it)
until its translator updates it. ``--check`` changes nothing and exits 1 when the template is
behind the checks.
"""
import argparse
import sys

from grader.feedback import po
from grader.feedback.messages import TEMPLATE, title_id
from grader.frontends.notebook import GROUPS, HIDDEN, group_id
from grader.grading.checks import all_checks

PREFIXES = ("check.", "notebook.group.")


def extracted(checks=None):
    """{catalogue id: English name} of every check (hidden ones included) and notebook group."""
    titles = {title_id(check): check.name for check in (all_checks() if checks is None else checks)}
    for chapter, groups in GROUPS.items():
        titles.update({group_id(chapter, group): group.title for group in groups})
    titles[group_id(None, HIDDEN)] = HIDDEN.title
    return titles


def updated(template, titles):
    """``template`` (a po.Catalogue) with its check entries made those of ``titles``."""
    entries, seen = [], set()
    for entry in template.entries:
        if not entry.context.startswith(PREFIXES):
            entries.append(entry)
        elif entry.context in titles:
            entries.append(po.Entry(entry.context, titles[entry.context], None, [""], entry.notes))
            seen.add(entry.context)
    entries += [po.Entry(key, name, None, [""]) for key, name in titles.items() if key not in seen]
    return po.Catalogue(template.header, entries, template.comment)


def main(argv=None, path=TEMPLATE):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the template is up to date")
    args = parser.parse_args(argv)
    before = path.read_text(encoding="utf-8")
    after = po.format_catalogue(updated(po.parse(before, path.name), extracted()))
    if before == after:
        print(f"{path.name}: the check names are up to date")
        return 0
    if args.check:
        print(f"{path.name}: check names differ from @check; run python -m grader.frontends.extract_titles")
        return 1
    path.write_text(after, encoding="utf-8")
    print(f"{path.name}: check names updated from @check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
