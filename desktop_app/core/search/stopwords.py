"""Arabic and English stopwords, in the normalized form the analyzer compares against."""

from __future__ import annotations

from desktop_app.core.text.normalize import normalize

# Arabic stopword list by Jacques Savoy (University of Neuchatel), distributed under the BSD
# licence (http://members.unine.ch/jacques.savoy/clef/), as shipped with Apache Lucene.
# Kept verbatim (unnormalized, so it holds both hamza and bare alef spellings); it is
# normalized below with the same normalizer as the indexed text.
SAVOY_ARABIC = """
من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا إلا
لكن ما وما كما فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان فأن وان
وأن وإن التى التي الذى الذي الذين الى الي إلى إلي على عليها عليه اما أما إما ايضا أيضا
كل وكل لم ولم لن ولن هى هي هو وهى وهي وهو فهى فهي فهو انت أنت لك لها له هذه هذا تلك ذلك
هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو بين بينما منذ ضمن حيث الان الآن خلال
بعد قبل حتى عند عندما لدى جميع
""".split()

# Frequent function words Savoy's list lacks: prepositions with a pronoun, و + relative.
SUPPLEMENT_ARABIC = """
إليه إليها إليهم لديه لديها لديهم عليهم منهم عنهم فيهم بهم لهم معه معها معهم عنده عندها
عندهم ولكن والتي والذي والذين وقد وذلك فيما مما بما إذ كذلك ليس
""".split()

# Clitics left alone when a token is split between Arabic and Latin letters ("الـCNN").
CLITIC_FRAGMENTS = "ال وال فال بال كال لل ولل فلل وب ول وك فب فل ك ل".split()

ARABIC_STOPWORDS: frozenset[str] = frozenset(
    normalize(w) for w in SAVOY_ARABIC + SUPPLEMENT_ARABIC + CLITIC_FRAGMENTS
)

# Lucene's classic English list (Whoosh's own list also drops "us", "may" and "can").
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their"
    " then there these they this to was will with".split()
)

STOPWORDS: frozenset[str] = ARABIC_STOPWORDS | ENGLISH_STOPWORDS


def is_stopword(term: str) -> bool:
    """True when a normalized word is an Arabic or English stopword."""
    return term in STOPWORDS
