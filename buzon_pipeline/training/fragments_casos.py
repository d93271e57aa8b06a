# ruff: noqa: E501 -- data module: one hand-written sentence per line, never wrapped
"""Extra training texts for the caso especial model (`train_special.py`), written for it.

Written from the 5.28 categories (muerte, daño grave, violencia o abuso, amenazas, relevancia
pública) in registers the generator's core sentences rarely use: indirect phrasings without the
obvious keyword, long and very short texts, colloquial words. The negatives are ordinary
complaints that borrow alarm vocabulary. The test split and the second-writer texts
(`otros_escritores.jsonl`) were not opened to write these. Their writer had read
`corpus/clasificador/README.md`, which quotes a few second-writer examples: one threat below
("ya sabía dónde encontrarme a la salida") is close in kind to one quoted there ("me dijo que
sabía dónde vivo"), and some negatives (urgency, "qué grave que no tengan…", thanks after an
infarto, a death next to a pensión) are of the kinds it lists. Rendered with the generator's
handwriting/OCR damage by `train_special.py` (fixed seed).
"""

from __future__ import annotations

# fmt: off
CASOS = [
    # muerte, dicha de frente o de lado
    "Mi suegro entró caminando a urgencias el viernes y el domingo nos lo entregaron en una caja.",
    "Ya no alcanzó a llegar a piso, se nos quedó en la camilla del pasillo esperando cama.",
    "A mi tía la velamos ayer. Llevaba tres semanas pidiendo que la vieran y nadie le hizo caso.",
    "Mi bebé nació sin latido después de que me regresaron dos veces a mi casa diciendo que no era hora.",
    "El señor de la cama 12 dejó de respirar en la noche y la enfermera no llegó sino hasta la mañana.",
    "Quiero saber por qué mi hermano salió de aquí directo a la funeraria si solo venía por una hernia.",
    "Mi mamá ya descansa, pero quiero que se investigue lo que le hicieron en el quirófano.",
    "Nos avisaron por teléfono que había fallecido y ni siquiera nos dejaron despedirnos, nadie explica la causa.",
    "se nos fue mi abuelito en la sala de espera, 6 horas sin que lo pasaran",
    "perdi a mi niño a los 7 meses por que no me quisieron atender en tococirugia",
    "Mi esposa ya no despertó de la anestesia y los médicos se contradicen sobre lo que pasó.",
    "el paciente de al lado se murio y lo dejaron tapado con una sabana junto a nosotros toda la noche",
    "Le dieron de alta a mi papá con la presión en 200 y a las dos horas estaba muerto en la casa.",
    "Exijo una explicación del deceso de mi madre, le pusieron un medicamento al que era alérgica y lo decía su expediente.",
    # daño grave
    "Le pusieron el yeso tan apretado a mi hijo que se le puso negra la mano y ahora dicen que puede perder los dedos.",
    "Me operaron de la rodilla equivocada, la sana, y la mala sigue igual.",
    "A mi papá le dejaron una pinza dentro del abdomen, salió en la radiografía meses después.",
    "Mi hija quedó sin poder mover las piernas después de la punción que le hizo un residente.",
    "Se les cayó mi mamá de la camilla en rayos X y se rompió la cadera, nadie se hace responsable.",
    "Le aplicaron la vacuna a mi bebé dos veces el mismo día y terminó hospitalizado.",
    "A mi esposo le estuvieron dando pastillas para la gastritis y era un infarto, llegó a otro hospital casi sin pulso.",
    "Mi hijo se atragantó en la guardería y tardaron en llamar a la ambulancia, estuvo días en cuidados intensivos.",
    "Después del parto me dejaron sangrando horas en el pasillo hasta que me desmayé.",
    "Me quemaron la espalda con la lámpara de calor en rehabilitación, tengo ampollas y llagas.",
    "mi papa tiene ulceras hasta el hueso de tanto estar acostado sin que lo voltearan",
    "le cortaron mal el cordon a mi bebe y se le infecto el ombligo, acabo en incubadora",
    "La transfusión que le pusieron a mi abuela no era de su tipo y se puso muy mal.",
    "A mi hermano le dieron el medicamento de otro paciente y convulsionó en la cama.",
    "Por tardarse en operar la apéndice se reventó y mi hija tuvo peritonitis.",
    "Se infectó la herida de la cesárea porque nunca me hicieron curación, tuve que regresar a quirófano.",
    "En la guardería mi niña se cayó de la resbaladilla y se abrió la frente, no nos avisaron sino hasta la salida.",
    "Mi mamá perdió el ojo porque la dejaron esperando meses la cirugía de urgencia.",
    "El niño se tomó un frasco de medicina que dejaron al alcance en la guardería.",
    "DESPUES DE LA INYECCION SE LE HINCHO TODA LA CARA Y NO PODIA RESPIRAR, LA ENFERMERA SE FUE A COMER",
    # violencia, abuso, acoso
    "El camillero le torció el brazo a mi papá para que se dejara poner la sonda.",
    "La maestra de la guardería le pellizca los brazos a mi hijo, tiene marcas moradas.",
    "El doctor me pidió que me quitara toda la ropa para ver una gripa y me tocó donde no debía.",
    "Un enfermero le manda mensajes a mi hija de 15 años desde que estuvo internada.",
    "el guardia le metio un zape a mi esposo y lo tiro al piso enfrente de todos",
    "La jefa de piso nos grita, nos avienta los expedientes y ayer le jaló el cabello a una compañera.",
    "Un familiar de otro paciente sacó una navaja en la sala de espera y seguridad no hizo nada.",
    "Mi hija me contó que una cuidadora de la guardería les pega con la chancla a los niños que lloran.",
    "El médico me dijo que si salía con él me daba la incapacidad.",
    "A mi mamá la amarraron a la cama sin avisarnos y tenía moretones en las muñecas.",
    "Dos vigilantes sacaron a empujones a un señor mayor y se le rompió la cabeza contra la puerta.",
    "El técnico de rayos X me hizo comentarios de mi cuerpo y me tomó fotos con su celular.",
    "me agarro a cachetadas la del archivo porque le reclame mi expediente",
    "A los abuelitos del asilo que traen les hablan con groserías y los jalonean para bañarlos.",
    # amenazas
    "El de la ventanilla me dijo que si lo reportaba ya sabía dónde encontrarme a la salida.",
    "Me advirtieron que si ponía esta queja me iban a dar de baja del programa.",
    "Una doctora me dijo que si volvía a reclamar le iba a decir al director que me negaran la atención.",
    "El guardia me enseñó algo en la cintura y me dijo que mejor me fuera calladito.",
    "Después de que me quejé, un señor de mantenimiento me siguió hasta el estacionamiento diciéndome cosas.",
    "me dijeron que cuidara a mis hijos porque uno nunca sabe lo que pasa en la calle, eso fue despues de la queja",
    "Mi jefe en la unidad me advirtió que si firmaba como testigo me quedaba sin trabajo.",
    # relevancia pública
    "Ya estoy en contacto con una reportera del periódico para que la gente sepa cómo nos tratan.",
    "Esto ya lo saben en el ayuntamiento, el síndico vino a ver con sus propios ojos.",
    "Subí las fotos de los baños a internet y ya tienen miles de compartidos.",
    "Vamos a hacer una manifestación afuera de la clínica con los vecinos el lunes.",
    "Un grupo de pacientes vamos a ir a la capital a pedir audiencia con el secretario de salud.",
    "La diputada de mi distrito ya tiene copia de este escrito.",
    "Ya presenté la denuncia ante la fiscalía por lo que le hicieron a mi hijo.",
    "Lo estamos transmitiendo en vivo para que todos vean cuántas horas llevamos esperando.",
    "Mi abogado va a pedir el expediente completo para la demanda.",
    "Ya levanté queja en la comisión estatal de derechos humanos.",
    "Un locutor de la radio comunitaria va a leer esta carta en su programa.",
    "Los del partido nos van a ayudar a que esto se sepa en el congreso.",
]

