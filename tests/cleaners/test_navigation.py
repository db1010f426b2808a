from cleaner.cleaners.navigation import Navigation
from tests.helpers import kept, reasons, run

BODY = "The company shelved its plans for an initial public offering on September 30."


def test_menu_run_is_dropped():
    menu = ["Home", "World", "Business", "Tech", "Sport", "Culture"]
    doc = run(Navigation(), "\n".join(menu + [BODY]))
    assert kept(doc) == [BODY]
    assert set(reasons(doc).values()) == {"navigation:menu-run"}


def test_short_runs_and_lists_with_digits_stay():
    lines = ["Kim Jong-un’s message", BODY, "Ingredients", "2 cups flour", "1 egg", "3 tbsp sugar",
             "A pinch of salt.", "Home", "World", "Sport", BODY]
    assert kept(run(Navigation(), "\n".join(lines))) == lines
