"""The program's vocabulary, defined once: petition types, servicios, field names, checkbox
marks, and the Spanish label a TAOD reads for each code stored in the registry."""

from __future__ import annotations

# Anexo 3 petition types (definitions 4.16-4.39).
TIPOS = (
    "orientacion",
    "gestion",
    "queja_servicio",
    "queja_administrativa",
    "sugerencia",
    "reconocimiento",
)
# Servicio involucrado: where a petition's copy is sent (acts 46 and 52).
SERVICIOS = (
    "consulta_externa",
    "urgencias",
    "hospitalizacion",
    "farmacia",
    "laboratorio_rayos_x",
    "afiliacion_vigencia",
    "incapacidades_prestaciones",
    "pensiones",
    "guarderias",
    "citas",
    "trato_personal_otro",
)
# The fields extracted from every document, in report order.
FIELDS = ("nombre", "nss", "telefono", "correo", "unidad", "servicio")
# The datos a person gives or a TAOD corrects (the personal data of 4.12).
CONTACT_DATA = ("nombre", "nss", "telefono", "correo")
FIELD_LABELS = {
    "nombre": "nombre",
    "nss": "NSS",
    "telefono": "teléfono",
    "correo": "correo",
    "contacto": "teléfono o correo",  # a missing datum of 4.12: either one
}
# The volante's checkboxes, and the Anexo 3 types each one is compatible with.
MARK_TO_TIPOS = {
    "queja": {"queja_servicio", "queja_administrativa"},
    "sugerencia": {"sugerencia"},
    "reconocimiento": {"reconocimiento"},
    "otro": {"orientacion", "gestion"},
}
# The checkbox of each mark in the form layout (forms/anexo12_v1.json).
MARK_FIELDS = {f"tipo_{mark}": mark for mark in MARK_TO_TIPOS}

CONSULTA_URL = "http://siadeconsulta.imss.gob.mx/consultapeticiones"

KIND_LABELS = {
    "volante": "Volante (Anexo 12)",
    "escrito_libre": "Escrito libre",
    "otro": "Otro (no es volante ni escrito)",
}

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