NO_CASOS = [
    # vocabulario de alarma en quejas ordinarias
    "Es urgentísimo que arreglen el elevador, los de la tercera edad suben las escaleras con trabajo.",
    "Casi me da algo cuando vi la fila de la farmacia, pongan más ventanillas.",
    "Me mata la espera, tres horas para una receta resurtible.",
    "Está de muerte la comida del comedor, siempre fría.",
    "La impresora de la ventanilla ya murió, lleva una semana sin servir.",
    "Qué grave que no tengan ni papel de baño en los sanitarios.",
    "Me dio un coraje terrible que me cambiaran la cita sin avisar.",
    "El calor en la sala de espera está matando a todos, urge un ventilador.",
    "Sugiero que pongan un letrero de dónde queda laboratorio, uno anda perdido como muerto en vida.",
    "Me quedé helado con el cobro de estacionamiento, debería ser gratis para derechohabientes.",
    "Las sillas están todas rotas, algún día alguien se va a caer, mejor cámbienlas.",
    "Ojalá pongan techo en la fila de afuera, con la lluvia nos empapamos.",
    "Mi hijo se raspó la rodilla en el patio de la guardería, le pusieron su curita y nos avisaron, todo bien.",
    "Me duele mucho la espalda desde hace meses y quiero que me manden a rehabilitación.",
    "Tengo diabetes y ya me falta la insulina, no la han surtido en dos meses.",
    "Mi mamá tiene cáncer y quiero saber cómo tramitar su traslado a oncología.",
    "Estuve internado por neumonía y quiero que me expliquen cómo pedir la incapacidad.",
    "Me operaron de la vesícula y todo salió muy bien, gracias al doctor.",
    "Quiero agradecer al equipo de urgencias que atendió a mi esposo del infarto, hoy está en casa gracias a ellos.",
    "Gracias a las enfermeras de terapia intensiva, mi hijo ya salió adelante.",
    "Felicito a la doctora que detectó a tiempo el tumor de mi mamá.",
    "El guardia fue muy amable, nos ayudó con la silla de ruedas.",
    "Quiero reconocer al camillero que cargó a mi papá cuando no había camilla.",
    # trámites después de una muerte, o hablar de muerte sin queja
    "Mi esposo falleció el mes pasado en su casa; ¿qué papeles necesito para la pensión?",
    "Solicito informes para cobrar la ayuda de gastos de funeral de mi padre.",
    "Mi mamá murió hace un año y todavía no me dan de baja su cuenta, me siguen llegando avisos.",
    "Necesito una copia del certificado de defunción de mi abuelo para un trámite del banco.",
    "¿Cómo doy de alta a mis hijos como beneficiarios después del fallecimiento de su papá?",
    "Se murió mi perro y ando triste, pero lo que quiero es mi cita de psicología que pedí hace meses.",
    # quejas duras pero sin 5.28
    "La recepcionista fue grosera, me contestó de mala gana y me aventó el carnet.",
    "El doctor ni me volteó a ver, solo escribió la receta en dos minutos.",
    "Me regañaron por llegar cinco minutos tarde y me quitaron la cita.",
    "La enfermera estaba en el celular mientras la gente esperaba.",
    "Me negaron la incapacidad aunque traía el papel del especialista.",
    "Es una vergüenza que no haya medicamento para la presión, siempre lo mismo.",
    "Voy a poner mi queja por escrito porque ya me cansé de que me traigan de ventanilla en ventanilla.",
    "Le voy a decir a mi hija que escriba también porque a ella le pasó lo mismo.",
    "Si no me resuelven voy a regresar mañana temprano a preguntar otra vez.",
    "Ya hablé con la trabajadora social y me dijo que esperara, sigo esperando.",
    "Me dijeron que me fuera a otra clínica porque ahí no me tocaba, perdí todo el día.",
    "El vigilante no deja pasar a los acompañantes ni para ayudar a un abuelito.",
    "El de la farmacia me dijo que ya no insistiera porque no hay y no va a haber.",
    "En la guardería se les olvidó darle su biberón a mi bebé a la hora, pido más cuidado.",
    "La rampa para sillas de ruedas está tapada por motos, alguien debería poner orden.",
    "Las cámaras de la entrada no sirven, sugiero que las reparen por seguridad.",
    "Propongo que publiquen en la página de internet los horarios del laboratorio.",
    "Vi en las noticias que van a construir una clínica nueva, ¿cuándo la abren?",
    "Escuché en la radio que ya hay vacuna de la influenza, ¿dónde me la ponen?",
    "Quiero saber si el sindicato tiene algún convenio para guardería de mis hijos.",
    "Mi abogado me pidió la constancia de semanas cotizadas para el trámite de mi pensión.",
    "Necesito que el doctor me llene el formato para la demanda de alimentos, es un trámite del juzgado.",
    "Me golpeé la mano en el trabajo y quiero saber cómo se tramita el riesgo de trabajo.",
    "Me caí en la calle y me fracturé el tobillo; ¿cómo pido la incapacidad?",
    "Tuve un accidente en moto y ya me dieron de alta, necesito la cita de seguimiento.",
    "Mi hijo tiene convulsiones desde chico y necesito que le den su medicamento completo.",
    "Estoy embarazada de alto riesgo y quiero cambiar mi cita a un horario de la mañana.",
    "La prueba de sangre me la tuvieron que picar cuatro veces, que capaciten mejor.",
    "A veces hay peleas en la fila por los lugares, que pongan turnos con número.",
    "URGE que contesten el teléfono de citas, nadie responde nunca.",
    "Ya me harté, si no me dan la cita me voy a otro lado, esto es una burla.",
    "Con todo respeto, el servicio de este hospital es pésimo y deberían darle vergüenza.",
    "Mi esposo salió del hospital y me dieron mal la hora de su siguiente cita, la corrigieron.",
]
# fmt: on
