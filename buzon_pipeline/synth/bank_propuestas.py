"""Sentence bank for sugerencias, reconocimientos, orientación and gestión, by servicio."""

from __future__ import annotations

CUERPO_OTROS_TIPOS: dict[str, dict[str, tuple[str, ...]]] = {
    "sugerencia": {
        "consulta_externa": (
            "Sería bueno que pusieran una pantalla con los turnos de cada consultorio.",
            "Deberían dar más fichas para consulta en el turno {turno}.",
            "Sugiero que los médicos expliquen mejor los tratamientos a los adultos mayores.",
            "Que haya un médico de apoyo cuando falta el titular del consultorio.",
        ),
        "urgencias": (
            "Pongan más sillas y un bebedero en la sala de espera de urgencias.",
            "Que alguien salga cada hora a dar informes a los familiares en urgencias.",
            "Sugiero un área separada para niños en urgencias.",
        ),
        "farmacia": (
            "Abran otra ventanilla en farmacia en las horas de más gente.",
            "Que avisen por mensaje cuando ya llegó el medicamento que faltaba.",
            "Sugiero que la receta resurtible se pueda recoger en cualquier farmacia.",
        ),
        "laboratorio_rayos_x": (
            "Que el laboratorio reciba muestras hasta más tarde para los que trabajamos.",
            "Que los resultados se puedan consultar por internet.",
            "Pongan un lugar para sentarse después de la toma de muestra.",
        ),
        "afiliacion_vigencia": (
            "Que pongan la lista de requisitos en la pared para no dar tantas vueltas.",
            "Sería bueno poder hacer el alta de beneficiarios por internet.",
        ),
        "incapacidades_prestaciones": (
            "Que expliquen en un papel cómo se cobra la incapacidad.",
            "Sugiero que la incapacidad llegue directo a la empresa.",
        ),
        "pensiones": (
            "Que den más fichas en pensiones o que se pueda sacar cita.",
            "Pongan un asesor en pensiones para las personas mayores que no entienden.",
        ),
        "guarderias": (
            "Que la guardería mande un reporte diario de lo que comió el niño.",
            "Sería bueno ampliar el horario de la guardería para los que salen tarde.",
        ),
        "citas": (
            "Que haya más líneas para hacer citas por teléfono.",
            "Sugiero que manden un recordatorio de la cita por mensaje.",
            "Que la fila para fichas tenga techo porque nos mojamos cuando llueve.",
        ),
        "trato_personal_otro": (
            "Den cursos de atención al público al personal de ventanilla.",
            "Que todo el personal traiga su gafete a la vista.",
            "Que haya una fila preferente respetada para embarazadas y adultos mayores.",
        ),
    },
    "reconocimiento": {
        "consulta_externa": (
            "El doctor del consultorio {consultorio} es muy amable y explica todo con paciencia.",
            "La doctora del turno {turno} siempre me atiende con mucho respeto.",
            "Gracias al médico familiar detectaron a tiempo la enfermedad de mi mamá.",
        ),
        "urgencias": (
            "El personal de urgencias salvó la vida de mi hijo y estoy muy agradecida.",
            "Las enfermeras de urgencias del turno nocturno fueron muy atentas con mi papá.",
            "En urgencias me atendieron rápido y me trataron muy bien.",
        ),
        "farmacia": (
            "La señorita de farmacia siempre atiende con una sonrisa.",
            "Esta vez me surtieron toda mi receta y me atendieron rápido.",
        ),
        "laboratorio_rayos_x": (
            "La química que me tomó la muestra tiene muy buena mano, no me dolió nada.",
            "En laboratorio fueron muy pacientes con mi hija que le tiene miedo a las agujas.",
        ),
        "afiliacion_vigencia": (
            "En afiliación me resolvieron mi problema en un solo día.",
            "El joven de vigencia me ayudó a llenar todo y me explicó muy bien.",
        ),
        "incapacidades_prestaciones": (
            "La licenciada de incapacidades me orientó muy bien y ya me pagaron.",
        ),
        "pensiones": (
            "En pensiones me atendieron con mucha paciencia a pesar de mi edad.",
            "Agradezco a la señora de pensiones que me ayudó con mi trámite de viudez.",
        ),
        "guarderias": (
            "Las maestras de la sala de lactantes cuidan a mi bebé con mucho cariño.",
            "Mi hijo aprendió mucho en la guardería, gracias a todas las educadoras.",
        ),
        "citas": (
            "La asistente médica me consiguió una cita a pesar de que ya no había lugar.",
        ),
        "trato_personal_otro": (
            "El personal de trabajo social nos apoyó mucho cuando falleció mi familiar.",
            "El policía de la entrada ayudó a mi abuelita a subir las escaleras.",
            "La enfermera {enfermera} es un ángel, merece un reconocimiento.",
            "Todo el personal de la unidad fue muy amable conmigo.",
        ),
    },
    "orientacion": {
        "consulta_externa": (
            "¿Cómo puedo cambiar de médico familiar?",
            "Quiero saber qué tengo que hacer para que me envíen con un especialista.",
        ),
        "urgencias": (
            "¿Qué casos sí atienden en urgencias y cuáles en la clínica?",
        ),
        "farmacia": (
            "¿Dónde puedo surtir mi receta si aquí no hay el medicamento?",
            "Quisiera saber cómo funciona la receta resurtible.",
        ),
        "laboratorio_rayos_x": (
            "¿En cuánto tiempo están los resultados de mis estudios?",
        ),
        "afiliacion_vigencia": (
            "¿Qué papeles necesito para dar de alta a mis papás como beneficiarios?",
            "¿Cómo saco mi número de seguro social si nunca he trabajado?",
            "Quiero saber cómo inscribirme como estudiante.",
        ),
        "incapacidades_prestaciones": (
            "¿Cuándo y dónde me pagan la incapacidad?",
            "¿Qué hago si mi incapacidad tiene un error en las fechas?",
        ),
        "pensiones": (
            "Quiero saber cuántas semanas tengo cotizadas y si ya me puedo pensionar.",
            "¿Qué documentos necesito para la pensión por cesantía?",
        ),
        "guarderias": (
            "¿Qué necesito para inscribir a mi hijo en la guardería?",
        ),
        "citas": (
            "¿Se puede sacar cita por teléfono o solo en ventanilla?",
            "No sé cómo sacar cita por la aplicación.",
        ),
        "trato_personal_otro": (
            "¿Con quién me puedo dirigir para reportar a un trabajador?",
        ),
    },
    "gestion": {
        "consulta_externa": (
            "Solicito mi cambio de consultorio al turno {turno} porque trabajo en la mañana.",
            "Pido que me den el pase al especialista que necesito desde hace meses.",
            "Necesito copia de mi expediente clínico.",
        ),
        "urgencias": (
            "Solicito que se trasladen a mi papá a un hospital de segundo nivel.",
        ),
        "farmacia": (
            "Solicito que me surtan {medicamento} que necesito para mi tratamiento.",
            "Pido que me autoricen la receta para tres meses porque vivo lejos.",
        ),
        "laboratorio_rayos_x": (
            "Solicito que me reprogramen los estudios que no me pudieron hacer.",
        ),
        "afiliacion_vigencia": (
            "Solicito mi cambio de clínica porque me cambié de domicilio.",
            "Pido que corrijan mi nombre que está mal escrito en mi registro.",
            "Solicito que me den de alta a mi hijo como beneficiario.",
        ),
        "incapacidades_prestaciones": (
            "Solicito la corrección de la fecha de mi incapacidad.",
            "Necesito una constancia de mis incapacidades para mi trabajo.",
        ),
        "pensiones": (
            "Solicito una cita para iniciar mi trámite de pensión.",
            "Pido que me entreguen la constancia de semanas cotizadas.",
        ),
        "guarderias": (
            "Solicito un lugar en la guardería para mi hija de seis meses.",
            "Pido el cambio de mi hijo a la guardería más cercana a mi trabajo.",
        ),
        "citas": (
            "Solicito que me den cita con el especialista lo antes posible.",
            "Necesito que me reprogramen la cita que perdí por estar hospitalizado.",
        ),
        "trato_personal_otro": (
            "Solicito que me asignen a otro médico porque no me siento bien atendida.",
        ),
    },
}
