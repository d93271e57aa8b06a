# ruff: noqa: E501 -- data module: one hand-written sentence per line, never wrapped
"""Hand-written fragments for the held-out test split, written apart from the training ones.

Same line format as ``fragments_train``. Nothing here is copied from that module:
sentences, wrappers, names and non-petition documents are all different, so the test split
measures generalisation rather than memorisation of the training sentences.
"""

ORIENTACION = """
afi | Buen día, mi hija cumple 16 y quiero saber si sigue cubierta por mi seguro o si hay que hacer algo.
afi | ¿Me podrían decir qué documentos llevo para registrar a mi mamá como dependiente económica?
afi | ¿Cómo sé en qué clínica me toca atenderme ahora que cambié de domicilio?
afi | Quiero asegurar a mi papá de forma voluntaria, ¿cuánto se paga y dónde se hace el trámite?
pen | ¿Qué diferencia hay entre la ley 73 y la ley 97 para pensionarme? No sé en cuál estoy.
pen | Tengo 62 años y 700 semanas, ¿ya me puedo pensionar o me faltan?
pen | ¿El aguinaldo de los pensionados cuándo se paga?
pen | Quisiera saber qué se necesita para que mi nieto reciba la pensión de orfandad.
inc | ¿Cuántos días de incapacidad me dan después de una cesárea y se pueden pasar para después del parto?
inc | ¿Si me enfermo estando de vacaciones me corresponde incapacidad?
inc | Pregunto cómo se tramita la ayuda para gastos de funeral, me dijeron que existe.
gua | Buenas tardes, ¿qué guarderías tienen lugar disponible para lactantes en esta zona?
gua | ¿Cuánto cuesta la guardería del seguro o es gratis para los trabajadores?
cit | ¿Cuál es el número para sacar cita por teléfono? El que viene en el carnet ya no existe.
cit | ¿Puedo pedir la cita para toda mi familia el mismo día o una por una?
ce | ¿En qué consultorio dan la consulta de planificación familiar y qué días?
ce | ¿Me pueden decir si aquí hay psicólogo o a dónde me tienen que enviar?
ce | Quisiera informes sobre el programa de control del niño sano, ¿cada cuándo se lleva al bebé?
urg | ¿Si tengo un accidente en la carretera me atienden en cualquier hospital del seguro?
urg | Pregunto si en urgencias de esta unidad hay pediatra en la noche.
hosp | ¿Se le puede llevar ropa y cobija a un paciente internado en ginecología?
hosp | ¿A qué hora dan el informe médico a los familiares de los pacientes en terapia intermedia?
far | ¿La farmacia de la clínica surte recetas de otra unidad del IMSS?
far | ¿Qué hago si perdí mi receta antes de surtirla?
lab | ¿Tengo que traer la orden del laboratorio impresa o con el carnet es suficiente?
lab | Para la densitometría ósea, ¿hay que hacer alguna preparación?
tra | ¿En qué horario está abierta la caja para pagar el seguro voluntario?
tra | Quisiera saber dónde puedo presentar una queja contra mi patrón por no pagar las cuotas.
tra | ¿Existe algún programa de apoyo para cuidadores de personas con Alzheimer?
cit | Oiga, ¿qué pasa si la cita me cae en día festivo, me la cambian solos?
afi | una duda, si me caso pierdo la pension de mi papa o no?
hosp* | Mi hermano murió en la cirugía y nadie nos ha explicado qué pasó, queremos saber qué hacer para que lo investiguen.
tra* | ¿Con quién me quejo si un empleado de la clínica me está amenazando por teléfono?
pen | Mi mamá falleció en diciembre, ¿mi papá puede cobrar algo de su pensión?
afi | Oigan, ¿cuánto tiempo tengo para registrar a mi bebé en el seguro después de que nace?
afi | ¿Qué necesito para que mi concubino pueda recibir servicio médico con mi número?
pen | ¿Si trabajé en dos empresas se juntan las semanas para la pensión?
pen | Quisiera saber si la pensión de viudez se pierde si me vuelvo a casar.
inc | ¿Quién paga los primeros tres días de incapacidad, la empresa o el seguro?
inc | Tengo una duda sobre la incapacidad por accidente en el trabajo, ¿cómo compruebo que fue en horario laboral?
gua | ¿Qué horario tiene la guardería de la zona centro y si dan desayuno?
cit | ¿Con qué anticipación debo pedir la cita para mi control de diabetes?
ce | Quisiera saber si la clínica tiene servicio de optometría o dónde revisan la vista.
ce | ¿Los sábados hay consulta para niños? Trabajo toda la semana.
urg | ¿Qué documentos necesito para que me atiendan en urgencias si no traigo la credencial?
hosp | ¿Mi papá internado puede recibir la visita de un sacerdote?
far | ¿Por qué el medicamento de mi receta dice que es de tercer nivel? ¿dónde lo surten?
lab | ¿Puedo tomar mis pastillas de la presión antes de los análisis en ayunas?
tra | ¿Dónde puedo consultar si ya me respondieron mi petición? Tengo un folio.
tra | ¿Con quién hablo para que me expliquen mis derechos como derechohabiente?
hosp* | ¿Qué tengo que hacer para pedir una investigación? Mi papá se cayó en el hospital y ahora está en coma.
"""

