"""Issue 9, sixth round: the new recall rules (final ى/ي and ة/ه into a
gazetteer name the text spells so; a doubled letter into a name the text
spells so) and the words they must leave alone."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites


def test_final_ya_into_the_texts_spelling_of_a_gazetteer_name():
    text = (
        "قارن الكاتب بين قيادات الجماعة أمثال عاصم عبدالغني وصفوت عبدالغني، "
        "وقال إن عبدالغنى كان مرشحا، وإن عبدالغني لم يكن."
    )
    assert _rewrites(text) == [("عبدالغنى", "عبدالغني")]


def test_final_ha_that_is_a_pronoun_is_left_alone():
    # فجأه الموت: death surprised him (فجأ + ه), not فجأة (suddenly)
    text = "ثم فجأه الموت. وجاء فجأة المطر، وسكت فجأة الرجل، ثم عاد فجأة."
    assert _rewrites(text) == []


def test_final_ha_of_a_common_noun_is_not_a_name():
    # المرأة is no name: the alef rules' business, not the names step's
    text = "وعي المرأه بالاستثمار. وقالت المرأة إن المرأة تعمل، وإن المرأة تقود."
    assert _rewrites(text) == []


def test_future_verb_final_ya_is_left_alone():
    # ستؤدي is a Wikidata token once, but س + تؤدي is a verb
    text = "ستؤدى القناة إلى فرص عمل. وقال إنها ستؤدي إلى النمو، وستؤدي إلى الخير، ستؤدي."
    assert _rewrites(text) == []


def test_doubled_letter_into_the_texts_spelling_of_a_name():
    text = "دخل العرب الأندلس. وحكموا الأندلس قرونا، وبقيت الأندلس عربية. ثم خرجوا من الأندللس."
    assert _rewrites(text) == [("الأندللس", "الأندلس")]


def test_doubled_letter_of_a_real_word_is_left_alone():
    # أممية (international) is a word of its own beside أمية
    text = "حكم بنو أمية. وقامت دولة بني أمية، ثم سقطت أمية. وهي منظمة أممية."
    assert ("أممية", "أمية") not in _rewrites(text)


def test_one_consonant_apart_is_never_rewritten_on_strings_and_counts():
    # tried in the sixth round (a long unknown variant into a gazetteer
    # name the text spells three times) and removed: on the news days it
    # made الكوبي (Cuban) الكعبي, الضروي (a slip for الضروري) الرؤى,
    # الخنيني الخميني and جوزفالدو (Jesualdo) أوزفالدو
    text = (
        "سجل الكعبي هدفا. وقال الكعبي إن الفريق جاهز، وأضاف الكعبي أن المباراة صعبة. "
        "ويريد ترامب أن تهيمن علامته على المشهد الكوبي."
    )
    assert _rewrites(text) == []
    text = (
        "قاد أوزفالدو الفريق. وقال أوزفالدو إنه راض، وأكد أوزفالدو ذلك. "
        "وضمت قائمة البرتغالي جوزفالدو فيريرا كلا من اللاعبين."
    )
    assert _rewrites(text) == []


def test_g_sound_swap_between_unknown_words_needs_a_shared_name():
    # tried in the sixth round (a ج/غ/ك/ق swap between two words no
    # reference list knows, the canonical spelled three times) and removed:
    # on the news days it made تغريم (fining) تجريم (criminalising),
    # والتهكير (hacking) والتهجير (displacement), تسويغه تسويقه
    text = (
        "طالب بتجريم الفعل. وأيد النواب تجريم الظاهرة، ورفضوا تجريم غيرها، ودعوا إلى تجريم. "
        "وأعلنت الهيئة تغريم ست شركات."
    )
    assert _rewrites(text) == []


def test_long_vowel_dropped_into_a_gazetteer_token_the_text_spells():
    text = (
        "قال المسؤول إن برلين تواجه أزمة كبيرة. وأكد التقرير أن برلين شهدت تطورات. "
        "وزار الوفد برلين الأسبوع الماضي. ويرى المراقبون أن الوضع في بيرلين سيتحسن."
    )
    assert _rewrites(text) == [("بيرلين", "برلين")]


def test_final_letter_written_twice_is_no_inflection_of_a_name():
    text = "زار الوفد الصين. وقالت الصين إن العلاقات جيدة، وأكدت الصين ذلك. وتصدر الصينن السلع."
    assert _rewrites(text) == [("الصينن", "الصين")]


def test_a_real_inflection_with_a_doubled_letter_is_left_alone():
    # يسكنن (they, feminine, dwell) is a verb form of يسكن
    text = "يسكن الرجل هنا. ويسكن أخوه هناك، ويسكن أبوه بعيدا. والنساء يسكنن القرية."
    assert _rewrites(text) == []


def test_doubled_letter_at_a_word_boundary_is_a_suffix_or_prefix():
    # tried in the sixth round (a doubled consonant between two words no
    # reference list knows) and removed: on the news days it made نواجهه
    # (we face it) نواجه, تتقاسم تقاسم, تضامننا (our solidarity) تضامنا
    text = "إننا نواجه أزمة. ونحن نواجه التحدي، وسوف نواجه الصعاب. وهذا ما نواجهه في التعليم."
    assert _rewrites(text) == []
    text = "أعلنت تضامنا مع الشعب. وأكدت تضامنا كاملا، وعبرت عن تضامنا. وقال: تضامننا كامل."
    assert _rewrites(text) == []


def test_doubled_letter_needs_no_shared_context():
    # فاببيو beside كانافارو, the text's فابيو beside other names: two
    # people perhaps, but one first name, and a doubled letter is no name
    text = (
        "سجل فابيو روسي هدفا. وقال فابيو روسي إن الفوز مهم، وأكد فابيو روسي ذلك. "
        "ولعب فاببيو كانافارو المباراة."
    )
    assert _rewrites(text) == [("فاببيو", "فابيو")]


def test_doubled_letter_into_a_name_seen_twice():
    # a doubled letter is never another name: the thin count (2 against 1)
    # that keeps ميليس/ميلس apart does not hold it back
    text = "هبطت أبولو على القمر. وكانت أبولو رحلة ناجحة. ثم عادت مركبة أبوللو إلى الأرض."
    assert _rewrites(text) == [("أبوللو", "أبولو")]


def test_a_verb_prefix_doubling_the_first_letter_is_grammar():
    # تتفاقم (it worsens) = ت + تفاقم: not a slip for تفاقم (worsening)
    text = "زاد تفاقم الأزمة. ومع تفاقم الأوضاع تدخلت الدولة. والمشكلة تتفاقم كل يوم."
    assert _rewrites(text) == []
