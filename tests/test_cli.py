from __future__ import annotations

from click.testing import CliRunner

from buzon_pipeline.cli import main
from buzon_pipeline.errors import ExitCode


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_help_is_spanish_and_documents_the_command():
    result = invoke("--help")
    assert result.exit_code == 0 and "procesar" in result.output
    sub = invoke("procesar", "--help")
    assert "Procesa los escaneos" in sub.output and "--json" in sub.output


def test_missing_input_exits_with_input_code(tmp_path):
    result = invoke(
        "procesar",
        str(tmp_path / "no-hay.pdf"),
        "--taod",
        "T",
        "--unidad",
        "U",
        "--db",
        f"sqlite:///{tmp_path / 'b.db'}",
    )
    assert result.exit_code == ExitCode.INPUT
    assert "No existe" in result.output


def test_folder_without_scans_exits_with_input_code(tmp_path):
    (tmp_path / "leeme.txt").write_text("nada")
    result = invoke(
        "procesar",
        str(tmp_path),
        "--taod",
        "T",
        "--unidad",
        "U",
        "--db",
        f"sqlite:///{tmp_path / 'b.db'}",
    )
    assert result.exit_code == ExitCode.INPUT
    assert "No se encontraron escaneos" in result.output


def test_missing_taod_is_a_usage_error(tmp_path):
    result = invoke("procesar", str(tmp_path))
    assert result.exit_code == ExitCode.BAD_ARGS


def test_bad_config_is_a_usage_error(tmp_path):
    cfg = tmp_path / "buzon.toml"
    cfg.write_text("no es toml [", encoding="utf-8")
    result = invoke("procesar", str(tmp_path), "--taod", "T", "--unidad", "U", "--config", str(cfg))
    assert result.exit_code == ExitCode.BAD_ARGS
    assert "configuración" in result.output


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"buzon {name}" not in readme]
    assert not missing, f"comandos sin documentar en README.md: {missing}"


def test_unexpected_errors_do_not_leak_their_message(monkeypatch, tmp_path):
    from buzon_pipeline import api

    def boom(*args, **kwargs):
        raise ValueError("María López 12345678903")

    monkeypatch.setattr(api, "process_batch", boom)
    monkeypatch.delenv("BUZON_DEBUG", raising=False)
    result = invoke("procesar", str(tmp_path), "--taod", "T", "--unidad", "U")
    assert result.exit_code == ExitCode.INTERNAL
    assert "ValueError" in result.output and "María" not in result.output


def test_help_loads_no_heavy_library():
    """`buzon --help` stays instant: OpenCV, spaCy, SQLAlchemy and numpy load only when a
    command runs (measured in bench, not here: tests keep no wall-clock assertions)."""
    import subprocess
    import sys

    probe = (
        "import sys, buzon_pipeline.cli as c; from click.testing import CliRunner; "
        "CliRunner().invoke(c.main, ['--help']); "
        "CliRunner().invoke(c.main, ['contactos', '--help']); "
        "print(' '.join(m for m in ('cv2', 'spacy', 'sqlalchemy', 'numpy', 'pytesseract') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    assert loaded == []