GESTION = """
cit | Solicito me asignen cita en la clínica del dolor, me refirieron desde octubre y no he tenido respuesta.
cit | Les pido que me reprogramen la cita de ortopedia, el día que me tocaba el consultorio estaba cerrado.
cit | Por favor agéndenme con el urólogo, el pase lo tengo desde hace dos meses.
afi | Pido que registren a mi esposo como beneficiario, ya entregué el acta de matrimonio en ventanilla.
afi | Necesito que corrijan mi apellido en el sistema, aparece con una letra mal y no coincide con mi INE.
afi | Solicito la reactivación de mi vigencia, mi empresa ya me reinscribió la semana pasada.
inc | Requiero que me paguen la incapacidad del mes de agosto, la empresa dice que el IMSS no la ha validado.
inc | Pido que me extiendan la incapacidad, sigo con la férula y el médico de la mañana no estaba.
inc | Solicito la reexpedición del certificado de incapacidad porque salió con la fecha equivocada.
pen | Solicito que me informen y agilicen mi trámite de pensión por invalidez que ingresé en enero.
pen | Pido que me entreguen la resolución de mi pensión, me dijeron que ya estaba pero no me la dan.
far | Solicito que se surta el medicamento oncológico de mi esposo que lleva tres semanas en espera.
far | Pido que me den el medicamento de mi receta resurtible, en farmacia dicen que no está capturada.
lab | Solicito que me reagenden el estudio de electrocardiograma, me cancelaron por falta de técnico.
lab | Les pido que me entreguen el resultado de la biopsia de mi mamá, ya pasaron seis semanas.
hosp | Solicito que trasladen a mi mamá a un hospital más cercano a la casa para poder visitarla.
hosp | Pido que me expidan la constancia de hospitalización de mi hijo para justificar sus faltas.
gua | Solicito que me den la fecha de ingreso de mi bebé a la guardería, ya tengo la carta de aceptación.
gua | Pido el cambio de turno en la guardería porque me cambiaron de horario en el trabajo.
ce | Solicito mi cambio de adscripción a la UMF más cercana a mi nuevo domicilio.
ce | Pido que me den la referencia al oftalmólogo, ya tengo tres meses esperando el pase.
urg | Solicito copia de la hoja de atención de urgencias del accidente de mi esposo para el seguro del carro.
tra | Pido que me den copia certificada del expediente de mi padre para un trámite legal.
tra | Solicito que se me entregue la constancia de semanas cotizadas impresa, no tengo internet.
cit | Necesito que me den una cita para que me quiten los puntos, en el hospital me dijeron que en la clínica.
afi | Ocupo que me den de alta a mi bebé, nació hace un mes y no la han registrado.
inc | Les pido que revisen el pago de mis días de incapacidad, me depositaron solo la mitad.
far | Por favor consíganme las tiras para el glucómetro, ya van dos meses que no hay.
pen | Necesito que cambien mi pago de pensión a otra ciudad porque me voy a vivir con mi hija.
hosp | Pido que programen la cirugía de cataratas de mi papá, ya tiene todos los estudios.
lab | Favor de mandar mis placas de tórax al neumólogo del hospital, me dijeron que las lleve yo y no me las dan.
hosp* | Solicito que me entreguen el expediente de mi esposo que falleció en terapia intensiva, queremos saber qué le hicieron.
cit | Solicito que me asignen fecha para la cirugía de mi rodilla, ya tengo la valoración del anestesiólogo.
cit | Les pido que me reagenden con la nutrióloga, el día de mi cita no vino.
afi | Solicito la corrección de mi número de seguridad social, me dieron uno que ya era de otra persona.
afi | Pido que me entreguen mi constancia de alta para llevarla a la escuela de mi hijo.
inc | Solicito que me paguen las incapacidades de mi esposa, ella está internada y no puede venir.
inc | Pido que me autoricen la incapacidad de los días que estuve en el hospital particular por la emergencia.
pen | Solicito que me den cita para la entrega de mi resolución de pensión, ya me llegó la carta.
far | Les pido que me surtan las vacunas de mi hijo que no había la vez pasada.
far | Solicito que me den el oxígeno domiciliario que el neumólogo ya autorizó para mi papá.
lab | Solicito que me hagan el estudio de audiometría que me ordenaron en salud en el trabajo.
hosp | Pido que me den la constancia de que mi esposo estuvo internado para presentarla en su trabajo.
gua | Solicito que me devuelvan los documentos originales que dejé en la guardería.
ce | Pido que me den el pase para el psiquiatra, ya llevo tres meses con la psicóloga.
urg | Solicito que me entreguen la radiografía que me tomaron en urgencias.
tra | Pido que me ayuden a conseguir el transporte para las terapias de mi hija, no tenemos carro.
tra* | Solicito que me atienda otro médico, el doctor de mi consultorio me insultó y me empujó.
"""

