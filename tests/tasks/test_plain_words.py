"""The words that end a name read by rule, on real words: verbs, accusatives, prepositions, possessives, nisbas."""

import polars as pl

from tasks.plain_words import plain_form, rule_words


def plain(*words: str) -> list[bool]:
    return pl.select(plain_form(pl.Series(list(words)))).to_series().to_list()


def read(*words: str) -> list[str]:
    return pl.select(rule_words(pl.lit(list(words)))).item().to_list()


def test_verbs_accusatives_and_prepositions_on_plain_words_are_no_name_words() -> None:
    # تنطلق (ت-verb), اعتذر (past), سيذهب (future), عنوانا (accusative), بجراح (ب on a plain word), بتونس (ب on a
    # listed name); the folded words as the rules pass them.
    assert plain("تنطلق", "اعتذر", "سيذهب", "عنوانا", "بجراح", "بتونس") == [True] * 6
    # ل on a plain word of three letters (لكره: لكرة القدم after الفريق الوطني was a person in 18 articles).
    assert plain("لكره", "لحشد") == [True, True]
    # "We" verbs (نشعر "we feel", نعتقد), whose ي and ت forms real news writes; not surnames on a verb's
    # letters whose ت form it does not (نشار: يشار، نديم، ناني).
    assert plain("نشعر", "نعتقد", "نشار", "نديم", "ناني") == [True, True, False, False, False]
    # Past verbs of "they" and "she" whose present with ت is a verb word (حرصوا: تحرص، قابلت: تقابل); not a four-letter
    # word in ت (رفعت, a given name and "she raised"), an -ات plural (بركات) or a foreign name in وا (كورتوا).
    assert plain("حرصوا", "قصفوا", "قابلت", "تمتعت") == [True] * 4
    assert plain("رفعت", "بركات", "كورتوا", "فرانسوا") == [False] * 4
    # Names: a given name (احمد), a name word with ك (كمال), a foreign surname (كروس), a family name.
    assert plain("احمد", "كمال", "كروس", "القحطاني") == [False] * 4


def test_a_nisbas_accusative_is_a_plain_word_a_place_is_not() -> None:
    # قانونيا "legally", تلقائيا "automatically" (القانوني، التلقائي are written in real news); سوريا and ماليزيا
    # end alike, and their nisbas are written too, but they are places of the gazetteer.
    assert plain("قانونيا", "تلقائيا") == [True, True]
    assert plain("سوريا", "ماليزيا") == [False, False]


def test_a_word_real_news_writes_with_tanwin_is_a_plain_word_unless_a_name_is_too() -> None:
    # فهماً، حرجاً، مخاطباً، سرياً: real news writes them with the accusative's tanwin, which no name takes; خالداً،
    # سعيداً، طالباً too, but خالد، سعيد، طالب are given names, so the words stay names.
    assert plain("فهما", "حرجا", "مخاطبا", "سريا") == [True] * 4
    assert plain("خالدا", "سعيدا", "طالبا") == [False] * 3


def test_possessives_and_feminine_nisbas_read_as_a_stop_word() -> None:
    # انتقاله "his transfer", سيطرته (سيطرة + ه), هجماتها "its attacks", الانقلابية (a nisba of انقلاب) end a name;
    # معرفية (ة as written) and a given name stay, folded.
    assert read("صلاح", "انتقاله", "سيطرته", "هجماتها", "الانقلابية") == ["صلاح", "في", "في", "في", "في"]
    assert read("ناصر", "معرفية") == ["ناصر", "معرفيه"]


def test_possessives_of_our_and_your_and_after_a_preposition_read_as_a_stop_word() -> None:
    # مستقبلنا "our future", انطباعاتكم "your impressions", بتنفيذه "with its carrying out", لإعارته "for his loan"
    # (SaudiNewsNet: إسماعيل بتنفيذه was a person in 13 articles).
    assert read("عماد", "مستقبلنا", "بانطباعاتكم", "بتنفيذه", "لإعارته") == ["عماد", "في", "في", "في", "في"]
    # Not a name ending like a pronoun on a short word (فيسنا، جمعه), nor ك on a plain word (ناميك, Namık).
    assert read("فيسنا", "جمعه", "ناميك") == ["فيسنا", "جمعه", "ناميك"]


def test_a_possessive_on_a_noun_of_three_letters_reads_as_a_stop_word_unless_it_is_a_word_itself() -> None:
    # SaudiNewsNet: حسين برأسه "with his head" (14 articles), فارس قومه "his people's knight" (13), ذاع صيته.
    assert read("حسين", "برأسه", "قومه", "صيته") == ["حسين", "في", "في", "في"]
    # فقيه "jurist", جمعه "Friday", طلبه "students" are words (and surnames) as written: they stay.
    assert read("عادل", "فقيه", "جمعه", "طلبه") == ["عادل", "فقيه", "جمعه", "طلبه"]
