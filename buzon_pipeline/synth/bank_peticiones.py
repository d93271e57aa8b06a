"""Sentence bank for petitions, by Anexo 3 type and servicio (the synth generator's own text).

Slots in braces are filled by ``texts.fill``. Sentences are written correctly; handwriting
errors are added later so the same bank serves typed and handwritten documents.
"""

from __future__ import annotations

from buzon_pipeline.core import vocab
from buzon_pipeline.synth.bank_propuestas import CUERPO_OTROS_TIPOS

# How people fill the "Servicio o área involucrada" box.
SERVICIO_ESCRITO = {
    "consulta_externa": ("Consulta externa", "Medicina familiar", "Consultorio {consultorio}",
                         "consulta externa MF"),
    "urgencias": ("Urgencias", "Urgencias adultos", "urgencias pediatría", "Triage"),
    "farmacia": ("Farmacia", "farmacia", "Farmacia UMF"),
    "laboratorio_rayos_x": ("Laboratorio", "Laboratorio clínico", "Toma de muestras", "Rayos X"),
    "afiliacion_vigencia": ("Afiliación y vigencia", "Afiliación", "Vigencia de derechos",
                            "Ventanilla de afiliación"),
    "incapacidades_prestaciones": ("Incapacidades", "Ventanilla incapacidades",
                                   "Prestaciones económicas"),
    "pensiones": ("Pensiones", "Prestaciones económicas", "Oficina de pensiones"),
    "guarderias": ("Guardería", "Guarderia No. {guarderia}", "Guardería infantil"),
    "citas": ("Citas", "Recepción / citas", "Asistente médica", "Control de citas"),
    "trato_personal_otro": ("Asistente médica", "Vigilancia", "Trabajo social", "Enfermería",
                       "Atención al derechohabiente"),
}
# The program's servicio codes the generator has texts for (none about hospitalización),
# in the program's order.
SERVICIOS = tuple(code for code in vocab.SERVICIOS if code in SERVICIO_ESCRITO)

OPENERS = {
    "queja_servicio": (
        "Por medio de la presente quiero presentar una queja.",
        "Quiero poner una queja por lo que me pasó el día de hoy.",
        "Escribo para manifestar mi inconformidad con el servicio.",
        "Vengo a quejarme porque ya no es la primera vez que pasa esto.",
        "Me dirijo a ustedes para exponer una situación muy molesta.",
    ),
    "queja_administrativa": (
        "Por este medio presento una queja formal y solicito respuesta por escrito.",
        "Solicito que se investigue el siguiente caso y se me informe la resolución.",
        "Presento queja administrativa por los hechos que describo a continuación.",
        "Me dirijo a usted para interponer una queja y pedir el reembolso que corresponde.",
    ),
    "sugerencia": (
        "Quisiera hacer una sugerencia para mejorar el servicio.",
        "Mi sugerencia es la siguiente.",
        "Propongo algo que creo que ayudaría a todos los derechohabientes.",
        "Les dejo una sugerencia con todo respeto.",
    ),
    "reconocimiento": (
        "Quiero hacer un reconocimiento.",
        "Por medio de este volante quiero felicitar al personal.",
        "Quiero agradecer la atención que recibí.",
        "Escribo para reconocer el buen trabajo del personal de esta unidad.",
    ),
    "orientacion": (
        "Quisiera que me orientaran sobre lo siguiente.",
        "Tengo una duda y no sé a quién preguntar.",
        "Solicito información por favor.",
        "Buenas tardes, necesito orientación.",
    ),
    "gestion": (
        "Solicito de la manera más atenta su apoyo para lo siguiente.",
        "Por medio de la presente pido su intervención.",
        "Necesito que me ayuden con un trámite.",
        "Les pido de favor su apoyo.",
    ),
}

CLOSERS = {
    "queja_servicio": (
        "Espero que tomen cartas en el asunto.",
        "Ojalá esto cambie porque no es justo para los que pagamos nuestras cuotas.",
        "Pido que se haga algo al respecto.",
        "Solicito que se le llame la atención a quien corresponda.",
        "No es posible que sigan dando este servicio tan malo.",
    ),
    "queja_administrativa": (
        "Solicito se me dé respuesta por escrito en el plazo que marca la ley.",
        "Anexo copia de mis recibos para el reembolso.",
        "Espero una resolución favorable.",
        "Pido que se deslinden responsabilidades.",
    ),
    "sugerencia": (
        "Gracias por tomar en cuenta mi opinión.",
        "Creo que así todos saldríamos ganando.",
        "Ojalá lo puedan considerar.",
    ),
    "reconocimiento": (
        "Muchas gracias y que sigan así.",
        "Ojalá hubiera más personal como ellos.",
        "Les pido que se le haga llegar mi agradecimiento.",
        "Dios los bendiga.",
    ),
    "orientacion": (
        "Agradezco de antemano la información.",
        "Por favor llámenme para explicarme.",
        "Gracias por su atención.",
    ),
    "gestion": (
        "Quedo en espera de su respuesta.",
        "Agradezco su apoyo.",
        "Por favor ayúdenme, es urgente.",
    ),
}