QUEJA_SERVICIO = """
ce | Esperé desde las siete de la mañana y me atendieron a la una, y el doctor ni me tocó.
ce | La doctora del consultorio 9 se la pasa en el teléfono mientras uno le explica lo que siente.
ce | Nos hacen esperar afuera en el sol porque no caben en la sala, es inhumano.
ce | El médico me contestó de muy mala forma cuando le pregunté por mis resultados.
far | Otra vez no hay medicamento para la tiroides, ya son tres meses sin surtir.
far | En farmacia solo atiende una persona y la fila llega hasta la calle.
far | Me dijeron en farmacia que regresara mañana por los antibióticos de mi hijo, y está con fiebre.
urg | En urgencias nos tuvieron toda la noche sin darnos información de mi papá.
urg | La recepcionista de urgencias se burló de mi mamá porque no sabía leer.
urg | Los baños de urgencias no tienen agua desde hace una semana.
hosp | A mi esposo hospitalizado no le cambiaron el suero a tiempo y tuvimos que ir a buscar a la enfermera.
hosp | La comida que dan en el hospital llega fría y a veces ni llega.
hosp | En el piso de pediatría hay cucarachas, lo vimos con nuestros propios ojos.
lab | Tuve que venir tres veces al laboratorio porque no había reactivos.
lab | En rayos X nos dejaron esperando dos horas en bata en el pasillo.
afi | La señorita de vigencia me dijo que no era su problema y se fue.
afi | Tuve que formarme cuatro horas en la subdelegación para un papel que tardaron cinco minutos en imprimir.
cit | Me cambiaron la cita tres veces y nunca me avisaron, llegaba y no estaba el doctor.
cit | En el teléfono de citas te dejan en espera media hora y luego cuelgan.
gua | En la guardería no me avisaron que mi hijo tenía fiebre hasta que pasé por él.
gua | Las cuidadoras de la guardería les gritan a los niños, mi hija ya no quiere ir.
inc | Me hicieron ir y venir por mi incapacidad porque el sistema estaba caído, perdí dos días de trabajo.
pen | Para preguntar por mi pensión me hicieron esperar todo el día y al final me dijeron que regresara.
tra | La clínica está sucia, hay basura en los pasillos y los botes están llenos.
tra | El guardia de la entrada es muy prepotente, no deja entrar con carriola.
tra | No funciona ningún baño de hombres en toda la clínica.
ce | Mi médico familiar cambia cada mes y cada uno me manda a hacer los mismos estudios.
urg* | En urgencias un policía jaloneó a mi hermano y le dijo que si seguía preguntando lo iban a detener.
hosp* | Una enfermera le gritó y le pegó en la mano a mi abuelita porque se quería quitar la sonda.
tra* | Ya hablé con la prensa sobre el trato que nos dan aquí, mañana sale la nota.
far | El encargado de farmacia me aventó la receta y me dijo que no le hiciera perder el tiempo.
lab | Nadie contesta en el laboratorio para saber si ya están mis resultados.
tra* | Un vigilante le dio un manotazo a mi hijo adolescente porque se sentó en la escalera.
ce* | El médico me corrió del consultorio a gritos y me dijo que me iba a poner una demanda si volvía.
ce | Me tocó la consulta a las 9 y pasé a las 12:30, y el doctor solo me dio paracetamol.
ce | La asistente del consultorio 6 nos hace esperar afuera aunque hay lugar en la sala.
far | Nunca hay gotas para los ojos en esta farmacia, ya van cinco meses.
far | En farmacia te dicen que no hay y luego resulta que sí había, solo no querían buscar.
urg | El médico de urgencias revisó a mi esposo sin quitarse los audífonos y sin hacerle caso.
urg | En urgencias la sala estaba sucia con sangre en el piso y nadie limpiaba.
hosp | En el hospital a mi tía no la bañaron en cuatro días.
hosp | El timbre del cuarto no sirve y las enfermeras ni se asoman.
lab | En el laboratorio te citan a todos a las 7 y hay que esperar parado tres horas en ayunas.
afi | Fui tres veces a afiliación y en cada vez me pidieron un documento distinto.
cit | Llevo dos meses tratando de sacar cita con el especialista y siempre me dicen que no hay agenda.
gua | La guardería no me avisó que cambiaron el horario y dejaron a mi hijo esperando en la dirección.
inc | En prestaciones me trataron mal y me dijeron que leyera los letreros en lugar de preguntar.
pen | La persona de pensiones me gritó delante de todos porque no traía una copia.
tra | El elevador nunca sirve y los pacientes en silla de ruedas no pueden subir al segundo piso.
tra | No hay agua en los bebederos ni en los baños desde hace semanas.
lab* | El técnico de rayos X me hizo comentarios de mi cuerpo y me pidió mi número, me sentí acosada.
far* | Un señor de la fila le pegó a una viejita en la farmacia y el personal solo miró.
cit* | Ya está circulando en las redes el video de la fila de citas y lo retomó un noticiero.
"""

