"""Bare surnames and given names on real strings: after the full name in the article, and (surnames) as the one
person of the batch."""

import polars as pl

from tasks.reference import name_words
from tests.tasks.entity_helpers import found


def test_a_bare_surname_after_the_full_name_is_that_person() -> None:
    rows = found("التقى الرئيس جاك فيلبان بالوفد، وقال فيلبان إن المحادثات مثمرة.")
    assert rows.filter(pl.col("entity_type") == "PER").select("entity", "mentions").rows() == [("جاك فيلبان", 2)]


def test_a_bare_surname_is_not_linked_before_the_full_name_or_when_two_people_share_it() -> None:
    before = found("قال فيلبان إن المحادثات مثمرة بعد لقاء جاك فيلبان بالوفد.")
    assert before.filter(pl.col("entity") == "جاك فيلبان")["mentions"].to_list() == [1]
    shared = found("منذ عهد حافظ الأسد ثم بشار الأسد، قال الأسد إن الحرب انتهت.")
    assert sorted(shared.select("entity", "mentions").rows()) == [("بشار الأسد", 1), ("حافظ الأسد", 1)]


def test_a_bare_surname_is_the_person_another_article_of_the_batch_named_in_full() -> None:
    # محفوظ is named in full only in the first article; in the second he is محفوظ, bare or with و.
    rows = found(
        "التقى الروائي نجيب محفوظ بالشاعر أحمد شوقي في القاهرة",
        "وقال محفوظ إن الرواية فن المدينة، وحضر الندوة ومحفوظ يستمع",
    )
    assert rows.filter(pl.col("article_id") == "a1").select("entity", "entity_type", "mentions").rows() == [
        ("نجيب محفوظ", "PER", 2)
    ]


def test_a_surname_two_people_of_the_batch_share_is_its_own_articles_person_or_nobody() -> None:
    # سمير حدوشي and خالد حدوشي: the second article's حدوشي is its own خالد; the third article named
    # neither, so its حدوشي is not guessed.
    rows = found(
        "وقال سمير حدوشي إن الاتفاق صامد",
        "وأكد المهندس خالد حدوشي أن المشروع تأخر، وقال حدوشي إن العمل يستأنف",
        "وقال حدوشي إن الاتفاق صامد",
    )
    assert rows.select("article_id", "entity", "mentions").rows() == [
        ("a0", "سمير حدوشي", 1),
        ("a1", "خالد حدوشي", 2),
    ]


def test_a_batch_surname_is_not_a_definite_word_a_prepositional_form_or_the_end_of_another_name() -> None:
    # الأسد alone in another article may be the animal; بمحفوظ is read as a plain word; after أبي,
    # محفوظ ends someone else's name.
    lion = found("ألقى الرئيس بشار الأسد خطابا في دمشق", "الأسد حيوان ضخم من فصيلة السنوريات")
    assert lion.filter(pl.col("article_id") == "a1").is_empty()
    rows = found("التقى الروائي نجيب محفوظ بالوفد", "زار الوفد روضة أبي محفوظ ثم كتب بمحفوظ رسالة")
    assert rows.filter(pl.col("article_id") == "a1").is_empty()


def test_a_word_the_training_text_uses_outside_names_is_no_batch_surname() -> None:
    # مجلس is mostly a council in the training text: a misread سمير مجلس does not spread to another article.
    assert "مجلس" in name_words()["other"]
    rows = found("وقال سمير مجلس إن الاتفاق صامد", "وعقد مجلس القرية جلسته أمس")
    assert rows.filter(pl.col("article_id") == "a1").is_empty()


def test_a_family_name_or_a_name_opening_another_is_not_a_surname() -> None:
    # مكتوم is a family (آل مكتوم), and مكتوم بن راشد is another man: neither is the first person again.
    rows = found("قال الشيخ محمد بن راشد آل مكتوم إن دبي، واستقبل مكتوم بن راشد الضيوف")
    assert rows.filter(pl.col("entity_type") == "PER").select("entity", "mentions").rows() == [
        ("محمد بن راشد آل مكتوم", 1)
    ]


def test_a_two_word_surname_is_read_whole() -> None:
    # نصر الله, not الله: a surname ending in الله or الدين keeps the word before it.
    rows = found("ألقى حسن نصر الله خطابا، وقال نصر الله إن المقاومة باقية").select("entity", "mentions").rows()
    assert rows == [("حسن نصر الله", 2)]


def test_a_word_the_batch_writes_mostly_apart_from_the_full_name_is_no_batch_surname() -> None:
    # أكرم ساعة is misread once; ساعة ("an hour") is then written 24 times elsewhere in the batch: a word.
    misread = "وقال أكرم ساعة إن الاجتماع انتهى"
    hours = ["وصل الوفد بعد ساعة من الموعد وبقي ساعة أخرى"] * 12
    assert found(misread, *hours).select("article_id", "entity", "mentions").rows() == [("a0", "أكرم ساعة", 1)]
    # The same surname written about as often within the full name as apart from it is that person.
    named = "وقال الروائي نجيب محفوظ إن الرواية تكتمل، وأضاف نجيب محفوظ أن"
    assert found(named, "وكتب محفوظ روايته").filter(pl.col("article_id") == "a1")["entity"].to_list() == ["نجيب محفوظ"]


