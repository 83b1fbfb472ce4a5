"""Names and loanwords the light stemmer must keep whole (a guard list, added to the lexicon).

The corpus-built lexicon (_lexicon.py) keeps the first letter of names it has evidence for
(بغداد, فرنسا, لبنان). Names that are rare or newer than the corpus are not in it, and light
stemming splits their families: the bare بايدن loses its ب ("ايدن") while ببايدن, لبايدن and
البايدن keep it, so a search for one form misses the others; names that end in ين/ان/ون lose the
ending and fall in with other words (مدنين -> مدن, the term of المدني).

Each entry is written as it is normalized (ة as ه, alef forms as ا, no harakat). A word here
keeps its first letter when it is one of و ف ب ل, and keeps an ين/ان/ون ending. Add a name when
a search for it in the window misses forms of it; tests/core/test_stemmer.py holds the families.
ك needs no entry: a bare one-letter ك is never stripped (see stemmer.PREPOSITIONS).
Not here: بحرين. The country البحرين and the dual of بحر ("two seas") are one spelling; keeping
the ending cost recall on the بحر family in bench/recall.py, so both stay on the term بحر.
"""

from __future__ import annotations

# People, places, organisations, brands: news names from the last years and older ones the
# corpus sample does not attest often enough.
_NAMES = """
بايدن بوتين بلير بلينكن بينيت بيلوسي بلاتر بنكيران بولس بولسونارو بوغدانوف بريماكوف
بريغوجين بوريل بومبيو بوتفليقه بنزيما بيونسيه بورش بوينغ بلومبرغ
بكين بنغلاديش بوروندي بيلاروسيا بوليفيا بيونغ باخموت بوتشا بيلغورود بنغازي
فايزر فورد فولكس فودافون فرنجيه فياض فيجي فيراري فولوديمير
لوبان لوكسمبورغ ليتوانيا لاهاي لوكاشينكو لولا لاريجاني لبيد لينين لاغارد لوهانسك
لامبورغيني لينكدان
وارسو ووهان والتر وهران ويكيبيديا ويسترن وارنر
مدنين جنين ياسين ستالين ايران كرملين خيرسون ماكرون
"""

NAMES: frozenset[str] = frozenset(_NAMES.split())