QUEJA_ADMINISTRATIVA = """
far | Solicito el reembolso de lo que pagué por los medicamentos de mi hijo con epilepsia, el instituto no los tenía desde enero.
lab | Pagué un estudio de tomografía particular por la urgencia de mi mamá, pido que el IMSS me lo reembolse, anexo factura.
hosp | Mi familia tuvo que pagar la prótesis de cadera de mi papá en un hospital privado porque aquí nunca llegó, exigimos el reembolso.
pen | Me negaron la pensión por cesantía diciendo que mi semana 500 no está registrada, tengo las hojas rosas y exijo que revisen.
pen | La pensión de mi madre fue dada de baja sin razón, pedimos una resolución por escrito.
pen | Me pagan la pensión con un cálculo equivocado, pido la revisión y el pago de lo que me deben.
inc | Me negaron el subsidio por incapacidad diciendo que estaba dado de baja, y mi patrón sí me tenía asegurado.
inc | No me reconocieron el accidente como riesgo de trabajo aunque traigo el reporte de la empresa, solicito revisión formal.
inc | Me negaron la incapacidad por maternidad, quiero que se me dé una respuesta por escrito con el fundamento.
afi | Me cobraron recargos de seguro voluntario que ya pagué a tiempo, pido la cancelación del adeudo.
afi | La empresa me descuenta las cuotas y el IMSS dice que no estoy registrado, que se investigue al patrón.
tra | Un trabajador de la subdelegación me ofreció acelerar mi trámite si le daba dinero, lo denuncio.
tra | En la entrada nos cobran por el uso del baño diciendo que es cuota del IMSS.
ce | El médico le negó la atención a mi hija porque no traía la credencial, y sí está vigente, quiero una resolución.
hosp* | Por un error en la anestesia mi hermano quedó en estado vegetativo, exigimos que se investigue.
hosp* | A mi madre le amputaron el pie equivocado en la cirugía, pedimos una investigación y la reparación del daño.
urg* | Mi esposo murió esperando en urgencias tras doce horas sin que un médico lo revisara, exijo justicia.
urg* | Dieron de alta a mi papá con un infarto diciendo que era gastritis, falleció en la casa esa misma noche.
gua* | Mi hija de dos años se quemó con agua caliente en la guardería, pido que se investigue al personal.
gua* | Encontré a mi bebé con una herida en la cabeza y la guardería no supo explicar qué pasó, exijo investigación.
tra* | La supervisora de enfermería nos acosa y nos amenaza con cambiarnos de turno si no hacemos lo que dice.
ce* | El doctor me hizo comentarios sexuales y me pidió que me desnudara sin necesidad, quiero que se investigue.
lab | Me cobraron un ultrasonido en la clínica porque dijeron que no tenía derecho y soy derechohabiente, pido mi dinero.
hosp | Me cobraron la estancia de mi hijo en el hospital porque según su vigencia venció ese día, pido la devolución.
pen | Me descuentan una cuota sindical de la pensión que nunca autoricé, pido que se aclare por escrito.
far | Exijo el reembolso de la insulina que compré durante el desabasto, tengo las notas de compra.
inc | Me suspendieron el pago de incapacidades sin dictamen médico, pido que se resuelva conforme a derecho.
afi | Me niegan el alta de mi hija de 20 años que estudia la universidad, aunque traigo la constancia de estudios.
cit* | Por el retraso de ocho meses en la cita de oncología el cáncer de mi esposa se extendió, pedimos que se investigue.
tra | El jefe de personal de la clínica vende las fichas de consulta a 50 pesos, que se investigue.
hosp* | Mi bebé nació con una lesión en el brazo por cómo lo sacaron en el parto, queremos que se investigue al ginecólogo.
far* | Me surtieron un medicamento equivocado y mi papá tuvo una hemorragia, está internado, exijo una investigación.
lab* | Mezclaron los resultados de mi biopsia con los de otra persona y me operaron sin necesidad, exijo una explicación.
pen | Me cancelaron la pensión porque según no presenté la supervivencia y sí la presenté, tengo el acuse.
pen | Negaron la pensión de viudez a mi madre diciendo que el matrimonio fue después de la pensión, pedimos una revisión formal.
inc | Me negaron el pago de incapacidad por enfermedad diciendo que no tenía semanas suficientes, tengo más de las necesarias.
afi | El instituto me da de baja cada mes aunque mi patrón paga, ya me cobraron dos consultas en particular, pido reembolso.
far | Compré los medicamentos de mi trasplante durante cuatro meses porque no había en el IMSS, exijo el reembolso.
lab | Me cobraron la toma de muestra en el laboratorio de la unidad, eso es ilegal, pido que se investigue.
hosp | Mi papá tuvo que pagar su marcapasos porque el hospital nunca lo consiguió, solicitamos el reembolso.
tra | Una persona que dice trabajar en el IMSS me cobró por tramitar mi pensión y nunca hizo nada.
ce | La doctora se niega a darme incapacidad aunque no puedo trabajar, y me amenaza con darme de alta, pido revisión.
gua | Dieron de baja a mi hija de la guardería porque me quejé, quiero una respuesta por escrito.
urg* | A mi mamá la dejaron sin oxígeno en urgencias por falta de tanques y murió, exigimos una investigación.
hosp* | Por un mal manejo en el parto mi bebé tiene parálisis cerebral, pedimos una investigación.
ce* | La enfermera vacunó a mi hijo con una jeringa usada, lo vi con mis propios ojos, exijo una investigación.
tra* | El médico residente me tocó sin mi permiso cuando estaba sedada, pido que se investigue y se le castigue.
afi | Me niegan la afiliación de mi esposa porque el sistema dice que ya está afiliada con otro, y no es cierto.
urg* | Mi sobrino falleció por una apendicitis que en urgencias diagnosticaron como infección estomacal.
gua* | La maestra de la guardería zarandeó a mi bebé, lo vi en el video de la cámara, exijo una investigación.
"""

