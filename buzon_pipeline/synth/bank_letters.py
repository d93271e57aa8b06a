"""Pieces of escritos libres: headers, greetings, narrative filler, closings, data labels."""

from __future__ import annotations

CIUDADES = ("Ciudad de México", "Cd. de México", "Guadalajara, Jal.", "Monterrey, N.L.",
            "Puebla, Pue.", "Toluca, Edo. de Méx.", "Mérida, Yuc.", "León, Gto.",
            "Tlalnepantla de Baz", "Querétaro, Qro.", "Oaxaca de Juárez", "Ecatepec, Méx.")

DESTINATARIOS = (
    ("C. Director de la {unidad}", "Presente"),
    ("A quien corresponda",),
    ("Al Módulo de Atención y Orientación al Derechohabiente", "{unidad}"),
    ("Lic. Encargado de Atención al Derechohabiente", "P r e s e n t e"),
    ("Instituto Mexicano del Seguro Social", "{unidad}", "Presente."),
    ("Sr. Director",),
)

SALUDOS = ("Buenos días:", "Estimado director:", "Por medio de la presente:", "Buenas tardes.",
           "Respetable director:", "Muy buenos días, espero que se encuentre bien.")

ASUNTOS = {
    "queja_servicio": ("Asunto: Queja", "Asunto: queja por mala atención", "ASUNTO: QUEJA"),
    "queja_administrativa": ("Asunto: Queja administrativa", "Asunto: Solicitud de reembolso"),
    "sugerencia": ("Asunto: Sugerencia",),
    "reconocimiento": ("Asunto: Reconocimiento", "Asunto: Agradecimiento"),
    "orientacion": ("Asunto: Solicitud de información",),
    "gestion": ("Asunto: Solicitud", "Asunto: Petición de apoyo"),
}

NARRATIVA_QUEJA = (
    "Le explico lo que pasó.",
    "Ese día llegué a la unidad muy temprano para alcanzar lugar.",
    "Me formé en la fila y cuando llegó mi turno me dijeron que tenía que ir a otra ventanilla.",
    "En la otra ventanilla me regresaron a la primera y así estuve casi toda la mañana.",
    "Pregunté por el responsable del área pero nadie me supo decir quién era.",
    "Había mucha gente esperando, varios adultos mayores y mujeres con niños en brazos.",
    "Yo entiendo que hay mucho trabajo, pero eso no justifica la forma en que nos tratan.",
    "Cuando pedí una explicación me contestaron de mala manera.",
    "Tuve que pedir permiso en mi trabajo y me lo descontaron.",
    "Regresé al día siguiente y pasó exactamente lo mismo.",
    "Otras personas que estaban ahí también se quejaron.",
    "Le tomé foto a la fila para que vean cuánta gente había.",
    "Pagamos nuestras cuotas puntualmente y merecemos un servicio digno.",
    "No quiero que a otra persona le pase lo mismo que a mí.",
    "Ya he venido en varias ocasiones por lo mismo y siempre me dan largas.",
    "Al final me fui sin que me resolvieran nada.",
    "Quiero dejar constancia por escrito porque de palabra nunca hacen caso.",
    "Le pido que se ponga en nuestro lugar por un momento.",
    "Muchas personas mayores vienen solas y nadie les explica a dónde ir.",
    "La señorita de la entrada nos dijo que no era su problema.",
    "Estuve esperando de pie porque no había dónde sentarse.",
    "Hablé por teléfono varias veces a la clínica y nunca contestaron.",
    "Mi familia tuvo que faltar al trabajo para acompañarme.",
    "Me dijeron que regresara otro día pero vivo a dos horas de aquí.",
    "Cuando por fin me atendieron ya era muy tarde y estaba muy cansada.",
    "No es justo que por culpa de unos cuantos se vea mal toda la institución.",
    "Ojalá que este escrito sí lo lea alguien que pueda hacer algo.",
    "Si es necesario puedo venir a explicar personalmente lo que pasó.",
)

NARRATIVA_NEUTRA = (
    "Soy derechohabiente de esta unidad desde hace varios años.",
    "Acudo cada mes a mi control y conozco bien cómo funciona la clínica.",
    "Le escribo porque no encontré a nadie en el módulo.",
    "Me parece importante que lo sepan los responsables.",
    "Lo comento con el mejor de los ánimos.",
    "Espero que mi escrito llegue a la persona indicada.",
    "Conozco a varias personas que piensan lo mismo que yo.",
    "Lo platiqué con otros derechohabientes en la sala de espera.",
    "Creo que con poco esfuerzo se puede mejorar mucho.",
    "Le agradezco que se tome el tiempo de leer esta carta.",
    "Sé que el personal trabaja mucho y por eso lo escribo con respeto.",
    "Me gustaría que se tomara en cuenta la opinión de los usuarios.",
    "He visto cambios buenos en la clínica en el último año.",
    "Mis hijos también se atienden aquí desde que nacieron.",
)

DESPEDIDAS = ("Sin más por el momento, quedo de usted.", "Agradezco de antemano su atención.",
              "Quedo en espera de su respuesta.", "Sin otro particular, reciba un saludo.")
CIERRES = ("Atentamente", "Atentamente,", "ATENTAMENTE", "Atte.", "Saludos cordiales",
           "Respetuosamente")

ETIQUETAS_NSS = ("NSS:", "NSS", "No. de afiliación:", "Número de seguro social:",
                 "No. de seguridad social:", "N.S.S.", "Afiliación:")
ETIQUETAS_TEL = ("Tel.", "Tel:", "Cel:", "Celular:", "Teléfono:", "Whatsapp:", "Tel. casa:")
ETIQUETAS_CORREO = ("correo:", "Correo electrónico:", "e-mail:", "Email:", "mail:")

EN_CUERPO_NOMBRE = ("Mi nombre es {nombre}", "Me llamo {nombre}", "La que suscribe, {nombre}",
                    "El que suscribe {nombre}")
EN_CUERPO_NSS = ("con número de seguro social {nss}", "con NSS {nss}",
                 "con número de afiliación {nss}", "y mi número de seguridad social es {nss}")
EN_CUERPO_CONTACTO = ("Pueden comunicarse conmigo al {tel}.", "Mi celular es {tel}.",
                      "Me pueden llamar al teléfono {tel}.", "Mi correo es {correo}.",
                      "Pueden escribirme a {correo}.")
ANONIMO = ("Un derechohabiente inconforme", "Una usuaria", "Derechohabiente de la clínica",
           "Una madre preocupada")
