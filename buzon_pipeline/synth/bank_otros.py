"""Text for pages that end up in the buzón but are not petitions."""

from __future__ import annotations

FLYERS = (
    ("Campaña de vacunación", "contra la influenza estacional",
     ("Acude a tu Unidad de Medicina Familiar", "Niñas y niños de 6 meses a 5 años",
      "Personas de 60 años y más", "Embarazadas y personas con enfermedades crónicas",
      "Es gratuita, no necesitas cita")),
    ("PrevenIMSS", "Chécate, mídete, muévete",
     ("Mide tu presión arterial y tu glucosa", "Camina 30 minutos al día",
      "Toma agua simple en lugar de refresco", "Acude a tu chequeo anual en el módulo PrevenIMSS")),
    ("Lactancia materna", "el mejor alimento para tu bebé",
     ("Dale sólo leche materna los primeros 6 meses", "Protege a tu bebé de infecciones",
      "Pide orientación en el módulo de enfermería")),
    ("Prevención del dengue", "Lava, tapa, voltea y tira",
     ("Elimina los recipientes donde se junta el agua", "Usa repelente y mosquitero",
      "Si tienes fiebre y dolor de cuerpo acude a tu unidad")),
    ("Día mundial de la diabetes", "Conoce tus números",
     ("Revisa tu glucosa en ayunas", "Come más verduras y menos harinas",
      "Pregunta por los grupos de apoyo DiabetIMSS")),
    ("Salud bucal", "Cepíllate tres veces al día",
     ("Usa hilo dental", "Visita a tu dentista cada seis meses",
      "El servicio de estomatología está en la planta baja")),
)

MEDICAMENTOS = (
    "Metformina 850 mg", "Losartán 50 mg", "Paracetamol 500 mg", "Omeprazol 20 mg",
    "Ibuprofeno 400 mg", "Amoxicilina 500 mg", "Glibenclamida 5 mg", "Enalapril 10 mg",
    "Insulina NPH", "Atorvastatina 20 mg", "Naproxeno 250 mg", "Levotiroxina 100 mcg",
    "Ácido fólico 5 mg", "Salbutamol aerosol", "Clonazepam 2 mg", "Sertralina 50 mg",
)

INDICACIONES = (
    "Tomar 1 tableta cada 8 horas por 5 días", "1 tableta cada 12 horas",
    "1 tableta en ayunas diario", "1 cápsula cada 24 horas por 30 días",
    "Aplicar 10 UI antes del desayuno", "2 disparos cada 6 horas si hay falta de aire",
    "1 tableta en la noche", "Tomar con alimentos",
)

TICKET_ARTICULOS = (
    "PARACETAMOL 500MG 10T", "CURITAS C/20", "ALCOHOL 250ML", "GASAS EST 10X10",
    "SUERO ORAL 500ML", "JARABE TOS 120ML", "TERMOMETRO DIG", "CUBREBOCAS C/10",
    "VITAMINA C 1G", "PAÑAL ADULTO MED", "LOSARTAN 50MG 30T", "METFORMINA 850 30T",
)

FARMACIAS = ("FARMACIA LA PROVIDENCIA", "FARMACIAS DEL AHORRO", "FARMACIA SAN JUDAS",
             "FARMACIA GUADALAJARA", "BOTICA EL ROSARIO")

NOTAS = (
    ("comprar:", "leche", "huevo", "tortillas", "jitomate", "papel de baño", "jabon zote"),
    ("pendientes", "pagar luz", "llevar a Juanito al dentista", "recoger receta", "ir al banco"),
    ("cita lunes 8:30", "llevar carnet", "estudios de sangre", "ir en ayunas"),
    ("Tía Rosa", "su cel", "{telefono}", "llamarle el domingo"),
    ("lista de medicinas", "metformina", "losartan", "aspirina protect", "omeprazol"),
    ("recados", "vino el del gas", "hablar a la escuela", "comprar cuaderno de cuadro"),
    ("te quiero mucho mamá", "de tu hija", "feliz dia"),
)

CITA_SERVICIOS = ("Medicina Familiar", "Laboratorio Clínico", "Rayos X", "Nutrición",
                  "Estomatología", "Medicina Preventiva", "Trabajo Social", "Psicología")