SUGERENCIA = """
tra | Sería buena idea poner un módulo con sillas de ruedas prestadas en la entrada.
tra | Sugiero poner sombra en el área de espera de afuera, hay gente que se desmaya por el sol.
tra | Propongo que pongan un mapa de la clínica en la entrada.
tra | Deberían tener un lugar para dejar las carriolas en la planta baja.
tra | Sugiero que los letreros estén en braille para las personas ciegas.
ce | Sería útil que en la consulta den una hoja con las indicaciones por escrito.
ce | Propongo que los pacientes crónicos tengan consultas cada dos meses en lugar de cada mes.
ce | Recomiendo que haya un médico más en el turno de la tarde, los consultorios no se dan abasto.
far | Sugiero que en la farmacia pongan un sistema de turnos con números.
far | Estaría genial que se pueda apartar el medicamento por la aplicación.
urg | Sugiero que en urgencias pongan una sala de espera con baño propio para los familiares.
urg | Sería bueno que en urgencias haya alguien que oriente en lengua indígena.
hosp | Propongo que en el hospital dejen un teléfono para que los familiares pregunten por los pacientes.
hosp | Sería buena idea tener wifi en el hospital para los familiares que se quedan días.
lab | Sugiero que en el laboratorio pongan una fila para niños pequeños.
lab | Propongo que manden los resultados de rayos X por correo electrónico.
afi | Sugiero que en afiliación tengan una ventanilla especial para adultos mayores.
afi | Estaría bien que el trámite de alta de beneficiarios se haga por internet.
cit | Sugiero que la aplicación de citas permita escoger el horario.
cit | Propongo que se llame a los pacientes un día antes para confirmar la cita.
gua | Sugiero que la guardería tenga una cámara en línea para que los papás veamos a los niños.
gua | Sería bueno que las guarderías abran los sábados para los que trabajamos en comercio.
inc | Propongo que la empresa reciba la incapacidad en automático sin que uno tenga que llevar el papel.
pen | Propongo que los pensionados puedan hacer su supervivencia desde casa con una videollamada.
tra | Mi sugerencia es que haya música tranquila en la sala de espera.
tra | Que pongan una máquina de café o de agua caliente para los que esperan en la madrugada.
ce | Sería excelente que hubiera un consultorio solo para adultos mayores.
far | Recomiendo que farmacia tenga un horario corrido los fines de semana.
hosp | Sugiero que en cada cuarto haya un pizarrón con el nombre del médico y la enfermera del turno.
tra | Pienso que deberían hacer pláticas de salud en la sala mientras uno espera.
tra* | Sugiero poner cámaras en los pasillos, a mi mamá le robaron y la tiraron al piso al salir.
tra | Estaría bien que pusieran ventiladores en los pasillos, hace mucho calor en verano.
tra | Sugiero que haya un lugar techado para esperar el transporte afuera de la clínica.
ce | Propongo que el turno de la tarde tenga más fichas porque siempre se acaban.
ce | Sería bueno que los médicos tuvieran una hoja con dibujos para explicar a la gente que no sabe leer.
far | Sugiero que la farmacia entregue en un solo día todo el medicamento del mes de los crónicos.
urg | Propongo que en urgencias haya una pantalla con el nombre del paciente y su estado.
hosp | Sugiero que en el hospital haya un área de descanso para los familiares que se quedan de noche.
lab | Sería bueno que los análisis se pudieran hacer en la tarde también.
afi | Sugiero que en la página expliquen mejor los pasos para dar de alta a los beneficiarios.
cit | Propongo que los pacientes que faltan a su cita sean reemplazados por los que están en espera.
gua | Sugiero que la guardería ofrezca un menú vegetariano para los niños que lo necesitan.
inc | Sería bueno que las incapacidades se pudieran consultar en la aplicación.
pen | Propongo que el pago de pensión se pueda cobrar en tiendas de conveniencia.
tra | Sugiero pláticas para el personal sobre el trato a personas con discapacidad.
tra | Deberían poner un módulo de información también en el estacionamiento.
"""

