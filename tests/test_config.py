from __future__ import annotations

import pytest

from buzon_pipeline.config import load_settings
from buzon_pipeline.errors import UsageError


def test_precedence_file_env_flags(tmp_path):
    cfg = tmp_path / "buzon.toml"
    cfg.write_text('db_url = "sqlite:///archivo.db"\nworkers = 3\ndpi = 200\n', encoding="utf-8")
    env = {"BUZON_WORKERS": "4", "BUZON_DPI": "250"}
    settings = load_settings(cfg, env=env, dpi=None, db_url="sqlite:///flag.db")
    assert settings.db_url == "sqlite:///flag.db"  # flag beats file
    assert settings.workers == 4  # env beats file
    assert settings.dpi == 250


def test_unknown_option_is_rejected(tmp_path):
    cfg = tmp_path / "buzon.toml"
    cfg.write_text("colour = 3\n", encoding="utf-8")
    with pytest.raises(UsageError, match="desconocidas"):
        load_settings(cfg, env={})


def test_bad_value_is_a_usage_error():
    with pytest.raises(UsageError):
        load_settings(env={"BUZON_WORKERS": "muchos"})
