"""A hostile corpus, generated in tmp_path (issue 14): odd file names, damaged and oversized
inputs, passing failures, bad settings and paths, signals and kills. Each case asserts the exit
code, the Spanish reason, and that the good file of the same batch still gets its outcome."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from PIL import Image

from buzon_pipeline.cli import main
from buzon_pipeline.core.names import display_name
from buzon_pipeline.core.run import RUN_PREFIX
from buzon_pipeline.errors import ExitCode
from buzon_pipeline.reading import ocr
from buzon_pipeline.registry.results import stored_results
from buzon_pipeline.registry.store import Registry
from tests.conftest import skip_unless_ci

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = SAMPLES / "escrito_libre_tecleado.png"  # a typed letter: folio (its verdad.json)
GOOD_OUTCOME = json.loads((SAMPLES / (GOOD.name + ".verdad.json")).read_text())["documents"][0][
    "outcome"
]
PAGES = [GOOD, SAMPLES / "hoja_en_blanco.png"]


def two_page_pdf(path: Path) -> Path:
    """A typed letter and a blank page."""
    images = [Image.open(p).convert("L") for p in PAGES]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300.0)
    return path


TESSERACT = shutil.which("tesseract") or "tesseract"


def buzon(tmp: Path, *args: str, env: dict | None = None, timeout: int = 300):
    """The real command in a child process (exit codes, signals, stderr as the TAOD sees it)."""
    full_env = {**os.environ, "TMPDIR": str(tmp / "tmp"), **(env or {})}
    (tmp / "tmp").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "buzon_pipeline", *args],
        cwd=tmp,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def procesar_args(*inputs: str, workers: int = 1) -> list[str]:
    return [
        "procesar",
        *inputs,
        "--taod",
        "TAOD de prueba",
        "--unidad",
        "UMF 20",
        "--trabajadores",
        str(workers),
        "--json",
    ]


def rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def white_png(path: Path, size: tuple[int, int] = (850, 1100)) -> Path:
    Image.new("L", size, 255).save(path, dpi=(100, 100))
    return path


# -- the corpus ---------------------------------------------------------------------------------
def bitflipped_g4_tiff(path: Path) -> Path:
    """A group-4 TIFF with flipped bits in its strips: libtiff decodes it partly, warning in
    English on stderr (the program once took it as a good page)."""
    Image.open(GOOD).convert("1").save(path, compression="group4", dpi=(300, 300))
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    for _ in range(20):
        data[rng.randrange(200, len(data) - 200)] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return path


def huge_pdf_page(path: Path) -> Path:
    """One 100 × 100 inch page: 900 Mpx at 300 dpi (once rasterized to 1.9 GB)."""
    pdf = FPDF(unit="pt", format=(7200, 7200))
    pdf.add_page()
    pdf.set_font("helvetica", size=200)
    pdf.text(100, 300, "Grande")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostil")
    folder = tmp / "escaneos"
    folder.mkdir()
    shutil.copy(GOOD, folder / "bueno.png")
    bad_name = os.fsdecode(b"hoja-\xff\xfe.png")  # not UTF-8
    white_png(folder / bad_name, (850, 1100))
    white_png(folder / "dos\nlineas.png", (851, 1100))  # a newline in the name
    bitflipped_g4_tiff(folder / "volteado.tif")
    huge_pdf_page(folder / "enorme.pdf")
    (folder / "vacio.pdf").write_bytes(b"")
    done = buzon(tmp, *procesar_args("escaneos"))
    return tmp, done


def by_name(results: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in results:
        out.setdefault(Path(row["source"]).name, []).append(row)
    return out


def test_every_bad_input_is_an_error_row_and_the_good_file_gets_its_outcome(hostile_batch):
    _, done = hostile_batch
    assert done.returncode == ExitCode.PARTIAL, done.stderr
    found = by_name(rows(done.stdout))
    assert [r["outcome"] for r in found["bueno.png"]] == [GOOD_OUTCOME]
    assert found["hoja-\\xff\\xfe.png"][0]["outcome"] == "descartado"  # a blank page, named
    assert found["dos\\nlineas.png"][0]["outcome"] == "descartado"
    assert found["volteado.tif"][0]["outcome"] == "error"
    assert "La imagen está dañada" in found["volteado.tif"][0]["reasons"][0]
    assert found["enorme.pdf"][0]["outcome"] == "error"
    assert "demasiado grande" in found["enorme.pdf"][0]["reasons"][0]
    assert "vacío" in found["vacio.pdf"][0]["reasons"][0]


def test_console_names_each_failed_file_and_shows_no_english_decoder_warning(hostile_batch):
    _, done = hostile_batch
    assert "Traceback" not in done.stderr and "Fax4Decode" not in done.stderr
    for name in ("volteado.tif", "enorme.pdf", "vacio.pdf"):
        assert any(name in line and "Error:" in line for line in done.stderr.splitlines())
    assert "\\nlineas.png" not in done.stderr or "dos\\nlineas" in done.stderr


def test_odd_names_are_stored_as_printable_utf8(hostile_batch):
    tmp, _ = hostile_batch
    with sqlite3.connect(tmp / "buzon.db") as db:
        paths = [p for (p,) in db.execute("select path from source_files")]
    assert any(p.endswith("hoja-\\xff\\xfe.png") for p in paths)
    assert all("\n" not in p and p.isprintable() for p in paths)
    assert display_name(os.fsdecode(b"a\xff\nb")) == "a\\xff\\nb"


def test_only_unreadable_files_is_exit_3(tmp_path):
    (tmp_path / "vacio.png").write_bytes(b"")
    (tmp_path / "roto.pdf").write_bytes(b"%PDF-1.4 basura")
    done = buzon(tmp_path, *procesar_args("vacio.png", "roto.pdf"))
    assert done.returncode == ExitCode.INPUT, done.stderr
    assert "vacío" in done.stderr and "dañado" in done.stderr


# -- a passing failure is retried, not replayed -------------------------------------------------
def crashing_tesseract(folder: Path) -> Path:
    """Answers --version and --list-langs like Tesseract, then crashes (SIGSEGV) on every
    page."""
    script = folder / "tesseract-que-falla"
    script.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in --list-langs|--version) exec '
        + TESSERACT
        + ' "$@";; esac; done\n'
        "kill -SEGV $$\n"
    )
    script.chmod(0o700)
    return script


def test_a_tesseract_crash_is_retried_and_no_document_is_lost(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.chdir(tmp_path)
    shutil.copy(GOOD, tmp_path / "bueno.png")
    args = procesar_args("bueno.png")
    # The command is what crashes: the in-process engine is set aside for this run.
    engine = ocr._engine
    monkeypatch.setattr(ocr, "_engine", lambda lang: None)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(crashing_tesseract(tmp_path)))
    first = CliRunner().invoke(main, args)
    assert first.exit_code == ExitCode.PARTIAL, first.output
    (row,) = rows(first.stdout)
    assert row["outcome"] == "error" and "Falla pasajera" in row["reasons"][0]
    log = tmp_path / "reportes" / "errores.log"
    assert "OcrEngineError" in log.read_text() and "Traceback" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    registry = Registry("sqlite:///buzon.db")
    assert registry.source(_sha(tmp_path / "bueno.png")).complete is False

    # The engine is back: `--reintentar` alone reads the file again from the archive.
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", TESSERACT)
    monkeypatch.setattr(ocr, "_engine", engine)
    second = CliRunner().invoke(main, args[:1] + args[2:] + ["--reintentar"])
    assert second.exit_code == ExitCode.OK, second.output
    (row,) = rows(second.stdout)
    assert row["outcome"] == GOOD_OUTCOME and row["document_id"] is not None

    # Given again, it is replayed: not counted as a new document nor a new folio.
    third = CliRunner().invoke(main, [*args[:-1]])
    assert third.exit_code == ExitCode.OK, third.output
    assert "Documentos: 0" in third.output and "Folios emitidos: 0" in third.output
    assert "Ya registrados antes (mismo archivo; no son nuevos): 1" in third.output


def test_memory_and_io_errors_are_passing_a_bug_is_not():
    from buzon_pipeline.core.model import Page
    from buzon_pipeline.pipeline import _safe_analyze

    class Failing:
        def __init__(self, exc: BaseException) -> None:
            self.exc = exc

        def analyze(self, page):
            raise self.exc

    page = Page("x.png", "0" * 64, 1, None, 300)  # type: ignore[arg-type]
    for exc, passing in (
        (MemoryError(), True),
        (OSError(28, "No space"), True),
        (KeyError(), False),
    ):
        analysis = _safe_analyze(Failing(exc), page)  # type: ignore[arg-type]
        assert analysis.error and analysis.retry is passing
        assert type(exc).__name__ in analysis.detail


def _sha(path: Path) -> str:
    from buzon_pipeline.reading.ingest import sha256_of

    return sha256_of(str(path))


# -- checks before work -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "toml, words",
    [
        (b"dpi = 0\n", "fuera de rango"),
        (b"dpi = 100000\n", "fuera de rango"),
        (b"dpi = [1, 2]\n", "un solo n"),
        (b"max_pdf_pages = 0\n", "fuera de rango"),
        (b"min_field_confidence = 1.5\n", "fuera de rango"),
        (b'db_url = "sqlite:///\xff.db"\n', "UTF-8"),
    ],
)
def test_bad_config_is_exit_2_before_any_page(tmp_path, monkeypatch, toml, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "buzon.toml").write_bytes(toml)
    shutil.copy(GOOD, tmp_path / "bueno.png")
    result = CliRunner().invoke(main, procesar_args("bueno.png")[:-1])
    assert result.exit_code == ExitCode.BAD_ARGS, result.output
    assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "buzon.db").exists()


@pytest.mark.parametrize("option", ["--reportes", "--archivo"])
def test_unusable_output_folder_is_exit_2_before_any_page(tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    shutil.copy(GOOD, tmp_path / "bueno.png")
    (tmp_path / "un_archivo").write_text("no soy carpeta")
    args = [*procesar_args("bueno.png")[:-1], option, "un_archivo/sub"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.BAD_ARGS, result.output
    assert "no es una carpeta" in result.output
    assert not (tmp_path / "buzon.db").exists()  # no batch started, no folio issued


@pytest.fixture
def shared_tmp():
    """A folder another user can traverse (pytest's own tmp root is 0700)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="buzon-prueba-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_unwritable_reports_folder_as_another_user_is_a_usage_error(shared_tmp):
    """Permissions bind only a non-root user: a forked child becomes nobody and starts a
    batch whose reports folder it cannot write; it must stop before the registry is opened."""
    if os.getuid() != 0:
        skip_unless_ci("cambiar de usuario requiere root")
    from buzon_pipeline import api
    from buzon_pipeline.config import Settings
    from buzon_pipeline.errors import UsageError

    shutil.copy(GOOD, shared_tmp / "bueno.png")
    (shared_tmp / "bueno.png").chmod(0o644)
    (shared_tmp / "reportes_ajenos").mkdir(mode=0o755)  # root's: nobody cannot write there
    settings = Settings(
        db_url=f"sqlite:///{shared_tmp / 'buzon.db'}",
        reports_dir=str(shared_tmp / "reportes_ajenos"),
    )
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            api.process_batch([str(shared_tmp / "bueno.png")], "TAOD", "UMF 20", settings)
        except UsageError as exc:
            os.write(write, str(exc).encode("utf-8"))
            code = int(exc.exit_code)
        except BaseException:
            import traceback

            os.write(write, traceback.format_exc().encode("utf-8", "replace"))
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        message = handle.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == ExitCode.BAD_ARGS, message
    assert "No se puede escribir en la carpeta de reportes" in message
    assert not (shared_tmp / "buzon.db").exists()


def test_db_on_a_folder_is_exit_5_and_the_folder_keeps_its_mode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shared = tmp_path / "compartida"
    shared.mkdir()
    shared.chmod(0o1777)
    result = CliRunner().invoke(main, ["contactos", "--db", f"sqlite:///{shared}"])
    assert result.exit_code == ExitCode.DATABASE, result.output
    assert "no es un archivo" in result.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_existing_reports_folder_keeps_its_mode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shared = tmp_path / "compartida"
    shared.mkdir()
    shared.chmod(0o1777)
    Registry("sqlite:///buzon.db")  # `revisar` works on an existing registry only
    result = CliRunner().invoke(main, ["revisar", "--reportes", str(shared)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777  # once became 0700
    assert stat.S_IMODE((shared / "revision.html").stat().st_mode) == 0o600


def test_half_corrupt_sqlite_is_exit_5(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Registry("sqlite:///buzon.db")
    data = bytearray((tmp_path / "buzon.db").read_bytes())
    data[4096:] = bytes(random.Random(1).randrange(256) for _ in range(len(data) - 4096))
    (tmp_path / "buzon.db").write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["contactos"])
    assert result.exit_code == ExitCode.DATABASE, result.output
    assert "base de datos" in result.output and "Traceback" not in result.output


def test_missing_digit_model_is_exit_4(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "modelos").mkdir()  # a models folder without digitos.npz
    monkeypatch.setenv("BUZON_MODELS_DIR", str(tmp_path / "modelos"))
    shutil.copy(GOOD, tmp_path / "bueno.png")
    result = CliRunner().invoke(main, procesar_args("bueno.png")[:-1])
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY, result.output
    assert "modelo" in result.output
    assert not (tmp_path / "buzon.db").exists()


# -- signals, kills, private temporary files, crash and resume ---------------------------------
def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def start(tmp: Path, *args: str) -> subprocess.Popen:
    (tmp / "tmp").mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "buzon_pipeline", *args],
        cwd=tmp,
        env={**os.environ, "TMPDIR": str(tmp / "tmp")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(predicate, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("no ocurrió a tiempo")


def workers_of(process: subprocess.Popen) -> set[int]:
    """The pool's worker processes (children that are python, not a tesseract)."""
    found = set()
    for pid in children(process.pid):
        try:
            if "python" in Path(f"/proc/{pid}/exe").resolve(strict=True).name:
                found.add(pid)
        except OSError:  # gone meanwhile
            continue
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_is_a_message_and_exit_143_and_the_workers_stop(tmp_path):
    two_page_pdf(tmp_path / "lote.pdf")
    process = start(tmp_path, *procesar_args("lote.pdf", workers=2))
    try:
        workers = wait_for(lambda: workers_of(process))
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == ExitCode.TERMINATED == 143
    assert "Terminado (SIGTERM)" in err and "Traceback" not in err
    wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)


def test_kill_9_mid_file_then_a_worker_killed_then_a_rerun_gives_every_page_its_outcome(
    tmp_path,
):
    """Crash and resume: kill -9 the main process mid-file (its workers must die with it and
    its private temporary folder is removed by the next run); then kill a worker mid-file (its
    page is a passing error, the run goes on); a third run ends with every page's outcome."""
    two_page_pdf(tmp_path / "lote.pdf")
    args = procesar_args("lote.pdf", workers=2)
    tmp = tmp_path / "tmp"

    # 1. kill -9 the main process while a page is being OCR'd.
    process = start(tmp_path, *args)
    try:
        run_dir = wait_for(lambda: next(tmp.glob(RUN_PREFIX + "*"), None))
        # Killed as soon as its workers exist: mid-file (reading a page is now fast enough
        # that waiting longer may let the run finish the file).
        workers = wait_for(lambda: workers_of(process))
        # Temporary files (the rasterizer's; OCR keeps none with the in-process engine) live
        # only in the run's 0700 folder.
        assert stat.S_IMODE(run_dir.stat().st_mode) == 0o700
        assert all(run_dir in p.parents or p == run_dir for p in tmp.rglob("*"))
        process.kill()
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)
    assert run_dir.exists()  # left by the kill …

    # 2. kill one worker mid-file: the run survives it.
    process = start(tmp_path, *args)
    try:
        victim = wait_for(lambda: workers_of(process))
        assert not run_dir.exists()  # … and removed by the next run
        os.kill(sorted(victim)[0], signal.SIGKILL)
        out, err = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode in (ExitCode.OK, ExitCode.PARTIAL), err
    assert "Traceback" not in err
    if process.returncode == ExitCode.PARTIAL:
        assert any("Falla pasajera" in " ".join(r["reasons"]) for r in rows(out))

    # 3. the same command again: every page has its real outcome, nothing is an error.
    done = buzon(tmp_path, *args)
    assert done.returncode == ExitCode.OK, done.stderr
    results = rows(done.stdout)
    assert all(r["outcome"] != "error" for r in results)
    pages = sorted(p for r in results for p in r["pages"])
    assert pages == [1, 2]
    registry = Registry(f"sqlite:///{tmp_path / 'buzon.db'}")
    source = registry.source(_sha(tmp_path / "lote.pdf"))
    assert source.complete
    stored = stored_results(registry, source.id, "lote.pdf")
    assert sorted(p for r in stored for p in r.pages) == [1, 2]
    assert not list(tmp.iterdir())  # no temporary file left