RECONOCIMIENTO = """
ce | Agradezco al médico del consultorio 4, me trató con mucho respeto y me explicó mi tratamiento.
ce | Felicidades a la doctora Gómez, es muy humana y siempre pregunta cómo está la familia.
ce | Gracias a la enfermera de la toma de presión, muy amable y atenta.
urg | Mi más sincero agradecimiento al personal de urgencias que atendió a mi esposa en su crisis de asma.
urg | Quiero felicitar al médico de guardia que revisó a mi bebé a las tres de la mañana con toda la paciencia.
hosp | Gracias a las enfermeras del área de cirugía por cuidar a mi papá como si fuera de su familia.
hosp | Agradecemos al equipo de neonatos, nuestra hija nació prematura y hoy está sana.
hosp | Felicito a la jefa de piso de traumatología, muy organizada y atenta con los pacientes.
far | Gracias a la señora de farmacia que me ayudó a leer la receta, es muy servicial.
far | Reconozco la buena atención en farmacia, ya no hay que esperar tanto como antes.
lab | Agradezco al personal de laboratorio por su trato tan amable con los niños.
lab | Gracias al radiólogo que me explicó el resultado con calma.
afi | Felicito a la señorita de afiliación que me atendió aunque ya era hora de cerrar.
afi | Un agradecimiento al joven de vigencia de derechos, muy paciente con los adultos mayores.
cit | Gracias a la recepcionista que me ayudó a agendar mi cita en la aplicación.
gua | Gracias a las maestras de la guardería por el amor con que cuidan a mi hijo.
gua | Felicito a la enfermera de la guardería por estar pendiente de la alergia de mi niña.
inc | Agradezco la atención rápida en el trámite de mi incapacidad, me resolvieron en una mañana.
pen | Gracias a la licenciada de la ventanilla de pensiones por su paciencia y claridad.
tra | Felicito al personal de limpieza, la clínica siempre huele bien y está limpia.
tra | Gracias al señor de la entrada que me ayudó con la silla de ruedas de mi esposo.
tra | Quiero reconocer a la trabajadora social que nos consiguió albergue cuando vinimos de lejos.
ce | Muchas gracias al dentista del turno matutino, muy buen trabajo y nada de dolor.
hosp | Doy gracias al anestesiólogo que tranquilizó a mi hija antes de su cirugía.
urg | Excelente trato en urgencias, rápidos y profesionales, mil gracias.
tra | Agradezco a todo el equipo de la clínica por la jornada de salud en mi colonia.
ce | Gracias doctora por escucharme, hace mucho que un médico no me tomaba en serio.
hosp | Reconocimiento al personal de hemodiálisis por su cariño y profesionalismo.
far | buena atencion en la farmacia el dia de hoy, muy amable el muchacho
tra | Felicitaciones al director de la unidad por los cambios, ahora todo funciona mejor.
ce | Agradezco a mi médica familiar por detectar a tiempo la diabetes de mi esposo.
ce | Felicito a la enfermera de vacunación, le tuvo mucha paciencia a mi hijo con autismo.
urg | Gracias al equipo de urgencias que atendió a mi mamá el domingo, fueron muy rápidos.
hosp | Reconozco al personal de cirugía general, mi papá se recuperó muy bien de su operación.
hosp | Gracias a la jefa de enfermeras del piso de medicina interna por su trato humano.
far | Felicidades a la farmacia por la nueva organización, ahora se surte rápido.
lab | Gracias a las químicas del laboratorio por su puntualidad y buen trato.
afi | Gracias a la chica de afiliación que me explicó con paciencia lo de mi vigencia.
cit | Reconozco el buen servicio del área de citas, me atendieron sin hacer fila.
gua | Agradezco a la directora de la guardería por apoyarnos cuando mi hijo estuvo enfermo.
inc | Gracias al personal de prestaciones económicas, resolvieron mi pago en una sola visita.
pen | Felicito a la ventanilla de pensiones por la rapidez con que atendieron a mi papá.
tra | Gracias a la psicóloga de la unidad por su apoyo en un momento muy difícil.
tra | Agradezco al chofer de la ambulancia que llevó a mi mamá con tanto cuidado.
ce | Reconocimiento para el doctor del consultorio 11, siempre puntual y respetuoso.
"""

