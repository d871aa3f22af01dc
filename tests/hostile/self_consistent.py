"""What the members named *_self_consistent share: appending code to a file of the submission
(later definitions replace the template's)."""


def append(folder, relative, text):
    path = folder / relative
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + text, encoding="utf-8")
