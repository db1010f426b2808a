"""The README stays true to the code: its Quick start commands exist and its cleaner table names
every cleaner the pipeline runs."""
import re

from cleaner import Cleaner
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands_that_exist():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    for command in commands:
        assert command.startswith("bash ") and (ROOT / command.split()[1]).is_file()


def test_every_cleaner_is_in_the_table():
    table = README.split("## The cleaners", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.M)
    missing = set(Cleaner().cleaner_names) - set(listed)
    assert not missing, f"README's cleaner table lacks {sorted(missing)}"


def test_links_to_files_in_the_repository_resolve():
    """The README points readers to docs/ and train/ for the detail it leaves out."""
    targets = re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README)
    assert targets, "the README links no file of the repository"
    missing = [target for target in targets if not (ROOT / target).exists()]
    assert not missing, f"README links files that do not exist: {missing}"