SALUDOS = [
    "Estimado personal del IMSS:",
    "Sres. de la clínica",
    "Muy buenos días",
    "A las autoridades de la unidad",
    "Al encargado del buzón:",
    "Con el debido respeto,",
    "DIRECTOR DEL HOSPITAL GENERAL DE ZONA {num}",
    "Hola buenas tardes",
]

INTROS_NEUTRAS = [
    "Me permito redactar la presente para comentarles algo.",
    "Escribo este mensaje para contarles lo que me pasó.",
    "Les hago llegar este escrito.",
    "Les platico lo siguiente.",
    "Pongo esto por escrito para que quede constancia.",
]

INTROS_POR_TIPO = {
    "orientacion": [
        "Tengo una pregunta y espero que me puedan contestar.",
        "Necesito que alguien me informe de lo siguiente.",
    ],
    "gestion": [
        "Por este conducto solicito atentamente lo siguiente.",
        "Hago la siguiente solicitud.",
    ],
    "queja_servicio": [
        "Quiero manifestar mi molestia por la atención que recibí.",
        "Esta es una queja.",
    ],
    "queja_administrativa": [
        "Presento esta queja para que se investigue y me respondan por escrito.",
        "Por este medio denuncio los siguientes hechos.",
    ],
    "sugerencia": [
        "Les dejo una idea para mejorar.",
        "Me permito hacer una sugerencia.",
    ],
    "reconocimiento": [
        "Escribo para dar las gracias.",
        "Quiero felicitar públicamente a alguien.",
    ],
}

CONTEXTOS = [
    "Soy pensionada y vivo sola.",
    "Les escribe el esposo de la paciente {nombre}.",
    "Tengo 70 años y vengo cada mes.",
    "Mi hija es la que me ayuda a escribir esto.",
    "Somos derechohabientes de la unidad {umf}.",
    "Soy trabajadora del campo.",
    "Mi bebé tiene un año.",
    "Vivo con mi mamá que usa silla de ruedas.",
    "Trabajo de noche en una fábrica.",
    "Mi hermano tiene síndrome de Down.",
]

CIERRES_POR_TIPO = {
    "orientacion": ["Espero me puedan orientar.", "¿Con quién tengo que ir?"],
    "gestion": ["Espero su pronta solución.", "Les dejo mis datos para que me llamen."],
    "queja_servicio": ["Esto no puede seguir así.", "Que alguien ponga orden."],
    "queja_administrativa": [
        "Espero una resolución formal.",
        "Solicito que se deslinden responsabilidades.",
    ],
    "sugerencia": ["Espero que la tomen en cuenta.", "Gracias por considerarlo."],
    "reconocimiento": ["Mil gracias.", "Felicidades a todos."],
}

CIERRES_NEUTROS = ["Gracias.", "Les agradezco.", "Que tengan buen día."]

DESPEDIDAS = ["Atte.", "Cordialmente", "Su servidora", "Su servidor", ""]

AGRAVANTES = [
    "Ya lo denuncié ante el ministerio público.",
    "Un regidor del municipio me dijo que iba a ver este asunto.",
    "Me dijeron que si me quejaba me iban a boletinar.",
    "Mi hijo terminó internado por todo esto.",
    "Un medio de comunicación ya está investigando el caso.",
]

NOMBRES = [
    "Esperanza Villalobos Ochoa",
    "Ricardo Guzmán Peña",
    "Norma Alicia Rangel Saldaña",
    "Héctor Manuel Cabrera Tapia",
    "Adriana Zamora Lozano",
    "Gilberto Acosta Padilla",
    "Irma Leticia Valdez Orozco",
    "Ernesto Bautista Montes",
    "Teresa de Jesús Molina Cano",
    "Saúl Aguirre Benítez",
    "Margarita Trejo Zúñiga",
    "Óscar Iván Paredes Gallegos",
]

MEDICOS = ["Dra. Gómez", "el Dr. Treviño", "la doctora Alcántara"]

ETIQUETAS_VOLANTE = ["Escriba aquí:", "Exposición de motivos:"]

