"""Line shapes shared by the cleaners: what counts as a finished sentence and as a paragraph."""
from cleaner.cleaners.shape import ends_as_sentence, is_paragraph

SENTENCE = "The harbour authority said on Tuesday that the new breakwater would be finished soon."


def test_a_sentence_ends_in_its_punctuation_even_after_a_broken_character():
    assert ends_as_sentence(SENTENCE) and is_paragraph(SENTENCE)
    assert ends_as_sentence(SENTENCE + "\ufffd") and is_paragraph(SENTENCE + "\ufffd\ufffd")
    assert not ends_as_sentence(SENTENCE[:-1] + "\ufffd")
    assert not ends_as_sentence("\ufffd") and not ends_as_sentence("")


def test_short_finished_lines_are_not_paragraphs():
    assert ends_as_sentence("Key facts.") and not is_paragraph("Key facts.")
