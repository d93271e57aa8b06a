"""The review page in a real headless browser (Debian chromium + chromium-driver, Selenium).

The driver path is given to Selenium, so Selenium Manager never looks for (or downloads) one.
Without chromium these tests skip on a developer machine but fail in CI (CI=true): the page's
script and the served form are only really tested here.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from buzon_pipeline.cli import main
from buzon_pipeline.core.model import Field, Outcome
from buzon_pipeline.desk.review_page import write_review_page
from buzon_pipeline.desk.review_server import start_in_thread
from tests.conftest import skip_unless_ci
from tests.test_review import BAD_NSS, BOXES, NAME, NSS, Queue, folio, ocr

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 10  # seconds


def _unavailable() -> str | None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        return f"falta {', '.join(missing)} (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "falta selenium (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator:
    reason = _unavailable()
    if reason is not None:
        skip_unless_ci(f"Navegador no disponible: {reason}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=1280,1600",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _form(driver, doc: int):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f"form.decision[data-doc='{doc}']")


def _fill(driver, doc: int, values: dict[str, str], resultado: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    form = _form(driver, doc)
    for name, value in values.items():
        box = form.find_element(By.NAME, f"campo_{name}")
        box.clear()
        box.send_keys(value)
    Select(form.find_element(By.NAME, "resultado")).select_by_value(resultado)


def _loaded(driver, selector: str) -> list[int]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(function (i) { return i.complete ? i.naturalWidth : 0; });",
        selector,
    )


def test_static_page_shows_images_values_and_builds_the_exact_command(browser, tmp_path):
    from selenium.webdriver.common.by import By

    queue = Queue(f"sqlite:///{tmp_path / 'r.db'}", tmp_path)
    misread = {"nss": ocr(BAD_NSS, 0.3, "nss"), "nombre": ocr("Ana Ruis", 0.5, "nombre")}
    doc = queue.add(**queue.ready(**misread))
    page = write_review_page(queue.registry, queue.settings())

    browser.get(page.as_uri())
    pages, crops = _loaded(browser, "img.pagina"), _loaded(browser, "img.recorte")
    assert len(pages) == 1 and all(w == 1000 for w in pages)
    assert len(crops) == 3 and all(w > 0 for w in crops)
    form = _form(browser, doc)
    assert form.find_element(By.NAME, "campo_nss").get_attribute("value") == BAD_NSS
    assert form.find_element(By.NAME, "campo_nombre").get_attribute("value") == "Ana Ruis"
    shown = form.find_element(By.CSS_SELECTOR, "tr[data-campo-fila='nss'] td.leido").text
    assert shown == f"{BAD_NSS} (no pasa el dígito verificador)"
    code = form.find_element(By.CSS_SELECTOR, "code.comando")
    assert code.text == "Elija el resultado para ver el comando."

    _fill(browser, doc, {"nss": NSS}, "folio")
    reports = Path(queue.settings().reports_dir)
    db = f"--db {shlex.quote(queue.url)} --reportes {shlex.quote(str(reports))}"
    assert code.text == f"buzon revisar {doc} --campo nss={NSS} --resultado folio {db}"

    _fill(browser, doc, {"nombre": NAME}, "folio")
    command = code.text
    assert command == (
        f"buzon revisar {doc} --campo {shlex.quote('nombre=' + NAME)} --campo nss={NSS} "
        f"--resultado folio {db}"
    )
    # What the TAOD copies is a working command.
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert str(reports) in result.output  # the reports went to the registry's folder
    row = queue.document(doc)
    assert row.outcome == "folio" and row.folio.folio == folio(1)
    assert queue.field(doc, "nombre").value == NAME


def test_served_page_submits_the_decision_and_shows_the_folio(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    queue = Queue(f"sqlite:///{tmp_path / 'r.db'}", tmp_path)
    doc = queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    other = queue.add(Outcome.REVISION, tipo=None)
    server = start_in_thread(queue.registry, queue.settings())
    try:
        browser.get(server.url)
        assert _loaded(browser, "img.pagina") == [1000, 1000]
        _fill(browser, doc, {"nss": NSS}, "folio")
        _form(browser, doc).find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        WebDriverWait(browser, WAIT).until(
            ec.text_to_be_present_in_element((By.ID, "resultado"), folio(1))
        )
        text = browser.find_element(By.ID, "resultado").text
        assert f"Documento {doc}: registrado con folio {folio(1)}." in text
        row = queue.document(doc)
        assert row.outcome == "folio" and row.folio.folio == folio(1)
        assert queue.field(doc, "nss").value == NSS

        # Back to the queue: the decided document left it; a refused decision shows why.
        browser.find_element(By.LINK_TEXT, "Volver a la lista de revisión").click()
        assert not browser.find_elements(By.CSS_SELECTOR, f"form[data-doc='{doc}']")
        _fill(browser, other, {}, "publico_general")
        _form(browser, other).find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        WebDriverWait(browser, WAIT).until(
            ec.text_to_be_present_in_element((By.ID, "resultado"), "Indique el tipo")
        )
        assert "No se registró la decisión" in browser.title
        assert queue.document(other).outcome == "revision"
    finally:
        server.stop()


# -- issue 15, trap 6: an unchanged prefilled reading counts as confirmed --------------------
def _unsure_name_queue(tmp_path: Path) -> tuple[Queue, int]:
    """A volante whose name was read but not trusted (a raw reading, no value) and whose NSS
    is missing: the TAOD sees the name is right, leaves it and picks pendiente_contacto."""
    queue = Queue(f"sqlite:///{tmp_path / 'r.db'}", tmp_path)
    unsure = Field(None, 0.4, BOXES["nombre"], NAME, present=True)
    doc = queue.add(**queue.ready(nombre=unsure, nss=ocr(None)))
    return queue, doc


def test_static_page_keeps_an_unchanged_prefilled_name(browser, tmp_path):
    from selenium.webdriver.common.by import By

    queue, doc = _unsure_name_queue(tmp_path)
    page = write_review_page(queue.registry, queue.settings())
    browser.get(page.as_uri())
    form = _form(browser, doc)
    assert form.find_element(By.NAME, "campo_nombre").get_attribute("value") == NAME
    _fill(browser, doc, {}, "pendiente_contacto")  # the name box is left as it was
    command = form.find_element(By.CSS_SELECTOR, "code.comando").text
    assert f"--campo {shlex.quote('nombre=' + NAME)}" in command
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert queue.document(doc).outcome == "pendiente_contacto"
    assert queue.field(doc, "nombre").value == NAME


def test_served_page_keeps_an_unchanged_prefilled_name(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    queue, doc = _unsure_name_queue(tmp_path)
    server = start_in_thread(queue.registry, queue.settings())
    try:
        browser.get(server.url)
        _fill(browser, doc, {}, "pendiente_contacto")
        _form(browser, doc).find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        WebDriverWait(browser, WAIT).until(
            ec.text_to_be_present_in_element((By.ID, "resultado"), f"Documento {doc}")
        )
        assert queue.document(doc).outcome == "pendiente_contacto"
        assert queue.field(doc, "nombre").value == NAME
    finally:
        server.stop()