NO_PETICIONES = """
IMSS te informa
Semana Nacional de Salud Pública
Vacunación, detección de diabetes y presión arterial
Acude a tu unidad del {fecha}
---
FARMACIA DEL AHORRO
Folio {folio}
IBUPROFENO 400MG  $ {precio}
VITAMINA C  $ {precio}
TOTAL  $ {precio}
EFECTIVO  $ {precio}
CAMBIO  $ {precio}
---
IMSS  RECETA
Paciente: {nombre}
Metformina 850 mg una tableta con el desayuno y la cena
Glibenclamida 5 mg media tableta en ayunas
Surtir en farmacia de la UMF {umf}
---
CITA
Servicio: Medicina Familiar
Día {fecha}  {hora} hrs
Consultorio {num} vespertino
Traer carnet e identificación
---
CARTILLA NACIONAL DE SALUD  MUJER 20 A 59 AÑOS
Td  refuerzo  {fecha}
Influenza estacional  {fecha}
Detección de cáncer cervicouterino  {fecha}
---
¿SABÍAS QUE...?
Puedes consultar tu vigencia de derechos en imss.gob.mx
Descarga la app IMSS Digital
---
CARTEL: Lávate las manos
1 Moja tus manos
2 Aplica jabón
3 Frota 20 segundos
4 Enjuaga y seca
---
Recordatorio
comprar pañales y leche
ir al banco
cita del dentista jueves
---
SE VENDE TERRENO
200 m2 con escrituras
informes {telefono}
---
Taller mecánico El Güero
afinaciones, frenos, suspensión
{telefono}
---
Examen de historia
1. ¿En qué año inició la Independencia? 1810
2. ¿Quién fue Miguel Hidalgo? Un cura
---
COMIDA CORRIDA
Consomé
Espagueti
Milanesa con ensalada
Agua del día
$75
---
$$  --  ##  ||  oo  ~  ..  /  lIl  )(  ::  __
---
ORDEN DE ESTUDIO RADIOLÓGICO
Tele de tórax PA
Paciente {nombre}
Diagnóstico: tos crónica
---
Informe de ultrasonido obstétrico
Producto único vivo, frecuencia cardiaca fetal 145 lpm
Edad gestacional por biometría {num} semanas
---
ESTADO DE CUENTA INDIVIDUAL
NSS {nss}
Semanas cotizadas: {num}
Salario base de cotización ${precio}
---
Gracias por su visita
Encuesta de satisfacción
¿Cómo calificaría la atención recibida?  1 2 3 4 5
---
Invitación
Primera comunión de Ximena
Sábado {fecha} 12:00 hrs
---
Lista de útiles
cuaderno de cuadro
lápices
colores
tijeras
pegamento
---
GUARDERÍA IMSS
Menú semanal
Lunes: sopa de letras, pollo
Martes: crema de calabaza, pescado
---
VOLANTE DE BUZÓN DE SUGERENCIAS, RECONOCIMIENTOS Y QUEJAS
Marque con una X
Nombre completo
Número de Seguridad Social
---
Instrucciones para su cirugía
No comer ni beber 8 horas antes
Presentarse a las 6:00 con un familiar
Retirar esmalte de uñas
---
yo dibujé a mi familia mi papa mi mama mi hermano y yo
---
Nota: se cayó el sistema de 10 a 12, se reanuda la entrega de fichas en la tarde
---
Compro oro y plata
pago al mejor precio
{telefono}
---
Horóscopo
Aries: hoy tendrás un buen día en el trabajo
Tauro: cuida tu salud
---
DÍA MUNDIAL SIN TABACO
Dejar de fumar salva vidas
Clínica de cesación del tabaquismo, pregunta en trabajo social
---
HOJA DE INDICACIONES MÉDICAS
Dieta blanda
Reposo relativo 3 días
Naproxeno 250 mg cada 12 horas
Acudir a urgencias si presenta fiebre
---
Oficio {folio}
Se turna al servicio de Nutrición para su conocimiento y atención.
Jefatura de Servicios
---
Apuntes de química
H2O es agua, NaCl es sal de mesa
los átomos tienen protones, neutrones y electrones
---
Mañana a las 6 en la casa de mi comadre, llevar refrescos y desechables
---
Pago de servicio de agua
Cuenta {folio}
Periodo {fecha}
Importe $ {precio}
---
Gaceta del IMSS
La delegación realizó una jornada de cirugías de cataratas con 120 pacientes atendidos.
---
RECIBO DE HONORARIOS
Consulta médica particular
Dr. {nombre}
Importe $ {precio}
---
Cronograma de vacunación escolar
Lunes 1o y 2o grado
Martes 3o y 4o grado
Miércoles 5o y 6o grado
---
Se regalan gatitos
ya comen solos
{telefono}
---
Canción
Las mañanitas que cantaba el rey David
hoy por ser día de tu santo te las cantamos a ti
---
Hoja de referencia
Unidad de envío UMF {umf}
Servicio de destino: Ginecología
Motivo: control de embarazo de alto riesgo
---
CARTEL INFORMATIVO
Si eres derechohabiente puedes solicitar tu cita desde la app IMSS Digital
o llamando al 800 623 2323
---
cuentas
luz 350
gas 480
renta 3500
---
Premio al empleado del mes
Felicidades a la enfermera del turno matutino por su desempeño
Jefatura de enfermería
"""

ARTICULOS = [
    "harina",
    "manteca",
    "elotes",
    "nopales",
    "limones",
    "jamon",
    "salchicha",
    "cereal",
    "suavitel",
    "fabuloso",
    "servilletas",
    "veladoras",
    "masa",
    "aguacate",
    "papas",
    "zanahoria",
]
