"""Round 9 of the tester's reading of real corpus output: punctuation and
spacing rules that changed what a line says (AR108 nested and stray
straight quotes, AR106 dotted transliterated abbreviations, AR109 OCR
fragments, AR101/AR104/AR105 punctuation glued to a URL or e-mail)."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner


def _fix(text: str, fmt: str = "plain") -> str:
    return Cleaner(format=fmt).fix(text).text


def _only(code: str, text: str) -> str:
    return Cleaner(select=[code]).fix(text).text


# -- AR108: a straight quote glued to a word shows the pairing is off --------

#: Real lines (excerpts holding every quote of the quotation): nested
#: quotations and a stray quote, whose pairs AR108 glued to the words
#: outside them (هجوم "الجنرز" سيساعد → هجوم"الجنرز"سيساعد).
_QUOTES_OFF = [
    # news/saudinewsnet_2015-08-10.txt:3304
    (
        'وقال هنري "إن وجود بنزيما مع جيرو الجيد نوعاً ما في هجوم "الجنرز" '
        "سيساعد الفريق هجوميا بشكل أكبر وسيحسن من استغلال الفرص الكثيرة التي "
        "يصنعها باقي الفريق للتسجيل وأعتقد أنها كانت من مشاكل آرسنال الكبيرة "
        'في السنوات الماضية"'
    ),
    # news/saudinewsnet_2015-08-10.txt:11994
    (
        'وقال : "نحرص على مشاركة سمو الأمير سلطان بن سلمان في الأعمال المتعلقة '
        'ببرنامج "ناسا" المستقبلي عن المريخ، حيث سيكون برنامجاً عالمياً واسع '
        "تشارك فيه الكثير من الدول، وأنا واثق أن الأمير سلطان بن سلمان يريد أن "
        'يكون جزء من ذلك ليسهم في هذه المهمة كما فعل في الماضي"'
    ),
    # news/saudinewsnet_2015-08-10.txt:2615
    (
        'يقول ماليكي "لا شيء يتغلّب على الذهاب إلى المعرض، أو السوق الخيرية، '
        'أو الاجتماع شخصياً. لكن إذا كنت لا أستطيع القيام بذلك، فإن "إنستجرام" '
        'و"فيسبوك" بالتأكيد يُساعدان على عدم تفويت المناسبة"'
    ),
    # news/saudinewsnet_2015-08-10.txt:6919
    (
        'من جانبها تقول مشاركة أخرى: "استفدنا من المهرجان "البيع والدعاية" حيث '
        "قمنا بتسويق وبيع منتجاتنا بشكل كبير جداً والأمر الثاني التعريف بما "
        "نقدمه حتى أصبح لدينا زبائن معروفون لديهم ويحرصون على اقتناء مانصنعه "
        "ونقدمه، نسبة مبيعاتها تصل إلى مبلغ كبير في المهرجان مقارنة بالأيام "
        'العادية نظير الحضور الكثيف والإقبال الهائل"'
    ),
    # news/saudinewsnet_2015-08-10.txt:7177
    (
        'إذ قال: "نحن إذن من هذا العمل أمام ظاهرة لافتة ففي غمرة كتابات "نقاد '
        'الصدفة" يقدم لنا على زعلة بوثوقية وتواضع جمّين قراءة في أعمال عبدالله '
        "الجفري الروائية متسائلاً عن القوانين السارية في نسخ تلك النصوص؛ مما "
        "جعلها عاكسه لتصور جمالي مخصوص قد لا يكون الجفري هو الذي ابتدعه ولكنه "
        'التزم به واتخذه مسلكاً نوّع عليه كتاباته الروائية"'
    ),
    # news/saudinewsnet_2015-08-10.txt:11614
    (
        'وتابع: "تسمية هذه الشهب بالبرشاويات راجع إلى أن منبعها يظهر من '
        'المجموعة النجمية (برشاوس) التي أطلق عليها العرب قديمًا "حامل رأس '
        'الغول" جهة الشمال، وعادة ما تنشط هذه الشهب ما بين 23 يوليو و29 أغسطس '
        'من كل عام"'
    ),
    # news/saudinewsnet_2015-08-09.txt:3398
    (
        'وأفادت مصادر محلية فلسطينية " ان عائلة الشهيد "سعد دوابشة" أُبلغت '
        'بوفاة "سعد" الذي كان يرقد في مستشفى "سوروكا الاسرائيلي"، بعد تدهور '
        "حالته الصحية نتيجة حروقه التي وصلت إلى 80%.. وقالت مصادر اسرائيلية: "
        '"ان- سعد دوابشة -استشهد في مستشفى "سوروكا " في'
    ),
    # plain/arcd_wikipedia_paragraphs.txt:386
    (
        'بقوله: "ويروى عنتر-أي بالضم- فمن رواه بفتح الراء فإنه رخّم عنترة وترك '
        "ما قبل المحذوف على حاله مفتوحاً، ومن روى عنتر وضمّ الراء احتمل "
        "الوجهين: أحدهما أن يكون قد جعل مابقي اسماً على حاله إلّا أنه قد صار "
        "طرفاً كحرف الأعراب، والثاني مارواه المبرّد عن بعضهم أنه كان يسمى "
        '"عنتراً"، فعلى هذا الوجه لا يجوز إلا الضمّ، هكذا ذكره النحاس، ويجوز '
        'أن يكون عنتر على هذا الوجه منصوباً بـ"يدعون" "'
    ),
]


@pytest.mark.parametrize("text", ['قال "إن فريق "الهلال" فاز" ثم مضى', *_QUOTES_OFF])
def test_nested_or_stray_straight_quotes_are_left_alone(text):
    assert _only("AR108", text) == text
    assert _fix(text).count('"') == text.count('"')
    for glued in ('هجوم"الجنرز', 'الجنرز"سيساعد', 'يسمى"عنتراً', 'الشهيد"سعد', 'فإن"إنستجرام'):
        assert glued not in _fix(text)


def test_pairs_before_the_first_wrong_one_still_change():
    assert _only("AR108", 'قال " نعم " و"لا" ثم "إن "الهلال" فاز"') == (
        'قال "نعم" و"لا" ثم "إن "الهلال" فاز"'
    )


def test_a_quote_after_a_one_letter_proclitic_opens():
    assert _only("AR108", 'قال و" نعم " ثم') == 'قال و"نعم" ثم'
    assert _only("AR108", 'قال بـ" نعم " ثم') == 'قال بـ"نعم" ثم'


def test_nothing_after_a_pair_glued_to_a_word():
    text = 'قال " نعم "ثم " لا " هنا'
    assert _only("AR108", text) == text


def test_a_mark_alone_in_brackets_keeps_both_spaces_or_neither():
    assert _fix("كلمة ( ؟ ) هنا") == "كلمة ( ؟ ) هنا"
    # A guillemet set backwards (closing) before the comma: the comma attaches.
    assert _fix("على انطلاقته « ، مشيراً") == "على انطلاقته «، مشيراً"
    assert _fix("كلمة ( نعم ؟ ) هنا") == "كلمة (نعم؟) هنا"


def test_quote_style_trusts_the_same_pairs():
    text = 'قال "إن فريق "الهلال" فاز" ثم مضى'
    assert Cleaner(select=["AR110"]).fix(text).text == text


# -- AR106: dotted transliterated abbreviations -----------------------------

#: Real lines (news/saudinewsnet_2015-08-09.txt:1993, 2015-08-10.txt:3992,
#: 6410, 6412; messy/arsarcasm_tweets.txt:3979): a chain of tokens joined
#: by full stops, whose first token has three letters, got one space.
_DOTTED = [
    "شركة أيه.إم.دي للمعالجات",
    "عالية الوضوح» إتش.دي.إم.آي 4ر1» أو منفذ",
    "شحن الهواتف الذكية التي تدعم تكنولوجيا كيو.آي للشحن اللاسلكي",
    "من إنتاج شركة أيه.إم.دي والتي تقول الشركة",
    "بنظام التشغيل أيه.إم.دي.ولم تكشف الشركة",
    "والحرية.💚ذكرئ.المولد.النبوي.الشريف.",
    "شركة إتش.تي.سي",
    "بي.بي.سي",
    "إف.بي.آي",
]


@pytest.mark.parametrize("text", _DOTTED)
def test_a_dotted_chain_or_a_short_side_keeps_its_dots(text):
    assert _only("AR106", text) == text
    assert _fix(text).count(". ") == text.count(". ")


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("انتهى الاجتماع.وبعدها غادر", "انتهى الاجتماع. وبعدها غادر"),
        ("الكتاب.الأول", "الكتاب. الأول"),
        # news/saudinewsnet_2015-08-10.txt:5236: a sentence boundary
        ("لنسعد قلوبنا.من هنا", "لنسعد قلوبنا. من هنا"),
        ("مرة أخرى.في سياق متصل", "مرة أخرى. في سياق متصل"),
    ],
)
def test_a_sentence_boundary_still_gets_the_space(text, fixed):
    assert _only("AR106", text) == fixed


# -- AR109: و after an OCR fragment of one letter ---------------------------

#: Real lines (messy/arafix_ocr_raw_all.txt:14391, 14581, 4309): OCR split
#: هو, أو and لو; joining و to the next word made another word (ومن).
_OCR_WAW = [
    " أما اذا كان فولا أو عدسا أو ما ه  و من هذا القبيل » فقد  ",
    " أول ما تعلمته - أ  و من اول ذاك أن من الممكن أن يحب  ",
    " وجود . ل و  الا: ا العنار يت فيه ولولا الاوان والصلاة",
]


@pytest.mark.parametrize("text", _OCR_WAW)
def test_waw_after_a_one_letter_token_is_not_joined(text):
    assert _only("AR109", text) == text
    fixed = _fix(text)
    assert " و " in fixed and "ومن" not in fixed and "والا" not in fixed


@pytest.mark.parametrize("text", ["ما ه و من هذا", "كلمة  و  أخرى", "الحرف ب و الحرف ت"])
def test_no_join_after_one_letter_or_between_wide_gaps(text):
    assert _only("AR109", text) == text


def test_waw_after_a_word_or_after_waw_is_still_joined():
    assert _only("AR109", "ما هو و من معه") == "ما هو ومن معه"
    assert _only("AR109", "السلام و  الحرب") == "السلام والحرب"


# -- AR101, AR104, AR105, AR108: the space after a URL or e-mail stays ------


@pytest.mark.parametrize(
    "text",
    [
        "زوروا https://t.co/abc ، ثم",
        "هل زرت https://t.co/abc ؟",
        "راسلنا info@example.com ، ثم",
        "انظر https://ar.wikipedia.org/wiki/مصر ؛ ثم",
        "هل زرت https://ar.wikipedia.org/wiki/مصر ?",
        "انظر https://ar.wikipedia.org/wiki/مصر .",
        "راسلنا info@example.com : ثم",
        "( انظر https://x.com/a ) هنا",
        '" انظر https://x.com/a " هنا',
    ],
)
def test_punctuation_is_not_glued_to_a_link(text):
    assert _fix(text) == text


def test_markdown_autolinks_keep_their_space():
    text = "رابط https://example.net/q ، ثم\n"
    assert _fix(text, "markdown") == text
    # A link whose end is marked keeps nothing apart: the mark attaches.
    assert _fix("[رابط](https://example.net/q) ، ثم\n", "markdown") == (
        "[رابط](https://example.net/q)، ثم\n"
    )


def test_the_same_rules_still_act_away_from_links():
    assert _fix("زوروا الموقع ، ثم") == "زوروا الموقع، ثم"
    assert _fix("زوروا https://t.co/abc ثم قال ، نعم") == "زوروا https://t.co/abc ثم قال، نعم"
    assert _fix("زوروا https://t.co/abc   ") == "زوروا https://t.co/abc"


def test_the_guard_keeps_a_link_apart_but_lets_its_gap_shrink():
    from arclean.guard import Guard
    from arclean.text.edits import Replacement
    from arclean.text.masks import protected_ranges

    text = "انظر https://t.co/a  ، و info@example.com ؛\nhttps://x.io  \n"
    guard = Guard(text, protected_ranges(text))
    url_end = text.index("  ،")
    mail_end = text.index(" ؛")
    line_end = text.index("  \n")
    assert guard.link_gaps() == {url_end: url_end + 2, mail_end: mail_end + 1}
    glue = Replacement(url_end, url_end + 2, "", "AR101")
    shrink = Replacement(url_end, url_end + 2, " ", "AR502")
    mark = Replacement(mail_end, mail_end + 2, "؛", "AR104")
    trailing = Replacement(line_end, line_end + 2, "", "AR501")
    inside = Replacement(url_end + 1, url_end + 2, "", "AR101")
    assert guard.keeps_apart([glue, shrink, mark, trailing, inside]) == [
        shrink,
        trailing,
        inside,
    ]


def test_brackets_around_inline_code_still_lose_their_spaces():
    assert _fix("( انظر `x` ) هنا\n", "markdown") == "(انظر `x`) هنا\n"


def test_links_are_the_maskers_and_a_quotation_is_no_link():
    # An e-mail address with an Arabic domain is a link (the masker's); a
    # vowelled verse between braces is a quotation: the comma attaches.
    assert _fix("راسلنا info@الصحة.مصر ، ثم") == "راسلنا info@الصحة.مصر ، ثم"
    assert _fix("قال تعالى {إِنَّا أَنْزَلْنَاهُ فِي لَيْلَةِ الْقَدْرِ} ، ثم") == (
        "قال تعالى {إِنَّا أَنْزَلْنَاهُ فِي لَيْلَةِ الْقَدْرِ}، ثم"
    )