CUERPO: dict[str, dict[str, tuple[str, ...]]] = {**CUERPO_OTROS_TIPOS,
    "queja_servicio": {
        "consulta_externa": (
            "Tenía cita a las {hora} y me pasaron a consulta {horas} después.",
            "El médico del consultorio {consultorio} no me revisó, solo me hizo la receta.",
            "La doctora estuvo todo el tiempo en su celular y casi no me hizo caso.",
            "Llevo tres consultas diciendo que me duele la rodilla y no me mandan al especialista.",
            "El consultorio {consultorio} siempre empieza tarde porque el doctor llega tarde.",
            "Me dieron la consulta en cinco minutos y no me explicaron nada de mis estudios.",
            "No hay médico en el turno {turno} y nos mandan a todos a otra unidad.",
            "Mi mamá es diabética y no le han hecho su revisión de los pies en un año.",
        ),
        "urgencias": (
            "Llegué a urgencias con mi hijo con fiebre y esperamos {horas} para que lo vieran.",
            "En urgencias no había camas y mi papá estuvo toda la noche en una silla.",
            "El triage nos clasificó como verde aunque mi esposa tenía mucho dolor.",
            "No nos daban informes de mi familiar y el personal de urgencias no contestaba.",
            "En la sala de espera de urgencias no hay sillas suficientes ni agua.",
            "Me dijeron que mi caso no era urgencia y me regresaron a la clínica sin revisarme.",
            "El área de urgencias estaba sucia y los baños no tenían papel ni jabón.",
            "Tardaron mucho en ponerle el suero a mi hija y se estaba deshidratando.",
        ),
        "farmacia": (
            "En la farmacia no había {medicamento} y me dijeron que regresara en una semana.",
            "Es el tercer mes que no surten la receta completa de mi papá.",
            "Tuve que comprar {medicamento} por fuera porque en la farmacia nunca hay.",
            "La fila de farmacia es muy larga y solo atiende una ventanilla.",
            "Me surtieron menos cajas de las que dice la receta.",
            "En farmacia me dijeron que mi receta ya había sido surtida y no es cierto.",
            "Cierran la farmacia antes de la hora y nos dejan con la receta en la mano.",
            "Me dieron un medicamento diferente al que me recetó el doctor.",
        ),
        "laboratorio_rayos_x": (
            "Me citaron a laboratorio a las {hora} en ayunas y me atendieron hasta mediodía.",
            "Se perdieron los resultados de mis análisis y me los tienen que volver a hacer.",
            "La persona que me sacó sangre me picó cuatro veces y me dejó morado el brazo.",
            "Los resultados de laboratorio tardan {semanas} semanas en llegar al consultorio.",
            "En rayos X me dijeron que el aparato está descompuesto desde hace meses.",
            "Solo reciben muestras hasta las ocho y si llegas un minuto tarde ya no pasas.",
            "No me quisieron tomar la muestra porque la orden no tenía sello.",
        ),
        "afiliacion_vigencia": (
            "Fui tres veces a afiliación para dar de alta a mi esposa y siempre falta un papel.",
            "En la ventanilla de vigencia me dicen que no aparezco aunque mi patrón sí paga.",
            "El sistema de afiliación siempre está caído y nos hacen regresar otro día.",
            "No me quisieron registrar a mi hijo recién nacido porque faltaba una copia.",
            "Me dieron de baja de la clínica sin avisarme y ahora no me quieren atender.",
            "Me pidieron papeles que no estaban en la lista que me dieron la primera vez.",
        ),
        "incapacidades_prestaciones": (
            "El médico no me quiso dar incapacidad aunque no puedo caminar.",
            "Me dieron la incapacidad con la fecha equivocada y mi empresa no me la acepta.",
            "Llevo {semanas} semanas esperando el pago de mis incapacidades.",
            "En la ventanilla de incapacidades me mandan de un lado a otro.",
            "Me cortaron la incapacidad y todavía no me recupero de la operación.",
            "No me han pagado el subsidio de mi incapacidad por maternidad.",
        ),
        "pensiones": (
            "Llevo meses con el trámite de mi pensión y nadie me da razón.",
            "En pensiones me dijeron que me faltan semanas cotizadas pero tengo mis hojas.",
            "Me tienen dando vueltas para la pensión de viudez de mi esposo.",
            "La atención en la oficina de pensiones es muy lenta y solo dan diez fichas.",
            "No me han depositado mi pensión de este mes y nadie sabe explicarme por qué.",
        ),
        "guarderias": (
            "En la guardería le dieron de comer a mi hijo algo a lo que es alérgico.",
            "Recogí a mi niña de la guardería con un golpe en la frente y no me avisaron.",
            "La guardería cambió el horario de salida sin avisar a los papás.",
            "Mi bebé regresa de la guardería con el pañal sucio y rozado.",
            "Llevo meses en lista de espera para la guardería y no me dan lugar.",
        ),
        "citas": (
            "No contestan el teléfono para hacer citas, marco toda la mañana.",
            "La asistente médica me dio cita hasta dentro de {semanas} semanas.",
            "Me cancelaron la cita con el especialista sin avisarme y ya estaba aquí.",
            "La cita por internet no funciona y en la ventanilla me dicen que la saque en línea.",
            "Me dieron cita para un día que el consultorio no da consulta.",
            "Hay que formarse desde las {hora} para alcanzar ficha.",
        ),
        "trato_personal_otro": (
            "La asistente médica del consultorio {consultorio} me habló con groserías.",
            "El policía de la entrada no me dejó pasar con mi mamá que está en silla de ruedas.",
            "La enfermera se burló de mi hija cuando lloraba.",
            "La señorita de la ventanilla me gritó enfrente de todos.",
            "El personal estaba platicando y comiendo mientras la fila no avanzaba.",
            "Me trataron como si estuviera pidiendo un favor y es mi derecho.",
            "Nadie usa gafete y no sé el nombre de la persona que me atendió tan mal.",
            "El médico me dijo que si no me gustaba me fuera a un particular.",
        ),
    },
    "queja_administrativa": {
        "consulta_externa": (
            "Por falta de atención en la clínica tuve que pagar un médico particular.",
            "Solicito el reembolso de la consulta y los estudios que pagué por mi cuenta.",
            "El diagnóstico equivocado del médico me provocó una complicación.",
            "Mi expediente clínico se perdió y me negaron copia del mismo.",
        ),
        "urgencias": (
            "Me negaron la atención en urgencias y tuve que ir a un hospital privado.",
            "Pagué {monto} pesos en un hospital particular y pido que me los reembolsen.",
            "Dieron de alta a mi papá sin estar bien y tuvo que regresar grave.",
            "Por la mala atención en urgencias mi esposa perdió a su bebé.",
        ),
        "farmacia": (
            "He gastado más de {monto} pesos en medicamento que el instituto no me surte.",
            "Solicito el reembolso de los medicamentos que compré con la receta del IMSS.",
            "Me entregaron medicamento caducado y me hizo daño.",
        ),
        "laboratorio_rayos_x": (
            "Tuve que pagar los estudios en un laboratorio particular por {monto} pesos.",
            "Los resultados que me entregaron son de otra persona y me trataron con eso.",
        ),
        "afiliacion_vigencia": (
            "Me cobraron un trámite de afiliación que es gratuito.",
            "Me dieron de baja por un error del instituto y me negaron la atención.",
            "Solicito se corrija mi registro porque tengo dos números de seguro social.",
        ),
        "incapacidades_prestaciones": (
            "No me pagaron el subsidio de incapacidad de {semanas} semanas y solicito el pago.",
            "Me negaron la incapacidad por riesgo de trabajo y solicito que se revise.",
            "Solicito que se calcule bien mi incapacidad porque me pagaron de menos.",
        ),
        "pensiones": (
            "Me negaron la pensión sin darme la resolución por escrito.",
            "El cálculo de mi pensión está mal y pido que se revise.",
            "Solicito el pago retroactivo de la pensión que me deben desde hace {meses} meses.",
        ),
        "guarderias": (
            "Por el accidente en la guardería mi hijo necesitó puntos y pido que se investigue.",
            "Dieron de baja a mi hijo de la guardería sin justificación y pido su reingreso.",
        ),
        "citas": (
            "Perdí mi cirugía programada por un error en la agenda y pido que se investigue.",
            "Me cancelaron la cirugía tres veces y tuve que pagarla en un particular.",
        ),
        "trato_personal_otro": (
            "Un trabajador me pidió dinero para darme la cita más rápido.",
            "Fui discriminada por mi condición y pido que se sancione a la persona.",
            "Me negaron la atención por no traer mi credencial aunque llevaba mi identificación.",
        ),
    },
}

# Casos especiales (5.28): death, serious harm, violence, threats, press relevance.
CASOS_ESPECIALES = (
    "Mi papá falleció en la sala de espera de urgencias sin que nadie lo atendiera.",
    "Mi esposo murió después de la operación y nadie nos explica qué pasó.",
    "El guardia de seguridad me empujó y me lastimó el brazo.",
    "Un trabajador me amenazó con que si me quejaba ya no me iban a atender.",
    "El esposo de una paciente golpeó a una enfermera en el pasillo.",
    "Un médico me tocó de forma indebida durante la revisión.",
    "Mi bebé murió en el hospital y queremos que se investigue.",
    "Me dijeron que si seguía reclamando me iban a sacar con la policía.",
    "Voy a llevar este caso a los periódicos y a la televisión si no me resuelven.",
    "A mi hija le dieron un medicamento equivocado y quedó en terapia intensiva.",
    "Una persona armada amenazó al personal de la farmacia.",
    "Mi mamá se cayó de la camilla y se fracturó la cadera porque nadie la vigilaba.",
)
