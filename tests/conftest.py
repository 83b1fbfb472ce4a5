"""Shared fixtures: libraries in tmp_path with team-written Arabic, English and mixed texts."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis: on CI the same examples every run (a red build is reproducible, and prints the
# blob to replay a failure); on a laptop fresh random examples. No deadline on either: the
# machines are slow and shared. HYPOTHESIS_PROFILE picks one by name. Both start from the
# library defaults, not from whatever profile Hypothesis chose itself on seeing CI; "ci" keeps
# the two other settings of Hypothesis's own CI profile, which it replaces.
settings.register_profile(
    "ci",
    parent=settings.get_profile("default"),
    derandomize=True,
    deadline=None,
    print_blob=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", parent=settings.get_profile("default"), deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def _loopback_only(event: str, args: tuple[object, ...]) -> None:
    """No test reaches an address outside the loopback range: connecting to one, or looking up
    a name other than localhost, fails in the test that tries it (sockets of this process)."""
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and address and isinstance(address[0], str):
            host = address[0]
            if not (host.startswith("127.") or host in ("::1", "localhost")):
                raise OSError(f"tests use the loopback only, not {host}")
    elif event == "socket.getaddrinfo":
        host = args[0]
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if isinstance(host, str) and not (
            host.startswith("127.") or host in ("::1", "localhost", "")
        ):
            raise OSError(f"tests use the loopback only, not {host}")


sys.addaudithook(_loopback_only)

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402
from tests.webserver import web  # noqa: E402, F401 - the loopback web server fixture

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-20k.jsonl.gz"

ARABIC_PARAGRAPHS = [
    "قال الوَزِيرُ إن الاتفاق الجديد يخدم مصالح البلدين، وأضاف أن المفاوضات ستستمر.",
    "وأكد وزير الخارجية أن تحالف OPEC+ لم يحسم قراره بعد 📌 بشأن حصص الإنتاج.",
    "وفي فلسطين، التقى الوزراء بممثلي حلف شمال الأطلسي (NATO) في اجتماع مغلق.",
]
ENGLISH_PARAGRAPHS = [
    "The minister said the new agreement serves both countries.",
    "Analysts expect OPEC+ to extend the cuts until December.",
]
MIXED_PARAGRAPHS = [
    "Reuters reported that «الاتفاق النهائي» was signed in Vienna.",
    "وقال المتحدث: We remain committed to the deal.",
    "أحمد وَأَحْمَد واحمد أسماء لشخص واحد 😀 في هذا النص.",
]


def make_doc(paragraphs: list[str], title: str, **meta: str) -> ImportedDocument:
    """An ImportedDocument from paragraph texts."""
    return ImportedDocument(
        paragraphs=build_paragraphs(paragraphs), title=title, format="txt", **meta
    )


@pytest.fixture(autouse=True)
def _config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user config folder (the remembered library) is never the real one in tests."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("HAMISH_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library in tmp_path."""
    lib = Library(tmp_path / "lib")
    yield lib
    lib.close()


@pytest.fixture
def filled_library(library: Library) -> Library:
    """A library with an Arabic (id 1), an English (id 2) and a mixed (id 3) article."""
    library.add_document(
        make_doc(
            ARABIC_PARAGRAPHS,
            "اجتماع الوزراء",
            source="رويترز",
            published="2022-03-15",
            language="ar",
        )
    )
    library.add_document(
        make_doc(
            ENGLISH_PARAGRAPHS,
            "Ministers meet",
            source="Reuters",
            published="2021-11-02",
            language="en",
        )
    )
    library.add_document(
        make_doc(
            MIXED_PARAGRAPHS,
            "نص مختلط Mixed text",
            source="BBC",
            published="2022-06-30",
            language="ar",
        )
    )
    return library


def consistent(lib: Library) -> None:
    """The database is sound and no article is there without its text."""
    assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphan = lib.conn.execute(
        "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)"
    ).fetchone()[0]
    assert orphan == 0