def test_a_plain_word_of_real_news_is_no_batch_surname() -> None:
    # سبيل ("way") is written with ال in real news (السبيل): a word, though خالد سبيل was read as a name.
    rows = found("وقال خالد سبيل إن الاجتماع انتهى", *["عمل الفريق في سبيل النجاح"] * 5)
    assert rows.select("article_id", "entity").rows() == [("a0", "خالد سبيل")]


def test_a_surname_followed_by_bin_opens_someone_elses_name() -> None:
    # قطيشات بن سالم is another man, in the article that named سامر قطيشات and in another one of the batch.
    named = "قال الرئيس سامر قطيشات إن الوفد وصل. وأضاف قطيشات أن اللقاء انتهى، ثم حضر قطيشات بن سالم الجلسة."
    other = "ثم حضر قطيشات بن سالم الجلسة، ووصل قطيشات وابن سالم."
    rows = found(named, other).select("article_id", "entity", "mentions").rows()
    assert rows == [("a0", "سامر قطيشات", 2), ("a1", "سامر قطيشات", 1)]


def test_allah_alone_is_nobodys_surname() -> None:
    # A name read as two words ending in الله (here after a title) leaves الله, "God", as its last word: the
    # word alone (or لله, ل + الله) is never that person again.
    rows = found("وقال السفير نصر الله إن الله يحفظ البلاد، والحمد لله").filter(pl.col("entity_type") == "PER")
    assert rows.select("entity", "mentions").rows() == [("نصر الله", 1)]


def test_a_bare_given_name_after_the_full_name_is_that_person() -> None:
    rows = found("التقى المهندس خالد حدوشي بالوفد، وقال خالد إن المشروع تأخر")
    assert rows.select("entity", "mentions").rows() == [("خالد حدوشي", 2)]


def test_a_bare_given_name_is_not_linked_before_the_full_name_or_when_two_people_share_it() -> None:
    before = found("قال خالد إن المشروع تأخر، ثم التقى المهندس خالد حدوشي بالوفد")
    assert before.select("entity", "mentions").rows() == [("خالد حدوشي", 1)]
    shared = found("التقى المهندس خالد حدوشي بالوفد ثم المهندس خالد سلامة، وقال خالد إن المشروع تأخر")
    assert shared.select("entity", "mentions").rows() == [("خالد حدوشي", 1), ("خالد سلامة", 1)]


def test_a_bare_given_name_before_an_initial_is_someone_else() -> None:
    # محمد ب. is how news names a suspect: not the محمد named in full before.
    rows = found("التقى المهندس محمد حدوشي بالوفد، ثم أوقفت الشرطة محمد ب. في المطار")
    assert rows.select("entity", "mentions").rows() == [("محمد حدوشي", 1)]
    bare = found("التقى المهندس محمد حدوشي بالوفد، ثم أوقفت الشرطة محمد في المطار")
    assert bare.select("entity", "mentions").rows() == [("محمد حدوشي", 2)]


def test_a_bare_given_name_before_a_family_name_or_an_idioms_noun_is_not_the_person() -> None:
    # جائزة محمد الزفزاف is named after another محمد; حسن الجوار is "good neighbourliness".
    prize = found("فاز الروائي محمد حدوشي بجائزة محمد الزفزاف للرواية")
    assert prize.select("entity", "mentions").rows() == [("محمد حدوشي", 1)]
    idiom = found("استقبل المهندس حسن حدوشي الوفد وأكد حسن الجوار بين البلدين")
    assert idiom.select("entity", "mentions").rows() == [("حسن حدوشي", 1)]


def test_a_word_that_is_one_persons_surname_and_anothers_given_name_is_the_surname() -> None:
    rows = found("وقال المهندس محمد صالح إن المشروع تأخر، وأكد الدكتور صالح عون أنه سيكتمل، وأضاف صالح أن العمل يستأنف")
    assert rows.select("entity", "mentions").rows() == [("محمد صالح", 2), ("صالح عون", 1)]


def test_no_bare_given_name_for_a_name_whose_last_word_the_batch_writes_mostly_apart() -> None:
    # صالح تعهد is "Saleh pledged", misread as a name: the batch writes تعهد on its own 25 times, so the bare
    # صالح is not that name's (alone in its batch, the misreading is taken at its word).
    alone = found("وقال صالح تعهد بالعمل، وأكد صالح أن الاتفاق صامد")
    assert alone.select("entity", "mentions").rows() == [("صالح تعهد", 2)]
    batch = found("وقال صالح تعهد بالعمل، وأكد صالح أن الاتفاق صامد", *["تعهد الوزير بالعمل"] * 25)
    assert batch.filter(pl.col("article_id") == "a0").select("entity", "mentions").rows() == [("صالح تعهد", 1)]
