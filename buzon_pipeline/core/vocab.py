"""Spanish display labels for the codes stored in the registry (what a TAOD reads)."""

from __future__ import annotations

CONSULTA_URL = "http://siadeconsulta.imss.gob.mx/consultapeticiones"

OUTCOME_LABELS = {
    "folio": "Registrada con folio",
    "pendiente_contacto": "Pendiente de contacto",
    "publico_general": "Público en general",
    "descartado": "Descartado (no es petición)",
    "duplicado": "Duplicado (ya tiene folio)",
    "revision": "Para revisión",
    "error": "Error de lectura",
    "cerrado_desinteres": "Cerrado por desinterés",
}
TIPO_LABELS = {
    "orientacion": "orientación",
    "gestion": "gestión",
    "queja_servicio": "queja de servicio",
    "queja_administrativa": "queja administrativa",
    "sugerencia": "sugerencia",
    "reconocimiento": "reconocimiento",
}
SERVICIO_LABELS = {
    "consulta_externa": "Consulta externa",
    "urgencias": "Urgencias",
    "hospitalizacion": "Hospitalización",
    "farmacia": "Farmacia",
    "laboratorio_rayos_x": "Laboratorio y rayos X",
    "afiliacion_vigencia": "Afiliación y vigencia",
    "incapacidades_prestaciones": "Incapacidades y prestaciones",
    "pensiones": "Pensiones",
    "guarderias": "Guarderías",
    "citas": "Citas",
    "trato_personal_otro": "Trato del personal y otros",
}
